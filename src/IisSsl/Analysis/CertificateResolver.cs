using System.Collections.Concurrent;
using System.Net;
using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// Models HTTP.SYS's certificate selection at handshake time (reference §4.1, §11). The one entry point is
/// <see cref="PathsOf"/>: for a binding's endpoint, host name and SNI flag, every client path and the record and
/// certificate HTTP.SYS serves on it. The analysis and the planner both ask it, so they cannot disagree.
/// <list type="bullet">
/// <item>A client arriving on an address with a specific-IP <c>ipport</c> record gets that record, with or without SNI
/// (documented: the exact IP:port "legacy" binding is looked up first). This holds for the clients of a <c>*</c>
/// binding too: they are the <see cref="ClientAddresses.SpecificIpPort"/> paths.</item>
/// <item>Otherwise a client sending SNI gets <c>hostnameport</c> for its exact name (documented), else a wildcard
/// <c>hostnameport</c> one label up (inferred), else the port's <c>ccs</c> record with the store's file for the name
/// (documented; that it comes after <c>hostnameport</c> is inferred), else what a client without SNI gets.</item>
/// <item>A client without SNI gets <c>[::]:port</c> if it is an IPv6 client (inferred: the more specific record
/// first), else <c>0.0.0.0:port</c> (documented: that record covers every address), else the handshake fails.</item>
/// </list>
/// Results are cached per endpoint, per port and per Central Certificate Store name, so a whole server resolves in
/// linear time. Safe for endpoints evaluated in parallel.
/// </summary>
internal sealed class CertificateResolver(ServerState state, HttpSysIndex index)
{
    private readonly ConcurrentDictionary<Endpoint, Handshake> _withoutSni = [];
    private readonly ConcurrentDictionary<int, ShadowingIpPorts> _specificIpPorts = [];
    private readonly ConcurrentDictionary<Endpoint, EndpointHandshakes> _endpoints = [];

    // The store reads its PFX files one at a time.
    private readonly Dictionary<HostName, CertificateInfo?> _centralStoreFiles = [];

    /// <summary>A resolver over <paramref name="state"/>'s HTTP.SYS records (build one per state, then ask it many times).</summary>
    public static CertificateResolver For(ServerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new CertificateResolver(state, new HttpSysIndex(state.HttpSys.Bindings));
    }

    /// <summary>
    /// Every client path of an https binding on <paramref name="endpoint"/> for <paramref name="host"/> (null: a
    /// catch-all binding) and what HTTP.SYS serves on each: see <see cref="EndpointHandshakes.PathsOf"/>.
    /// </summary>
    public IReadOnlyList<ServedPath> PathsOf(Endpoint endpoint, HostName? host, bool usesSni) => On(endpoint).PathsOf(host, usesSni);

    /// <summary>What clients get on <paramref name="endpoint"/>, with the answers that do not depend on the name resolved once (and kept per endpoint).</summary>
    public EndpointHandshakes On(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _endpoints.TryGetValue(endpoint, out var known) ? known : _endpoints.GetOrAdd(endpoint, HandshakesOn(endpoint));
    }

    private EndpointHandshakes HandshakesOn(Endpoint endpoint)
    {
        if (!endpoint.IsAllUnassigned)
            return new EndpointHandshakes(this, endpoint, ExactIpPort(endpoint), WithoutSni(endpoint), null, ShadowingIpPorts.None);

        // A * endpoint: IPv6 clients have their own default when there is a [::] record; clients arriving on an
        // address with its own ipport record are served by that record.
        var ipv6 = index.IpPort(new Endpoint(IPAddress.IPv6Any, endpoint.Port)) is { } ipv6Any
            ? Serve(HandshakeStep.IPv6Wildcard, ipv6Any)
            : null;
        return new EndpointHandshakes(this, endpoint, null, WithoutSni(endpoint), ipv6, SpecificIpPorts(endpoint.Port));
    }

