using IisSsl.Analysis;
using IisSsl.Execution;
using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>
/// The pure heart of EnsureSslHostHeaders: desired manifest + current server -> the edits that make the server match,
/// and the server as it will be afterwards. It touches only what the manifest owns: the https bindings of the listed
/// host names, the HTTP.SYS records serving them, and (with <c>removeStaleBindings</c>) the other https bindings of the
/// listed sites. Records owned by other applications (another appid) are never overwritten.
/// </summary>
public static class EnsurePlanner
{
    public static readonly Guid IisAppId = Guid.Parse(SslCertBinding.IisAppId);

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
        private readonly IReadOnlyDictionary<string, ResolvedCertificate> _certificates;
        private readonly ServerState _current;
        private readonly Dictionary<string, Site> _sites = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<Binding>> _bindings = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, SslCertBinding> _records = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<(string Site, Endpoint Endpoint, HostName Host)> _declared = [];
        private readonly HashSet<(HostName Host, int Port)> _touchedHosts = [];
        private readonly List<HttpSysEdit> _httpSysEdits = [];
        private readonly List<ConfigEdit> _configEdits = [];
        private readonly List<string> _conflicts = [];
        private readonly List<string> _decisions = [];
        private readonly Dictionary<(string Site, Endpoint Endpoint, HostName Host), int> _httpsBindingAt = [];
        private ILookup<Endpoint, HostName>? _nonSniHostsByEndpoint;

        public Planning(EnsureManifest manifest, IReadOnlyDictionary<string, ResolvedCertificate> certificates, ServerState current)
        {
            _manifest = manifest;
            _certificates = certificates;
            _current = current;
            foreach (var site in current.Configuration.Sites)
            {
                _sites.TryAdd(site.Name, site);
                if (!_bindings.TryAdd(site.Name, [.. site.Bindings]))
                    continue;
                for (var i = 0; i < site.Bindings.Count; i++)
                {
                    if (site.Bindings[i] is { IsHttps: true, Endpoint: { } endpoint, Host: { } host })
                        _httpsBindingAt.TryAdd((site.Name.ToUpperInvariant(), endpoint, host), i);
                }
            }

            foreach (var record in current.HttpSys.Bindings)
                _records.TryAdd(record.Key, record);
        }

        public EnsurePlan Run(bool removeStaleBindings, bool importCertificates)
        {
            foreach (var entry in _manifest.Sites)
            {
                if (!_sites.TryGetValue(entry.Name, out var site))
                    throw new InvalidInputException($"site \"{entry.Name}\" does not exist in {_current.Configuration.Source}", _manifest.Path, entry.Line);
                foreach (var host in entry.HostNames)
                {
                    _declared.Add((site.Name, entry.Endpoint, host));
                    _touchedHosts.Add((host, entry.Endpoint.Port));
                }
            }

            var usesSni = DecideSni();
            foreach (var entry in _manifest.Sites)
                EnsureBindings(entry, usesSni[entry], Certificate(entry).CentralCertificateStore);
            EnsureRecords(usesSni);
            if (removeStaleBindings)
                RemoveStaleBindings();
            DeleteUnusedHostRecords();

            var imports = importCertificates ? Imports() : [];
            return new EnsurePlan(imports, _httpSysEdits, _configEdits, Predicted(), _conflicts, _decisions);
        }

