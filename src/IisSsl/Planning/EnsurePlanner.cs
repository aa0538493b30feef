using System.Net;
using IisSsl.Analysis;
using IisSsl.Execution;
using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>
/// The pure heart of EnsureSslHostHeaders: desired manifest + current server -> the edits that make the server match,
/// and the server as it will be afterwards. It touches only what the manifest owns: the https bindings of the listed
/// host names (and catch-all bindings), the HTTP.SYS records serving them, the IIS records that would shadow them, and
/// (with <c>removeStaleBindings</c>) the other https bindings of the listed sites. Records owned by other applications
/// (another appid) are never overwritten. The plan's <see cref="EnsurePlan.Predicted"/> state is then held to the
/// post-condition (<see cref="ServedCertificateCheck"/>) by the workflow.
/// </summary>
public static class EnsurePlanner
{
    public static readonly Guid IisAppId = Guid.Parse(SslCertBinding.IisAppId);

    /// <summary>sslFlags bits win-acme strips from CCS bindings ("NotWithCentralSsl"); HTTP.SYS is reported to reject them on ccs records.</summary>
    internal const SslFlags NotWithCentralStore =
        SslFlags.DisableHttp2 | SslFlags.DisableOcspStapling | SslFlags.DisableQuic | SslFlags.DisableTls13OverTcp | SslFlags.DisableLegacyTls;

