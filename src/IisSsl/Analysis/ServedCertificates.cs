using System.Net;
using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// The analysis' handshake model (<see cref="CertificateResolver.PathsOf"/>) asked one question: for one https
/// binding, which record and certificate each client path it serves is given. The paths are verify's own: SNI clients
/// (every binding with a host), clients without SNI (bindings without the SNI flag, and catch-all bindings), and for a
/// <c>*</c> binding the arrivals HTTP.SYS keys differently: IPv6 clients (<c>[::]:port</c> before
/// <c>0.0.0.0:port</c>, inferred) and clients arriving on an address that has its own <c>ipport</c> record (tried
/// before any SNI record). A path shared by several such records is given once per record, so a caller can act on each.
/// The post-condition of plan, apply and replace (<see cref="Planning.ServedCertificateCheck"/>,
/// <see cref="Planning.ServedCertificate"/>) is built on it, so plan, apply, replace and verify judge one model.
/// </summary>
public sealed class ServedCertificates
{
    private readonly ServerState _state;
    private readonly CertificateResolver _resolver;

    public ServedCertificates(ServerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _state = state;
        _resolver = CertificateResolver.For(state);
    }

    /// <summary>Every client path of an https binding on <paramref name="endpoint"/> for <paramref name="host"/> (null: catch-all).</summary>
    public IReadOnlyList<ClientPath> For(Endpoint endpoint, HostName? host, bool sni)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var paths = new List<ClientPath>();
        foreach (var path in _resolver.PathsOf(endpoint, host, sni))
        {
            if (path.Records is not { Count: > 0 } records)
            {
                paths.Add(Path(endpoint, path, path.Served.Record));
                continue;
            }

            foreach (var record in records)
                paths.Add(Path(endpoint, path, record));
        }

        return paths;
    }

    /// <summary>
    /// The path as served by <paramref name="record"/>: the path's own record, or one of the specific-IP records that
    /// serve the same certificate (an unreadable group holds records of several thumbprints: each keeps its own).
    /// </summary>
    private static ClientPath Path(Endpoint endpoint, ServedPath path, SslCertBinding? record)
    {
        var served = path.Served;
        var own = ReferenceEquals(record, served.Record);
        var fromStore = served.Step == HandshakeStep.CentralCertificateStore;
        var thumbprint = served.Certificate?.Thumbprint ?? (fromStore ? null : Normalise(record?.Thumbprint));
        return new ClientPath(Describe(endpoint, path.Clients, path.Addresses, record), record, thumbprint, fromStore, own ? served.MissingReason : null)
        {
            Kind = path.Clients,
            Addresses = path.Addresses,
        };
    }

    /// <summary>"IPv6 clients without SNI", "clients on 10.0.0.5:443 with SNI", "clients arriving on 10.0.0.9:443 with and without SNI".</summary>
    private static string Describe(Endpoint endpoint, ClientKind kind, ClientAddresses addresses, SslCertBinding? record)
    {
        var who = addresses switch
        {
            ClientAddresses.IPv4 => "IPv4 clients",
            ClientAddresses.IPv6 => "IPv6 clients",
            ClientAddresses.SpecificIpPort when record is not null => $"clients arriving on {new Endpoint(record.Address ?? IPAddress.Any, record.Port).HttpSysKey}",
            _ when endpoint.IsAllUnassigned => "clients",
            _ => $"clients on {endpoint.HttpSysKey}",
        };
        return kind switch
        {
            ClientKind.WithSni => who + " with SNI",
            ClientKind.WithoutSni => who + " without SNI",
            _ => who + " with and without SNI",
        };
    }

    /// <summary>Whether a Central Certificate Store folder was read.</summary>
    public bool HasCentralStore => _state.CentralCertificateStore is not null;

    /// <summary>The Central Certificate Store's certificate for <paramref name="host"/> (null: no store read, or no file).</summary>
    public CertificateInfo? CentralStoreCertificate(HostName host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return _state.CentralCertificateStore?.Find(host);
    }

    /// <summary>A thumbprint in the one form paths compare by: upper case, no spaces; null for none.</summary>
    public static string? Normalise(string? thumbprint) =>
        string.IsNullOrWhiteSpace(thumbprint) ? null : thumbprint.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}

/// <summary>
/// One client path of a binding: who (<see cref="Clients"/>, e.g. "IPv6 clients without SNI"), the record HTTP.SYS chose
/// (null: the handshake fails), and the thumbprint served (null when the record names none, or a CCS file is missing).
/// </summary>
public sealed record ClientPath(string Clients, SslCertBinding? Record, string? Thumbprint, bool FromCentralStore, string? MissingReason)
{
    /// <summary>Which clients, as the handshake model says (with SNI, without, or both).</summary>
    internal ClientKind Kind { get; init; }

    /// <summary>Which addresses they arrive on, as the handshake model says.</summary>
    internal ClientAddresses Addresses { get; init; }
}
