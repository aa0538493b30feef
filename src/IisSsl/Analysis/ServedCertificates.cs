using System.Net;
using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// The analysis' handshake model (<see cref="CertificateResolver"/>) asked one question: for one https binding, which
/// record and certificate each client path it serves is given. The paths: SNI clients (every binding with a host),
/// clients without SNI (bindings without the SNI flag, and catch-all bindings), and for a <c>*</c> binding the
/// arrivals HTTP.SYS keys differently: IPv6 clients (<c>[::]:port</c> before <c>0.0.0.0:port</c>) and clients arriving
/// on an address that has its own <c>ipport</c> record (tried before any SNI record). The planner's post-condition
/// (<see cref="Planning.ServedCertificateCheck"/>) is built on it, so plan, apply and verify judge one model.
/// </summary>
public sealed class ServedCertificates
{
    private readonly ServerState _state;
    private readonly CertificateResolver _resolver;
    private readonly Dictionary<int, List<IPAddress>> _specificAddressesByPort = [];

    public ServedCertificates(ServerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _state = state;
        _resolver = new CertificateResolver(state, new HttpSysIndex(state.HttpSys.Bindings));
        foreach (var record in state.HttpSys.Bindings)
        {
            if (record is { Kind: SslCertBindingKind.IpPort, Address: { } address } && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any))
            {
                if (!_specificAddressesByPort.TryGetValue(record.Port, out var addresses))
                    _specificAddressesByPort[record.Port] = addresses = [];
                addresses.Add(address);
            }
        }
    }

    /// <summary>Every client path of an https binding on <paramref name="endpoint"/> for <paramref name="host"/> (null: catch-all).</summary>
    public IReadOnlyList<ClientPath> For(Endpoint endpoint, HostName? host, bool sni)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var paths = new List<ClientPath>();
        foreach (var (arrival, clients) in Arrivals(endpoint))
        {
            var handshakes = _resolver.On(arrival);
            if (host is not null)
                paths.Add(Path(clients + " with SNI", handshakes.WithSni(host)));
            if (!sni || host is null)
                paths.Add(Path(clients + " without SNI", handshakes.WithoutSni));
        }

        return paths;
    }

    /// <summary>
    /// The addresses clients of a binding on <paramref name="endpoint"/> arrive on, as HTTP.SYS tells them apart.
    /// (inferred) A <c>*</c> binding answers on every address: IPv6 clients meet <c>[::]:port</c> first, and clients on
    /// an address with its own <c>ipport</c> record meet that record first (reference §11).
    /// </summary>
    private IEnumerable<(Endpoint Arrival, string Clients)> Arrivals(Endpoint endpoint)
    {
        if (!endpoint.IsAllUnassigned)
        {
            yield return (endpoint, $"clients on {endpoint.HttpSysKey}");
            yield break;
        }

        yield return (endpoint, "IPv4 clients");
        yield return (new Endpoint(AnIPv6AddressWithoutRecord(endpoint.Port), endpoint.Port), "IPv6 clients");
        if (_specificAddressesByPort.TryGetValue(endpoint.Port, out var addresses))
        {
            foreach (var address in addresses)
                yield return (new Endpoint(address, endpoint.Port), $"clients arriving on {new Endpoint(address, endpoint.Port).HttpSysKey}");
        }
    }

    /// <summary>An IPv6 address with no <c>ipport</c> record of its own: where a generic IPv6 client arrives.</summary>
    private IPAddress AnIPv6AddressWithoutRecord(int port)
    {
        var taken = _specificAddressesByPort.GetValueOrDefault(port) ?? [];
        for (var suffix = 0; ; suffix++)
        {
            var address = IPAddress.Parse($"2001:db8::{suffix:x}");
            if (!taken.Contains(address))
                return address;
        }
    }

    private ClientPath Path(string clients, Handshake handshake)
    {
        var thumbprint = handshake.Certificate?.Thumbprint
            ?? (handshake.Step == HandshakeStep.CentralCertificateStore ? null : Normalise(handshake.Record?.Thumbprint));
        return new ClientPath(clients, handshake.Record, thumbprint, handshake.Step == HandshakeStep.CentralCertificateStore, handshake.MissingReason);
    }

    /// <summary>Whether a Central Certificate Store folder was read.</summary>
    public bool HasCentralStore => _state.CentralCertificateStore is not null;

    /// <summary>The Central Certificate Store's certificate for <paramref name="host"/> (null: no store read, or no file).</summary>
    public CertificateInfo? CentralStoreCertificate(HostName host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return _state.CentralCertificateStore?.Find(host);
    }

    private static string? Normalise(string? thumbprint) =>
        string.IsNullOrWhiteSpace(thumbprint) ? null : thumbprint.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}

/// <summary>
/// One client path of a binding: who (<see cref="Clients"/>, e.g. "IPv6 clients with SNI"), the record HTTP.SYS chose
/// (null: the handshake fails), and the thumbprint served (null when the record names none, or a CCS file is missing).
/// </summary>
public sealed record ClientPath(string Clients, SslCertBinding? Record, string? Thumbprint, bool FromCentralStore, string? MissingReason);