    /// <summary>The endpoint's own <c>ipport</c> record, which HTTP.SYS uses before any SNI record; null if none.</summary>
    private Handshake? ExactIpPort(Endpoint endpoint) =>
        !endpoint.IsAllUnassigned && index.IpPort(endpoint) is { } exact ? Serve(HandshakeStep.ExactIpPort, exact) : null;

    /// <summary>
    /// What a client sending SNI <paramref name="host"/> is served by the name-keyed records (<c>hostnameport</c>,
    /// wildcard <c>hostnameport</c>, <c>ccs</c>); null when none of them answers and the client falls back to the
    /// <c>ipport</c> records.
    /// </summary>
    private Handshake? BySniName(int port, HostName host)
    {
        if (index.HostnamePort(host.Value, port) is { } named)
            return Serve(HandshakeStep.HostnamePort, named);

        // (inferred) A wildcard hostnameport record is taken to serve names exactly one label below its parent,
        // like a wildcard SAN; HTTP.SYS's own matching of these records is undocumented (reference §1.5, §10).
        if (index.WildcardHostnamePort(host, port) is { } wildcard)
            return Serve(HandshakeStep.WildcardHostnamePort, wildcard);

        if (index.CentralStore(port) is { } ccs)
        {
            if (state.CentralCertificateStore is null)
                return new Handshake(HandshakeStep.CentralCertificateStore, ccs, null,
                    $"{ccs.Key} serves {host} from the Central Certificate Store, but no store folder was given to read {host.Unicode}.pfx from");
            if (FromCentralStore(host) is { } file)
                return new Handshake(HandshakeStep.CentralCertificateStore, ccs, file);

            // No file for the name: HTTP.SYS falls back to the legacy (ipport) records (reference §4.1, CCS flow).
        }

        return null;
    }

    /// <summary>What a client that sends no SNI (legacy or IP-literal client) is served on <paramref name="endpoint"/>; for a <c>*</c> endpoint, an IPv4 client.</summary>
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

    /// <summary>The specific-IP <c>ipport</c> records of <paramref name="port"/>, grouped by the certificate they serve (computed once per port).</summary>
    private ShadowingIpPorts SpecificIpPorts(int port)
    {
        if (_specificIpPorts.TryGetValue(port, out var cached))
            return cached;

        var result = ShadowingIpPorts.Of(index.SpecificIpPorts(port).Select(indexed => (Serve(HandshakeStep.ExactIpPort, indexed), indexed.Record)));
        _specificIpPorts[port] = result;
        return result;
    }

    private Handshake Serve(HandshakeStep step, IndexedRecord indexed)
    {
        ref var served = ref indexed.ServedAt(step);
        if (served is not null)
            return served;
        var resolved = Resolve(step, indexed.Record);
        return served = InferenceOf(step, indexed.Record) is { } inference ? resolved with { Inference = inference } : resolved;
    }

    private string? InferenceOf(HandshakeStep step, SslCertBinding record) => step switch
    {
        HandshakeStep.WildcardHostnamePort => HandshakeInference.WildcardHostnamePort,
        HandshakeStep.HostnamePort when index.CentralStore(record.Port) is not null => HandshakeInference.HostnamePortBeforeCentralStore,
        HandshakeStep.IPv6Wildcard => HandshakeInference.IPv6WildcardFirst,
        _ => null,
    };

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

    /// <summary>
    /// Specific-IP <c>ipport</c> records of one port that serve one certificate (or all those whose certificate is
    /// unreadable), with their netsh keys: a shared-hosting server names the same few in thousands of findings.
    /// </summary>
    internal sealed record ShadowingRecords(Handshake Served, List<SslCertBinding> Records, List<string> Keys);

    /// <summary>The handshakes of one endpoint: the name-independent ones resolved once for all its host names.</summary>
    internal sealed class EndpointHandshakes
    {
        private readonly CertificateResolver _resolver;
        private readonly Endpoint _endpoint;
        private readonly Handshake? _exactIpPort;
        private readonly Handshake? _withoutSniIPv6;
        private readonly ShadowingIpPorts _specificIpPorts;

