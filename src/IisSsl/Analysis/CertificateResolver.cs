using System.Collections.Concurrent;
using System.Net;
using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// Models HTTP.SYS's certificate selection at handshake time (reference §4.1, reconciled order):
/// with SNI, exact <c>ipport</c> → <c>hostnameport</c> (exact, then wildcard) → <c>ccs</c> → <c>[::]</c> → <c>0.0.0.0</c>;
/// without SNI, exact <c>ipport</c> → <c>[::]</c> → <c>0.0.0.0</c>. Results are cached per endpoint and per
/// Central Certificate Store name, so a whole server resolves in linear time. Safe for endpoints evaluated in parallel.
/// </summary>
internal sealed class CertificateResolver(ServerState state, HttpSysIndex index)
{
    private readonly ConcurrentDictionary<Endpoint, Handshake> _withoutSni = [];

    // The store reads its PFX files one at a time.
    private readonly Dictionary<HostName, CertificateInfo?> _centralStoreFiles = [];

    /// <summary>What clients get on <paramref name="endpoint"/>, with the answers that do not depend on the name resolved once.</summary>
    public EndpointHandshakes On(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new EndpointHandshakes(this, endpoint, ExactIpPort(endpoint), WithoutSni(endpoint));
    }

    /// <summary>The endpoint's own <c>ipport</c> record, which HTTP.SYS uses before any SNI record; null if none.</summary>
    private Handshake? ExactIpPort(Endpoint endpoint) =>
        !endpoint.IsAllUnassigned && index.IpPort(endpoint) is { } exact ? Serve(HandshakeStep.ExactIpPort, exact) : null;

    /// <summary>What a client sending SNI <paramref name="host"/> is served once there is no exact <c>ipport</c> record.</summary>
    private Handshake BySniName(Endpoint endpoint, HostName host)
    {
        if (index.HostnamePort(host.Value, endpoint.Port) is { } named)
            return Serve(HandshakeStep.HostnamePort, named);

        // (inferred) A wildcard hostnameport record is taken to serve names exactly one label below its parent,
        // like a wildcard SAN; HTTP.SYS's own matching of these records is undocumented (reference §1.5, §10).
        if (index.WildcardHostnamePort(host, endpoint.Port) is { } wildcard)
            return Serve(HandshakeStep.WildcardHostnamePort, wildcard);

        if (index.CentralStore(endpoint.Port) is { } ccs)
        {
            if (state.CentralCertificateStore is null)
                return new Handshake(HandshakeStep.CentralCertificateStore, ccs, null,
                    $"{ccs.Key} serves {host} from the Central Certificate Store, but no store folder was given to read {host.Unicode}.pfx from");
            if (FromCentralStore(host) is { } file)
                return new Handshake(HandshakeStep.CentralCertificateStore, ccs, file);

            // No file for the name: HTTP.SYS falls back to the legacy (ipport) records (reference §4.1, CCS flow).
        }

        // The exact ipport record was tried first, so what is left is what a client without SNI gets (cached).
        return WithoutSni(endpoint);
    }

    /// <summary>What a client that sends no SNI (legacy or IP-literal client) is served on <paramref name="endpoint"/>.</summary>
    public Handshake WithoutSni(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (_withoutSni.TryGetValue(endpoint, out var cached))
            return cached;

        var handshake = ExactIpPort(endpoint) ?? WithoutSniFallback(endpoint);
        _withoutSni[endpoint] = handshake;
        return handshake;
    }

    /// <summary>The <c>ipport</c> keys a client on <paramref name="endpoint"/> can fall back to, in HTTP.SYS's order.</summary>
    public static IReadOnlyList<string> IpPortKeys(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var keys = new List<string>(3);
        if (!endpoint.IsAllUnassigned)
            keys.Add("ipport=" + endpoint.HttpSysKey);
        if (endpoint.IsIPv6 && !endpoint.Address.Equals(IPAddress.IPv6Any))
            keys.Add("ipport=" + new Endpoint(IPAddress.IPv6Any, endpoint.Port).HttpSysKey);
        keys.Add("ipport=" + Endpoint.AllUnassigned(endpoint.Port).HttpSysKey);
        return keys;
    }

    private Handshake WithoutSniFallback(Endpoint endpoint)
    {
        if (endpoint.IsIPv6 && index.IpPort(new Endpoint(IPAddress.IPv6Any, endpoint.Port)) is { } ipv6Any)
            return Serve(HandshakeStep.IPv6Wildcard, ipv6Any);
        if (index.IpPort(Endpoint.AllUnassigned(endpoint.Port)) is { } any)
            return Serve(HandshakeStep.IPv4Wildcard, any);
        return Handshake.Fails;
    }

    private Handshake Serve(HandshakeStep step, IndexedRecord indexed)
    {
        ref var served = ref indexed.ServedAt(step);
        return served ??= Resolve(step, indexed.Record);
    }

    private Handshake Resolve(HandshakeStep step, SslCertBinding record)
    {
        var thumbprint = record.Thumbprint?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (string.IsNullOrEmpty(thumbprint))
            return new Handshake(step, record, null, $"{record.Key} has no certificate hash");
        if (state.CertificatesByThumbprint.TryGetValue(thumbprint, out var certificate)
            || state.CertificatesByThumbprint.TryGetValue(record.Thumbprint!, out certificate))
            return new Handshake(step, record, certificate);
        return new Handshake(step, record, null,
            $"{record.Key} points at certificate {thumbprint} in store {record.StoreName}, which is not among the certificates read");
    }

    private CertificateInfo? FromCentralStore(HostName host)
    {
        lock (_centralStoreFiles)
        {
            if (!_centralStoreFiles.TryGetValue(host, out var certificate))
            {
                certificate = state.CentralCertificateStore!.Find(host);
                _centralStoreFiles[host] = certificate;
            }

            return certificate;
        }
    }

    /// <summary>The handshakes of one endpoint: the name-independent ones resolved once for all its host names.</summary>
    internal sealed class EndpointHandshakes(CertificateResolver resolver, Endpoint endpoint, Handshake? exactIpPort, Handshake withoutSni)
    {
        /// <summary>What a client that sends no SNI is served here.</summary>
        public Handshake WithoutSni { get; } = withoutSni;

        /// <summary>What a client sending SNI <paramref name="host"/> is served here.</summary>
        public Handshake WithSni(HostName host) => exactIpPort ?? resolver.BySniName(endpoint, host);
    }
}