        /// <summary>sni: never -> shared ipport record; always -> SNI; auto -> shared when the certificate covers every non-SNI host there.</summary>
        private Dictionary<ManifestSite, bool> DecideSni()
        {
            var result = new Dictionary<ManifestSite, bool>(ReferenceEqualityComparer.Instance);
            foreach (var group in _manifest.Sites.GroupBy(s => s.Endpoint))
            {
                var endpoint = group.Key;
                var record = _records.GetValueOrDefault(IpPortKey(endpoint));
                var shared = group.Where(e => e.Sni == SniMode.Never && !Certificate(e).CentralCertificateStore).ToList();
                var sharedCertificates = shared.Select(e => Certificate(e).Thumbprint).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (sharedCertificates.Count > 1)
                {
                    _conflicts.Add(
                        $"{string.Join(" and ", shared.Select(e => $"site \"{e.Name}\" (certificate \"{e.Certificate}\")"))} all ask for sni: never on {endpoint}, "
                        + $"but the one ipport record {IpPortKey(endpoint)} serves one certificate to every non-SNI host there; give all of them one certificate, or sni: always");
                }

                var target = sharedCertificates.FirstOrDefault() ?? record?.Thumbprint;
                var sharedHosts = OtherNonSniHosts(endpoint);
                sharedHosts.AddRange(shared.SelectMany(e => e.HostNames));
                foreach (var entry in group)
                {
                    if (Certificate(entry).CentralCertificateStore)
                    {
                        result[entry] = true;
                        continue;
                    }

                    if (entry.Sni != SniMode.Auto)
                    {
                        result[entry] = entry.Sni == SniMode.Always;
                        continue;
                    }

                    var certificate = Certificate(entry);
                    var hosts = sharedHosts.Concat(entry.HostNames).ToList();
                    var sameAsShared = target is null || string.Equals(target, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase);
                    var coversAll = certificate.Info is { } info && hosts.All(h => CertificateNameMatcher.Covers(info, h));
                    if (sameAsShared && coversAll)
                    {
                        target = certificate.Thumbprint;
                        sharedHosts.AddRange(entry.HostNames);
                        result[entry] = false;
                        _decisions.Add($"site \"{entry.Name}\" on {endpoint}: sni auto -> shared {IpPortKey(endpoint)} (certificate \"{entry.Certificate}\" covers every non-SNI host there)");
                    }
                    else
                    {
                        result[entry] = true;
                        var why = !sameAsShared
                            ? $"{IpPortKey(endpoint)} serves another certificate ({target})"
                            : $"certificate \"{entry.Certificate}\" does not cover every non-SNI host there";
                        _decisions.Add($"site \"{entry.Name}\" on {endpoint}: sni auto -> SNI ({why})");
                    }
                }
            }

            return result;
        }

        /// <summary>Host names on the endpoint served by its ipport record that the manifest does not declare.</summary>
        private List<HostName> OtherNonSniHosts(Endpoint endpoint)
        {
            _nonSniHostsByEndpoint ??= _bindings
                .SelectMany(pair => pair.Value
                    .Where(b => b.IsHttps && !b.UsesSni && b.Host is not null && b.Endpoint is not null && !_declared.Contains((_sites[pair.Key].Name, b.Endpoint, b.Host)))
                    .Select(b => (Endpoint: b.Endpoint!, Host: b.Host!)))
                .ToLookup(b => b.Endpoint, b => b.Host);
            return [.. _nonSniHostsByEndpoint[endpoint]];
        }

        private void EnsureBindings(ManifestSite entry, bool sni, bool centralStore)
        {
            var siteName = _sites[entry.Name].Name;
            var bindings = _bindings[siteName];
            foreach (var host in entry.HostNames)
            {
                if (!_httpsBindingAt.TryGetValue((siteName.ToUpperInvariant(), entry.Endpoint, host), out var index))
                {
                    var flags = Flags(SslFlags.None, sni, centralStore);
                    var information = IisHostText.BindingInformation(entry.Endpoint, host);
                    _configEdits.Add(new ConfigEdit.AddBinding(siteName, "https", information, flags));
                    _httpsBindingAt[(siteName.ToUpperInvariant(), entry.Endpoint, host)] = bindings.Count;
                    bindings.Add(new Binding("https", information, entry.Endpoint, host, flags));
                    continue;
                }

                var existing = bindings[index];
                var desired = Flags(existing.SslFlags, sni, centralStore);
                if (desired != existing.SslFlags)
                {
                    _configEdits.Add(new ConfigEdit.SetSslFlags(siteName, existing.Protocol, existing.BindingInformation, desired));
                    bindings[index] = existing with { SslFlags = desired };
                }
            }
        }

        /// <summary>The binding's other bits kept; SNI and CCS as the manifest says (CCS always goes with SNI).</summary>
        private static SslFlags Flags(SslFlags existing, bool sni, bool centralStore) =>
            (existing & ~(SslFlags.Sni | SslFlags.CentralCertStore))
            | (sni || centralStore ? SslFlags.Sni : SslFlags.None)
            | (centralStore ? SslFlags.CentralCertStore : SslFlags.None);

        private void EnsureRecords(Dictionary<ManifestSite, bool> usesSni)
        {
            foreach (var entry in _manifest.Sites)
            {
                var certificate = Certificate(entry);
                if (certificate.CentralCertificateStore)
                {
                    EnsureRecord(new SslCertBinding(SslCertBindingKind.CentralCertificateStore, entry.Endpoint.Port, AppId: IisAppId));
                    continue;
                }

                if (!usesSni[entry])
                {
                    var address = entry.Endpoint.Address;
                    EnsureRecord(new SslCertBinding(SslCertBindingKind.IpPort, entry.Endpoint.Port, address, null, certificate.Thumbprint, certificate.StoreName, IisAppId));
                    continue;
                }

                foreach (var host in entry.HostNames)
                    EnsureRecord(new SslCertBinding(SslCertBindingKind.HostnamePort, entry.Endpoint.Port, null, host, certificate.Thumbprint, certificate.StoreName, IisAppId));
            }
        }

        private void EnsureRecord(SslCertBinding desired)
        {
            if (!_records.TryGetValue(desired.Key, out var existing))
            {
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

            var updated = existing with { Thumbprint = desired.Thumbprint, StoreName = desired.StoreName };
            _records[desired.Key] = updated;
            _httpSysEdits.Add(new HttpSysEdit.Update(existing, updated));
        }

        private void RemoveStaleBindings()
        {
            foreach (var siteName in _manifest.Sites.Select(e => _sites[e.Name].Name).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var bindings = _bindings[siteName];
                foreach (var stale in bindings.Where(b => b.IsHttps && b.Endpoint is not null && !(b.Host is not null && _declared.Contains((siteName, b.Endpoint, b.Host)))).ToList())
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
            {
                var key = new SslCertBinding(SslCertBindingKind.HostnamePort, port, Host: host).Key;
                if (_records.TryGetValue(key, out var record) && record.AppId == IisAppId)
                {
                    _records.Remove(key);
                    var added = _httpSysEdits.FindIndex(e => e is HttpSysEdit.Add && string.Equals(e.Record.Key, key, StringComparison.OrdinalIgnoreCase));
                    if (added >= 0)
                        _httpSysEdits.RemoveAt(added);
                    else
                        _httpSysEdits.Add(new HttpSysEdit.Delete(_current.HttpSys.Bindings.First(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase))));
                }
            }
        }

        private List<CertificateImport> Imports()
        {
            var referenced = _httpSysEdits.Where(e => e is not HttpSysEdit.Delete).Select(e => e.Record.Thumbprint).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return _manifest.Sites.Select(Certificate)
                .Where(c => c.Import is not null && referenced.Contains(c.Thumbprint))
                .Select(c => c.Import!)
                .DistinctBy(i => i.Thumbprint, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        private ServerState Predicted()
        {
            var sites = _current.Configuration.Sites.Select(s => s with { Bindings = _bindings[s.Name] }).ToList();
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