        // The specific-IP paths are the same for every binding of the endpoint: built once, for SNI-only clients and for all.
        private ServedPath[]? _shadowedForSniClients;
        private ServedPath[]? _shadowedForAllClients;

        // The paths served the endpoint's defaults (its own ipport record, 0.0.0.0, [::]) are the same for every
        // binding that meets them: one of each, not one per binding (a shared IP has hundreds of non-SNI hosts).
        private const int DefaultPathSlots = ((int)ClientKind.WithoutSni + 1) * ((int)ClientAddresses.SpecificIpPort + 1);
        private readonly ServedPath?[] _defaultPaths = new ServedPath?[2 * DefaultPathSlots];

        internal EndpointHandshakes(CertificateResolver resolver, Endpoint endpoint, Handshake? exactIpPort, Handshake withoutSni, Handshake? withoutSniIPv6, ShadowingIpPorts specificIpPorts)
        {
            _resolver = resolver;
            _endpoint = endpoint;
            _exactIpPort = exactIpPort;
            WithoutSni = withoutSni;
            _specificIpPorts = specificIpPorts;

            // [::] only changes anything when it serves something else than 0.0.0.0 would.
            _withoutSniIPv6 = withoutSniIPv6 is { } ipv6 && !ipv6.ServesSameAs(withoutSni) ? ipv6 : null;
        }

        /// <summary>What a client that sends no SNI is served here (for a <c>*</c> endpoint: an IPv4 client on an address without its own record).</summary>
        public Handshake WithoutSni { get; }

        /// <summary>
        /// What an IPv6 client of a <c>*</c> endpoint without SNI is served, when it differs from <see cref="WithoutSni"/>
        /// (a <c>[::]</c> record); null otherwise.
        /// </summary>
        public Handshake? WithoutSniIPv6 => _withoutSniIPv6;

        /// <summary>The specific-IP <c>ipport</c> records that serve the clients arriving on their address (none unless this is a <c>*</c> endpoint).</summary>
        public ShadowingIpPorts Shadowing => _specificIpPorts;

        /// <summary>What a client sending SNI <paramref name="host"/> is served here (for a <c>*</c> endpoint: an IPv4 client on an address without its own record).</summary>
        public Handshake WithSni(HostName host) =>
            _exactIpPort ?? _resolver.BySniName(_endpoint.Port, host) ?? WithoutSni;

        /// <summary>
        /// Every client path of an https binding here for <paramref name="host"/> (null: catch-all) and what each is
        /// served. An SNI binding is reached by clients sending SNI; a non-SNI binding by clients with and without SNI
        /// (modern browsers send SNI whatever the binding's flags); a catch-all binding is checked on the no-SNI path.
        /// Paths that serve the same record are merged (<see cref="ClientKind.All"/>, <see cref="ClientAddresses.Endpoint"/>).
        /// On a <c>*</c> endpoint there is one more path per certificate served by specific-IP <c>ipport</c> records
        /// (<see cref="ClientAddresses.SpecificIpPort"/>): at most one per distinct certificate, never one per address.
        /// </summary>
        public IReadOnlyList<ServedPath> PathsOf(HostName? host, bool usesSni)
        {
            var paths = ClientPathsOf(host, usesSni, _specificIpPorts.Groups.Count);
            paths.AddRange(host is null || !usesSni ? ShadowedPaths(ref _shadowedForAllClients, ClientKind.All) : ShadowedPaths(ref _shadowedForSniClients, ClientKind.WithSni));
            return paths;
        }

        /// <summary>
        /// The paths of <see cref="PathsOf"/> less those of the clients arriving on a specific-IP <c>ipport</c>
        /// record's address, which are the same for every binding of the endpoint (<see cref="Shadowing"/>): a
        /// shared-hosting server's analysis asks for them thousands of times.
        /// </summary>
        public List<ServedPath> ClientPathsOf(HostName? host, bool usesSni, int room = 0)
        {
            var paths = new List<ServedPath>(2 + room);
            ClientPathsOf(host, usesSni, paths);
            return paths;
        }

