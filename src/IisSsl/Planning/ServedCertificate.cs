using System.Net.Sockets;
using IisSsl.Analysis;
using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>
/// One cell of a binding's clients and the certificate HTTP.SYS hands them, by thumbprint, with the record or store
/// that chose it (the thumbprint is the record's even when the certificate itself was not read). The cells are the
/// analysis' client paths (<see cref="ServedCertificates"/>, built on <see cref="CertificateResolver.PathsOf"/>) cut
/// by kind of client: with or without SNI (<see cref="Sni"/>), arriving on the binding's endpoint, as IPv4 or IPv6
/// clients of a <c>*</c> binding (when a <c>[::]</c> record serves them apart), or on the address of a specific-IP
/// <c>ipport</c> record (<see cref="Arrival"/>). <see cref="Pair"/> compares two states of a server whose records differ.
/// </summary>
internal sealed record ServedCertificate(
    string Site, Endpoint Endpoint, HostName? Host, bool Sni, ClientAddresses Addresses, SslCertBinding? Arrival, string? RecordKey, string? Thumbprint, bool FromCentralStore)
{
    /// <summary>The same clients of the same binding in another state of the server.</summary>
    public CellKey Key => new(Site.ToUpperInvariant(), Endpoint, Host, Sni, Addresses, Arrival?.Key);

    /// <summary>"IPv6 clients with SNI", "clients arriving on 10.0.0.9:443 without SNI", "clients on 10.0.0.5:443 with SNI".</summary>
    public string Clients => (Addresses switch
    {
        ClientAddresses.IPv4 => "IPv4 clients",
        ClientAddresses.IPv6 => "IPv6 clients",
        ClientAddresses.SpecificIpPort => $"clients arriving on {Arrival?.Key["ipport=".Length..]}",
        _ when Endpoint.IsAllUnassigned => "clients",
        _ => $"clients on {Endpoint.HttpSysKey}",
    }) + (Sni ? " with SNI" : " without SNI");

    public string Describe() => $"site \"{Site}\" {Host?.Value ?? "(any host name)"} on {Endpoint}, {Clients}";

    /// <summary>Every cell of every https binding of <paramref name="state"/>, as HTTP.SYS would serve it.</summary>
    public static IReadOnlyList<ServedCertificate> Of(ServerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var served = new ServedCertificates(state);
        var cells = new List<ServedCertificate>();
        foreach (var (site, binding) in state.Configuration.HttpsBindings)
        {
            if (binding.Problem is not null || binding.Endpoint is not { } endpoint)
                continue;
            foreach (var path in served.For(endpoint, binding.Host, binding.UsesSni))
            {
                var arrival = path.Addresses == ClientAddresses.SpecificIpPort ? path.Record : null;
                if (path.Kind != ClientKind.WithoutSni)
                    cells.Add(new ServedCertificate(site.Name, endpoint, binding.Host, true, path.Addresses, arrival, path.Record?.Key, path.Thumbprint, path.FromCentralStore));
                if (path.Kind != ClientKind.WithSni)
                    cells.Add(new ServedCertificate(site.Name, endpoint, binding.Host, false, path.Addresses, arrival, path.Record?.Key, path.Thumbprint, path.FromCentralStore));
            }
        }

        return cells;
    }

    /// <summary>
    /// Each cell of <paramref name="before"/> with the cell(s) of <paramref name="after"/> serving the same clients
    /// (null: the binding or that kind of client is gone). Where the two states cut a binding's clients differently
    /// (a <c>[::]</c> record or a specific-IP record exists in one of them only), clients are followed to where they
    /// go: the endpoint's clients are the IPv4 and the IPv6 ones, and clients arriving on a specific-IP record's
    /// address are, without that record, IPv4 or IPv6 clients by the address's family.
    /// </summary>
    public static IEnumerable<(ServedCertificate Before, ServedCertificate? After)> Pair(IReadOnlyList<ServedCertificate> before, IReadOnlyList<ServedCertificate> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var now = Index(after);
        var then = Index(before);
        foreach (var cell in before)
        {
            var found = false;
            foreach (var match in Matches(now, cell))
            {
                found = true;
                yield return (cell, match);
            }

            if (!found)
                yield return (cell, null);
        }

        // Clients a specific-IP record catches only after the change: they were the family's (or endpoint's) clients before.
        foreach (var cell in after)
        {
            if (cell.Arrival is not null && !then.ContainsKey(cell.Key) && Matches(then, cell).FirstOrDefault() is { } was)
                yield return (was, cell);
        }
    }

    /// <summary>The cells of <paramref name="index"/> that serve <paramref name="cell"/>'s clients: its own, else where they go.</summary>
    private static IEnumerable<ServedCertificate> Matches(Dictionary<CellKey, ServedCertificate> index, ServedCertificate cell)
    {
        if (index.TryGetValue(cell.Key, out var same))
        {
            yield return same;
            yield break;
        }

        var key = cell.Key;
        var family = cell.Addresses switch
        {
            ClientAddresses.SpecificIpPort => cell.Arrival?.Address?.AddressFamily == AddressFamily.InterNetworkV6 ? ClientAddresses.IPv6 : ClientAddresses.IPv4,
            _ => cell.Addresses,
        };
        if (family is ClientAddresses.IPv4 or ClientAddresses.IPv6)
        {
            if (index.TryGetValue(key with { Addresses = family, Arrival = null }, out var sameFamily))
                yield return sameFamily;
            else if (index.TryGetValue(key with { Addresses = ClientAddresses.Endpoint, Arrival = null }, out var endpoint))
                yield return endpoint;
            yield break;
        }

        if (family == ClientAddresses.Endpoint)
        {
            if (index.TryGetValue(key with { Addresses = ClientAddresses.IPv4 }, out var ipv4))
                yield return ipv4;
            if (index.TryGetValue(key with { Addresses = ClientAddresses.IPv6 }, out var ipv6))
                yield return ipv6;
        }
    }

    private static Dictionary<CellKey, ServedCertificate> Index(IReadOnlyList<ServedCertificate> cells)
    {
        var index = new Dictionary<CellKey, ServedCertificate>(cells.Count);
        foreach (var cell in cells)
            index.TryAdd(cell.Key, cell);
        return index;
    }

    public static string? Normalise(string? thumbprint) => ServedCertificates.Normalise(thumbprint);
}

/// <summary>A <see cref="ServedCertificate"/>'s clients, comparable across states: site (upper case), binding, SNI or not, addresses, arrival record key.</summary>
internal readonly record struct CellKey(string Site, Endpoint Endpoint, HostName? Host, bool Sni, ClientAddresses Addresses, string? Arrival);