    /// <exception cref="InvalidInputException">The manifest names a site the configuration does not have.</exception>
    public static EnsurePlan Plan(
        EnsureManifest manifest,
        IReadOnlyDictionary<string, ResolvedCertificate> certificates,
        ServerState current,
        bool removeStaleBindings = false,
        bool importCertificates = false)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(current);
        return new Planning(manifest, certificates, current).Run(removeStaleBindings, importCertificates);
    }

    private sealed class Planning
    {
        private readonly EnsureManifest _manifest;
        private readonly List<ManifestSite> _entries;
        private readonly IReadOnlyDictionary<string, ResolvedCertificate> _certificates;
        private readonly ServerState _current;
        private readonly Dictionary<string, Site> _sites = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<Binding>> _bindings = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, SslCertBinding> _records = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<(string Site, Endpoint Endpoint, HostName? Host)> _declared = [];
        private readonly HashSet<(HostName Host, int Port)> _touchedHosts = [];
        private readonly List<HttpSysEdit> _httpSysEdits = [];
        private readonly List<ConfigEdit> _configEdits = [];
        private readonly List<string> _conflicts = [];
        private readonly List<string> _decisions = [];
        private readonly Dictionary<(string Site, Endpoint Endpoint, HostName? Host), int> _httpsBindingAt = [];
        private ServedCertificates? _servedNow;

        public Planning(EnsureManifest manifest, IReadOnlyDictionary<string, ResolvedCertificate> certificates, ServerState current)
        {
            _manifest = manifest;
            _entries = [.. manifest.Sites.SelectMany(s => s.PerEndpoint())];
            _certificates = certificates;
            _current = current;
            foreach (var site in current.Configuration.Sites)
            {
                _sites.TryAdd(site.Name, site);
                if (!_bindings.TryAdd(site.Name, [.. site.Bindings]))
                    continue;
                for (var i = 0; i < site.Bindings.Count; i++)
                {
                    if (site.Bindings[i] is { IsHttps: true, Endpoint: { } endpoint, Problem: null } binding)
                        _httpsBindingAt.TryAdd((site.Name.ToUpperInvariant(), endpoint, binding.Host), i);
                }
            }

            foreach (var record in current.HttpSys.Bindings)
                _records.TryAdd(record.Key, record);
        }

        private ServedCertificates ServedNow => _servedNow ??= new ServedCertificates(_current);

        public EnsurePlan Run(bool removeStaleBindings, bool importCertificates)
        {
            foreach (var entry in _entries)
            {
                if (!_sites.TryGetValue(entry.Name, out var site))
                    throw new InvalidInputException($"site \"{entry.Name}\" does not exist in {_current.Configuration.Source}", _manifest.Path, entry.Line);
                foreach (var host in entry.Hosts)
                {
                    _declared.Add((site.Name, entry.Endpoint, host));
                    if (host is not null)
                        _touchedHosts.Add((host, entry.Endpoint.Port));
                }
            }

            CheckServerLimits();
            var usesSni = DecideSni();
            foreach (var entry in _entries)
                EnsureBindings(entry, usesSni[entry], Certificate(entry).CentralCertificateStore);
            EnsureRecords(usesSni);
            if (removeStaleBindings)
                RemoveStaleBindings();
            DeleteUnusedHostRecords();
            RemoveShadowingRecords();

            var imports = importCertificates ? Imports() : [];
            return new EnsurePlan(imports, _httpSysEdits, _configEdits, Predicted(), _conflicts, _decisions);
        }

        /// <summary>What the manifest's <c>server.iisVersion</c> rules out, said in manifest words.</summary>
        private void CheckServerLimits()
        {
            var limits = _manifest.Server;
            foreach (var entry in _manifest.Sites)
            {
                var certificate = Certificate(entry);
                if (certificate.CentralCertificateStore && !limits.SupportsCentralCertificateStore)
                    _conflicts.Add($"site \"{entry.Name}\": certificate \"{entry.Certificate}\" is the Central Certificate Store, which IIS {limits.IisVersion} does not have (it came with IIS 8); name a certificate by thumbprint or file, or set \"server\": {{ \"iisVersion\": 8 }} or later");
                if (entry.Sni == SniMode.Always && !limits.SupportsSni)
                    _conflicts.Add($"site \"{entry.Name}\" asks for sni: always, but IIS {limits.IisVersion} has no SNI (it came with IIS 8); use sni: auto or never, with one certificate covering every host on the endpoint");
                if (certificate.CentralCertificateStore && entry.CatchAll)
                    _conflicts.Add($"site \"{entry.Name}\": a catch-all binding (host name \"\") cannot take its certificate from the Central Certificate Store, which picks the file by host name; give the catch-all a certificate by thumbprint or file in an entry of its own");
                if (!limits.SupportsWildcardHostHeaders && entry.HostNames.FirstOrDefault(h => h.IsWildcard) is { } wildcard)
                    _conflicts.Add($"site \"{entry.Name}\": host name \"{wildcard}\" is a wildcard host header, which IIS {limits.IisVersion} does not support (it came with IIS 10); list the host names one by one");
            }
        }

        /// <summary>
        /// sni: never -> the shared ipport record; always -> SNI; auto -> decided from the desired state only: shared
        /// when the certificate covers every non-SNI host on the endpoint after the change (and no host the manifest
        /// does not declare would be served another certificate), SNI otherwise. A binding that already has the SNI
        /// flag keeps it under auto. IIS 7 has no SNI: every entry shares.
        /// </summary>
        private Dictionary<ManifestSite, bool> DecideSni()
        {
            var result = new Dictionary<ManifestSite, bool>(ReferenceEqualityComparer.Instance);
            var sniSupported = _manifest.Server.SupportsSni;
            foreach (var group in _entries.GroupBy(s => s.Endpoint))
            {
                var endpoint = group.Key;
                var record = _records.GetValueOrDefault(IpPortKey(endpoint));
                var unmanaged = UnmanagedNonSniHosts(endpoint);
                var unmanagedCatchAll = HasUnmanagedCatchAll(endpoint);

                // Entries that must be served by the shared record: sni never, catch-all bindings, and everything on IIS 7.
                var shared = group.Where(e => !Certificate(e).CentralCertificateStore && (e.Sni == SniMode.Never || e.CatchAll || !sniSupported)).ToList();
                var sharedCertificates = shared.Select(e => Certificate(e).Thumbprint).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (sharedCertificates.Count > 1)
                {
                    var why = !sniSupported ? $"IIS {_manifest.Server.IisVersion} has no SNI, so " : string.Empty;
                    _conflicts.Add(
                        $"{string.Join(" and ", shared.Select(e => $"site \"{e.Name}\" (certificate \"{e.Certificate}\")"))} need the shared record on {endpoint}, "
                        + $"but {why}the one ipport record {IpPortKey(endpoint)} serves one certificate to every non-SNI host there; give them one certificate covering all their host names"
                        + (sniSupported ? ", or sni: always (no catch-all)" : string.Empty));
                }

                var target = sharedCertificates.FirstOrDefault();
                var sharedHosts = new List<HostName>(unmanaged);
                sharedHosts.AddRange(shared.Where(e => e.Sni == SniMode.Never || !sniSupported).SelectMany(e => e.HostNames));
                foreach (var entry in group)
                {
                    var certificate = Certificate(entry);
                    if (certificate.CentralCertificateStore)
                    {
                        result[entry] = true;
                        continue;
                    }

                    if (!sniSupported || entry.Sni != SniMode.Auto)
                    {
                        result[entry] = sniSupported && entry.Sni == SniMode.Always;
                        continue;
                    }

                    if (entry.HostNames.Count > 0 && entry.HostNames.All(h => HasSniBinding(entry, h)))
                    {
                        result[entry] = true;
                        _decisions.Add($"site \"{entry.Name}\" on {endpoint}: sni auto -> SNI (its bindings have the SNI flag already; auto keeps it)");
                        continue;
                    }

                    var hosts = sharedHosts.Concat(entry.HostNames).ToList();
                    var sameAsShared = target is null || string.Equals(target, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase);
                    var coversAll = certificate.Info is { } info && hosts.All(h => CertificateNameMatcher.Covers(info, h));
                    var swaps = (unmanaged.Count > 0 || unmanagedCatchAll) && record?.Thumbprint is { } today && !string.Equals(today, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase);
                    if (sameAsShared && coversAll && !swaps)
                    {
                        target = certificate.Thumbprint;
                        sharedHosts.AddRange(entry.HostNames);
                        result[entry] = false;
                        _decisions.Add($"site \"{entry.Name}\" on {endpoint}: sni auto -> shared {IpPortKey(endpoint)} (certificate \"{entry.Certificate}\" covers every non-SNI host there after the change)");
                    }
                    else
                    {
                        result[entry] = true;
                        var why = !sameAsShared ? $"{IpPortKey(endpoint)} must serve certificate \"{SharedName(group, target)}\" to the other non-SNI hosts there"
                            : !coversAll ? $"certificate \"{entry.Certificate}\" does not cover every non-SNI host there ({Bounded(hosts.Where(h => certificate.Info is not { } i || !CertificateNameMatcher.Covers(i, h)))})"
                            : $"{IpPortKey(endpoint)} also serves {(unmanaged.Count > 0 ? $"host(s) the manifest does not list ({Bounded(unmanaged)})" : "a catch-all binding the manifest does not list")}, which keep their certificate";
                        _decisions.Add($"site \"{entry.Name}\" on {endpoint}: sni auto -> SNI ({why})");
                    }
                }
            }

            return result;
        }

        private string SharedName(IEnumerable<ManifestSite> group, string? thumbprint) =>
            group.FirstOrDefault(e => string.Equals(Certificate(e).Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase))?.Certificate ?? thumbprint ?? "none";

        private static string Bounded(IEnumerable<HostName> hosts)
        {
            var list = hosts.Distinct().ToList();
            return string.Join(", ", list.Take(3)) + (list.Count > 3 ? $" and {list.Count - 3} more" : string.Empty);
        }

        private bool HasSniBinding(ManifestSite entry, HostName host) =>
            _httpsBindingAt.TryGetValue((_sites[entry.Name].Name.ToUpperInvariant(), entry.Endpoint, host), out var at)
            && _bindings[_sites[entry.Name].Name][at].UsesSni;

        /// <summary>Host names on the endpoint served by its ipport record that the manifest does not declare.</summary>
        private List<HostName> UnmanagedNonSniHosts(Endpoint endpoint) =>
            [.. _bindings.SelectMany(pair => pair.Value
                .Where(b => b is { IsHttps: true, UsesSni: false, Host: not null, Problem: null } && endpoint.Equals(b.Endpoint) && !_declared.Contains((_sites[pair.Key].Name, endpoint, b.Host)))
                .Select(b => b.Host!))];

        private bool HasUnmanagedCatchAll(Endpoint endpoint) =>
            _bindings.Any(pair => pair.Value.Any(b => b is { IsHttps: true, Host: null, Problem: null } && endpoint.Equals(b.Endpoint) && !_declared.Contains((_sites[pair.Key].Name, endpoint, null))));

        private void EnsureBindings(ManifestSite entry, bool sni, bool centralStore)
        {
            var siteName = _sites[entry.Name].Name;
            var bindings = _bindings[siteName];
            foreach (var host in entry.Hosts)
            {
                var hostSni = host is not null && sni;
                var hostCcs = host is not null && centralStore;
                if (!_httpsBindingAt.TryGetValue((siteName.ToUpperInvariant(), entry.Endpoint, host), out var index))
                {
                    var flags = Flags(SslFlags.None, hostSni, hostCcs);
                    var information = host is null ? $"{entry.Endpoint.IisAddress}:{entry.Endpoint.Port}:" : IisHostText.BindingInformation(entry.Endpoint, host);
                    _configEdits.Add(new ConfigEdit.AddBinding(siteName, "https", information, flags));
                    _httpsBindingAt[(siteName.ToUpperInvariant(), entry.Endpoint, host)] = bindings.Count;
                    bindings.Add(new Binding("https", information, entry.Endpoint, host, flags));
                    continue;
                }

                var existing = bindings[index];
                var desired = Flags(existing.SslFlags, hostSni, hostCcs);
                if (desired != existing.SslFlags)
                {
                    if (hostCcs && (existing.SslFlags & NotWithCentralStore) != 0)
                    {
                        _decisions.Add($"site \"{siteName}\" {existing.BindingInformation}: the Central Certificate Store binding drops its per-binding TLS options "
                            + $"({(existing.SslFlags & NotWithCentralStore).ToString().Replace(",", " and", StringComparison.Ordinal)}): (inferred) CCS takes these options from the server, and HTTP.SYS is reported to reject them on ccs records");
                    }

                    _configEdits.Add(new ConfigEdit.SetSslFlags(siteName, existing.Protocol, existing.BindingInformation, desired));
                    bindings[index] = existing with { SslFlags = desired };
                }
            }
        }

        /// <summary>
        /// The binding's other bits kept; SNI and CCS as the manifest says (CCS always goes with SNI). (inferred) A CCS
        /// binding drops the per-binding TLS option bits, as win-acme does: CCS takes them server-wide.
        /// </summary>
        private static SslFlags Flags(SslFlags existing, bool sni, bool centralStore) =>
            (existing & ~(SslFlags.Sni | SslFlags.CentralCertStore) & ~(centralStore ? NotWithCentralStore : SslFlags.None))
            | (sni || centralStore ? SslFlags.Sni : SslFlags.None)
            | (centralStore ? SslFlags.CentralCertStore : SslFlags.None);

        private void EnsureRecords(Dictionary<ManifestSite, bool> usesSni)
        {
            foreach (var entry in _entries)
            {
                var certificate = Certificate(entry);
                if (certificate.CentralCertificateStore)
                {
                    EnsureRecord(new SslCertBinding(SslCertBindingKind.CentralCertificateStore, entry.Endpoint.Port, AppId: IisAppId), null);
                    continue;
                }

                if (!usesSni[entry] || entry.CatchAll)
                {
                    var address = entry.Endpoint.Address;
                    EnsureRecord(new SslCertBinding(SslCertBindingKind.IpPort, entry.Endpoint.Port, address, null, certificate.Thumbprint, certificate.StoreName, IisAppId), entry);
                }

                if (!usesSni[entry])
                    continue;
                foreach (var host in entry.HostNames)
                    EnsureRecord(new SslCertBinding(SslCertBindingKind.HostnamePort, entry.Endpoint.Port, null, host, certificate.Thumbprint, certificate.StoreName, IisAppId), entry, host);
            }
        }

        /// <summary>Adds or updates <paramref name="desired"/>; a new record takes the settings of the record that serves its hosts today.</summary>
        private void EnsureRecord(SslCertBinding desired, ManifestSite? entry, HostName? host = null)
        {
            if (!_records.TryGetValue(desired.Key, out var existing))
            {
                if (entry is not null && SettingsServing(entry, host) is { Count: > 0 } settings)
                {
                    desired = desired with { Settings = settings };
                    _decisions.Add($"{desired.Key} keeps the settings of the record that served {(host is null ? $"site \"{entry.Name}\"" : host.ToString())} before ({string.Join(", ", settings.Select(s => $"{s.Key}: {s.Value}"))})");
                }

                _records[desired.Key] = desired;
                _httpSysEdits.Add(new HttpSysEdit.Add(desired));
                return;
            }

            if (desired.Kind == SslCertBindingKind.CentralCertificateStore
                || (string.Equals(existing.Thumbprint, desired.Thumbprint, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(existing.StoreName, desired.StoreName, StringComparison.OrdinalIgnoreCase)))
                return;
            if (existing.AppId != IisAppId)
            {
                _conflicts.Add(
                    $"HTTP.SYS record {existing.Key} belongs to another application (appid {existing.AppId:B}, not IIS's); "
                    + $"it serves certificate {existing.Thumbprint} and is never overwritten (the manifest wants {desired.Thumbprint})");
                return;
            }

            Update(existing, desired.Thumbprint, desired.StoreName);
        }

        private void Update(SslCertBinding existing, string? thumbprint, string storeName)
        {
            var updated = existing with { Thumbprint = thumbprint, StoreName = storeName };
            var pending = _httpSysEdits.FindIndex(e => e is HttpSysEdit.Add or HttpSysEdit.Update && string.Equals(e.Record.Key, existing.Key, StringComparison.OrdinalIgnoreCase));
            _records[existing.Key] = updated;
            if (pending >= 0)
            {
                _httpSysEdits[pending] = _httpSysEdits[pending] switch
                {
                    HttpSysEdit.Update update => new HttpSysEdit.Update(update.Previous, updated),
                    _ => new HttpSysEdit.Add(updated),
                };
                return;
            }

            _httpSysEdits.Add(new HttpSysEdit.Update(existing, updated));
        }

        /// <summary>
        /// The settings (client-certificate negotiation, HTTP/2 off…) of the record that serves <paramref name="host"/>
        /// (or the entry's hosts) on the entry's endpoint today, when the records serving them agree; null otherwise.
        /// </summary>
        private IReadOnlyDictionary<string, string>? SettingsServing(ManifestSite entry, HostName? host)
        {
            IReadOnlyList<HostName> hosts = host is not null ? [host] : entry.HostNames;
            var records = hosts.Select(h => ServedNow.For(entry.Endpoint, h, sni: true)[0].Record)
                .Concat(entry.CatchAll || hosts.Count == 0 ? [ServedNow.For(entry.Endpoint, null, sni: false)[0].Record] : [])
                .Where(r => r is not null && r.Kind != SslCertBindingKind.CentralCertificateStore)
                .DistinctBy(r => r!.Key, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (records.Count == 0)
                return null;
            var first = records[0]!.Settings;
            return records.All(r => SameSettings(r!.Settings, first)) ? first : null;
        }

        private static bool SameSettings(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
            a.Count == b.Count && a.All(s => b.TryGetValue(s.Key, out var v) && string.Equals(v, s.Value, StringComparison.Ordinal));

        private void RemoveStaleBindings()
        {
            foreach (var siteName in _entries.Select(e => _sites[e.Name].Name).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var bindings = _bindings[siteName];
                foreach (var stale in bindings.Where(b => b is { IsHttps: true, Endpoint: not null, Problem: null } && !_declared.Contains((siteName, b.Endpoint, b.Host))).ToList())
                {
                    _configEdits.Add(new ConfigEdit.RemoveBinding(siteName, stale.Protocol, stale.BindingInformation));
                    bindings.Remove(stale);
                    if (stale.Host is not null)
                        _touchedHosts.Add((stale.Host, stale.Endpoint!.Port));
                }
            }
        }

        /// <summary>hostnameport records of hosts the plan touched that no SNI binding uses any more (only IIS's own).</summary>
        private void DeleteUnusedHostRecords()
        {
            var used = _bindings.Values.SelectMany(list => list)
                .Where(b => b.IsHttps && b.UsesSni && !b.UsesCentralCertStore && b.Host is not null && b.Endpoint is not null)
                .Select(b => (b.Host!, b.Endpoint!.Port))
                .ToHashSet();
            foreach (var (host, port) in _touchedHosts.Where(t => !used.Contains(t)))
                Delete(new SslCertBinding(SslCertBindingKind.HostnamePort, port, Host: host).Key, "no SNI binding uses it any more");
        }

        /// <summary>
        /// The IIS ipport records that would still serve a manifest host something else (the post-condition's misses),
        /// removed or updated when the plan owns them: a specific-IP record no non-SNI binding on its address needs any
        /// more is deleted (a binding moved from its IP's record to SNI or CCS); a record that serves only manifest
        /// hosts wanting one certificate is updated to it. Anything else is left for the post-condition to refuse.
        /// </summary>
        private void RemoveShadowingRecords()
        {
            var intended = ServedCertificateCheck.Intended(_manifest, _certificates);
            for (var round = 0; round < 4; round++)
            {
                var state = Predicted();
                var shadows = ServedCertificateCheck.Find(state, intended)
                    .Select(m => m.Path?.Record)
                    .Where(r => r is { Kind: SslCertBindingKind.IpPort } && r.AppId == IisAppId && _records.ContainsKey(r.Key))
                    .DistinctBy(r => r!.Key, StringComparer.OrdinalIgnoreCase)
                    .ToList();
                var changed = false;
                foreach (var shadow in shadows)
                    changed |= Resolve(shadow!, state, intended);
                if (!changed)
                    return;
            }
        }

        private bool Resolve(SslCertBinding shadow, ServerState state, IReadOnlyList<IntendedCertificate> intended)
        {
            var endpoint = new Endpoint(shadow.Address ?? IPAddress.Any, shadow.Port);
            var specific = !endpoint.IsAllUnassigned && !endpoint.Address.Equals(IPAddress.IPv6Any);
            var neededWithoutSni = _bindings.Values.SelectMany(b => b).Any(b => b is { IsHttps: true, UsesSni: false, Problem: null } && endpoint.Equals(b.Endpoint));
            if (specific && !neededWithoutSni)
                return Delete(shadow.Key, $"no non-SNI binding on {endpoint} needs it, and it would serve its certificate to the manifest's hosts before their own records");

            var wanted = new Dictionary<(string, Endpoint, HostName?), IntendedCertificate>();
            foreach (var want in intended)
                wanted.TryAdd((want.Site.ToUpperInvariant(), want.Endpoint, want.Host), want);
            var served = new ServedCertificates(state);
            var thumbprints = new HashSet<string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var site in state.Configuration.Sites)
            {
                foreach (var binding in site.Bindings)
                {
                    if (binding is not { IsHttps: true, Endpoint: { } at, Problem: null } || at.Port != shadow.Port)
                        continue;
                    if (!served.For(at, binding.Host, binding.UsesSni).Any(p => string.Equals(p.Record?.Key, shadow.Key, StringComparison.OrdinalIgnoreCase)))
                        continue;
                    if (!wanted.TryGetValue((site.Name.ToUpperInvariant(), at, binding.Host), out var want))
                        return false;
                    thumbprints.Add(want.Thumbprint);
                }
            }

            if (thumbprints.Count != 1 || thumbprints.Single() is not { } thumbprint)
                return false;
            var store = _certificates.Values.First(c => string.Equals(c.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase)).StoreName;
            _decisions.Add($"{shadow.Key} serves only the manifest's hosts: it is changed to their certificate {thumbprint}, so none of them is served {shadow.Thumbprint} any more");
            Update(_records[shadow.Key], thumbprint, store);
            return true;
        }

        /// <summary>Deletes an IIS record the plan no longer needs (an added one is simply not added).</summary>
        private bool Delete(string key, string why)
        {
            if (!_records.TryGetValue(key, out var record) || record.AppId != IisAppId)
                return false;
            _records.Remove(key);
            var pending = _httpSysEdits.FindIndex(e => e is HttpSysEdit.Add or HttpSysEdit.Update && string.Equals(e.Record.Key, key, StringComparison.OrdinalIgnoreCase));
            if (pending >= 0 && _httpSysEdits[pending] is HttpSysEdit.Add)
            {
                _httpSysEdits.RemoveAt(pending);
                return true;
            }

            if (pending >= 0)
                _httpSysEdits.RemoveAt(pending);
            var original = _current.HttpSys.Bindings.First(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase));
            _httpSysEdits.Add(new HttpSysEdit.Delete(original));
            if (original.Kind == SslCertBindingKind.IpPort)
                _decisions.Add($"{key} is deleted: {why}");
            return true;
        }

        private List<CertificateImport> Imports()
        {
            var referenced = _httpSysEdits.Where(e => e is not HttpSysEdit.Delete).Select(e => e.Record.Thumbprint).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return _entries.Select(Certificate)
                .Where(c => c.Import is not null && referenced.Contains(c.Thumbprint))
                .Select(c => c.Import!)
                .DistinctBy(i => i.Thumbprint, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        private ServerState Predicted()
        {
            var sites = _current.Configuration.Sites.Select(s => s with { Bindings = [.. _bindings[s.Name]] }).ToList();
            var records = _current.HttpSys.Bindings
                .Where(r => _records.ContainsKey(r.Key))
                .Select(r => _records[r.Key])
                .Concat(_httpSysEdits.OfType<HttpSysEdit.Add>().Select(a => a.Record))
                .ToList();
            var certificates = new Dictionary<string, CertificateInfo>(_current.CertificatesByThumbprint, StringComparer.OrdinalIgnoreCase);
            foreach (var certificate in _certificates.Values)
            {
                if (certificate.Info is not null)
                    certificates.TryAdd(certificate.Thumbprint, certificate.Info);
            }

            return _current with
            {
                Configuration = _current.Configuration with { Sites = sites },
                HttpSys = _current.HttpSys with { Bindings = records },
                CertificatesByThumbprint = certificates,
            };
        }

        private ResolvedCertificate Certificate(ManifestSite entry) =>
            _certificates.TryGetValue(entry.Certificate, out var certificate)
                ? certificate
                : throw new InvalidInputException($"site \"{entry.Name}\" refers to certificate \"{entry.Certificate}\", which \"certificates\" does not define", _manifest.Path, entry.Line);

        private static string IpPortKey(Endpoint endpoint) =>
            new SslCertBinding(SslCertBindingKind.IpPort, endpoint.Port, endpoint.Address).Key;
    }
}