        /// <summary>As <see cref="ClientPathsOf(HostName?, bool, int)"/>, added to <paramref name="paths"/> (a list the caller reuses for every binding).</summary>
        public void ClientPathsOf(HostName? host, bool usesSni, List<ServedPath> paths)
        {
            var named = host is null || _exactIpPort is not null ? null : _resolver.BySniName(_endpoint.Port, host);
            if (host is null)
            {
                // A catch-all binding: any name, or none, reaches it; what matters is that a certificate is served.
                if (_withoutSniIPv6 is { } ipv6Default)
                {
                    paths.Add(PathOf(ClientKind.All, ClientAddresses.IPv4, WithoutSni));
                    paths.Add(PathOf(ClientKind.All, ClientAddresses.IPv6, ipv6Default));
                }
                else
                {
                    paths.Add(PathOf(ClientKind.All, ClientAddresses.Endpoint, WithoutSni));
                }
            }
            else if (_withoutSniIPv6 is not { } ipv6)
            {
                Add(paths, ClientAddresses.Endpoint, named ?? WithoutSni, usesSni ? null : WithoutSni);
            }
            else if (named is not null)
            {
                // SNI clients get the name's record whatever their address family; clients without SNI get their family's default.
                Add(paths, ClientAddresses.Endpoint, named, null);
                if (!usesSni)
                {
                    Add(paths, ClientAddresses.IPv4, null, WithoutSni);
                    Add(paths, ClientAddresses.IPv6, null, ipv6);
                }
            }
            else
            {
                Add(paths, ClientAddresses.IPv4, WithoutSni, usesSni ? null : WithoutSni);
                Add(paths, ClientAddresses.IPv6, ipv6, usesSni ? null : ipv6);
            }
        }

        private ServedPath[] ShadowedPaths(ref ServedPath[]? cache, ClientKind clients)
        {
            if (Volatile.Read(ref cache) is { } cached)
                return cached;
            var paths = _specificIpPorts.Groups.Select(group => new ServedPath(clients, ClientAddresses.SpecificIpPort, group.Served, group.Records)).ToArray();
            return Interlocked.CompareExchange(ref cache, paths, null) ?? paths;
        }

        /// <summary>The paths of clients with and without SNI arriving on <paramref name="addresses"/>: one path when both are served the same.</summary>
        private void Add(List<ServedPath> paths, ClientAddresses addresses, Handshake? withSni, Handshake? withoutSni)
        {
            if (withSni is not null && withoutSni is not null && withSni.ServesSameAs(withoutSni))
            {
                paths.Add(PathOf(ClientKind.All, addresses, withSni));
                return;
            }

            if (withSni is not null)
                paths.Add(PathOf(ClientKind.WithSni, addresses, withSni));
            if (withoutSni is not null)
                paths.Add(PathOf(ClientKind.WithoutSni, addresses, withoutSni));
        }

        /// <summary>The path of <paramref name="clients"/> arriving on <paramref name="addresses"/> served <paramref name="served"/>; kept when that is one of the endpoint's defaults.</summary>
        private ServedPath PathOf(ClientKind clients, ClientAddresses addresses, Handshake served)
        {
            var handshake = ReferenceEquals(served, WithoutSni) ? 0 : ReferenceEquals(served, _withoutSniIPv6) ? 1 : -1;
            if (handshake < 0)
                return new ServedPath(clients, addresses, served);

            // Two threads may build the same path at once: either (equal) one is kept.
            ref var path = ref _defaultPaths[(handshake * DefaultPathSlots) + ((int)clients * ((int)ClientAddresses.SpecificIpPort + 1)) + (int)addresses];
            return path ??= new ServedPath(clients, addresses, served);
        }
    }
}
