using System.Security.Cryptography.X509Certificates;
using FsCheck.Xunit;
using IisSsl.Model;
using IisSsl.Planning;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Planning;

public sealed class EnsurePlannerProperties
{
    internal static readonly X509Certificate2 San = TestCertificate.For("*.mysite.com").Create();
    internal static readonly X509Certificate2 V1Only = TestCertificate.For("a.mysite.com").Create();
    private static readonly string[] Hosts = ["a.mysite.com", "b.mysite.com", "c.mysite.com", "d.mysite.com", "e.mysite.com", "f.mysite.com"];
    private static readonly SniMode[] Modes = [SniMode.Auto, SniMode.Always, SniMode.Never];

    /// <summary>Each pick chooses a host, the site claiming it, its sni mode and its certificate; a host is claimed once.</summary>
    private static EnsureManifest ManifestFrom(byte[] picks) =>
        Manifests.With([.. picks
            .DistinctBy(p => p % Hosts.Length)
            .Select(p => (p % 2 == 0 ? "Site A" : "Site B", p / 7 % 2 == 0 ? "san" : "v1", Modes[p / 14 % 3], new[] { Hosts[p % Hosts.Length] }))]);

    private static ServerState Seed() => new ServerBuilder()
        .Site("Site A", "http *:80:a.mysite.com", "https *:443:c.mysite.com 1")
        .Site("Site B", "http *:80:b.mysite.com", "https *:443:d.mysite.com")
        .IpPort("0.0.0.0", 443, San)
        .HostnamePort("c.mysite.com", 443, V1Only)
        .Build();

    [Property(MaxTest = 200)]
    public bool Planning_again_against_the_predicted_server_changes_nothing(byte[] picks)
    {
        var manifest = ManifestFrom(picks);
        var certificates = Manifests.Certificates(("san", San), ("v1", V1Only));
        var first = EnsurePlanner.Plan(manifest, certificates, Seed());
        if (first.Conflicts.Count > 0)
            return true;

        var second = EnsurePlanner.Plan(manifest, certificates, first.Predicted);

        return second.IsEmpty && second.Conflicts.Count == 0;
    }

    [Property(MaxTest = 200)]
    public bool Every_declared_host_ends_up_with_exactly_one_https_binding_on_its_endpoint(byte[] picks)
    {
        var manifest = ManifestFrom(picks);
        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("san", San), ("v1", V1Only)), Seed());

        return manifest.Sites.All(entry => entry.HostNames.All(host =>
            plan.Predicted.Configuration.Sites.Single(s => s.Name == entry.Name).Bindings
                .Count(b => b.IsHttps && entry.Endpoint.Equals(b.Endpoint) && host.Equals(b.Host)) == 1));
    }

    internal static readonly X509Certificate2 Renewed = TestCertificate.For("*.mysite.com").Create();
    private static readonly X509Certificate2 Stranger = TestCertificate.For("other.example.com").Create();
    internal static readonly X509Certificate2[] Pool = [San, V1Only, Renewed, Stranger];

    /// <summary>
    /// A server drawn from <paramref name="shape"/>: two sites, https bindings on *, 10.0.0.5 or [2001:db8::5] with or
    /// without SNI (and catch-alls), and IIS records of every kind (0.0.0.0, [::], a specific IP, hostnameport) serving
    /// certificates from a small pool.
    /// </summary>
    internal static ServerState RandomServer(byte[] shape)
    {
        string[] addresses = ["*", "10.0.0.5", "[2001:db8::5]"];
        var sites = new[] { new List<string> { "http *:80:a.mysite.com" }, new List<string> { "http *:80:b.mysite.com" } };
        var builder = new ServerBuilder();
        var seen = new HashSet<string>();
        for (var i = 0; i + 1 < shape.Length && i < 16; i += 2)
        {
            var (a, b) = (shape[i], shape[i + 1]);
            switch (a % 4)
            {
                case 0 or 1:
                    var host = a / 4 % 7 == 6 ? string.Empty : Hosts[a / 4 % 6];
                    var binding = $"{addresses[b % 3]}:443:{host}";
                    if (seen.Add(binding))
                        sites[b / 3 % 2].Add($"https {binding} {(host.Length > 0 && b / 6 % 2 == 0 ? 1 : 0)}");
                    break;
                case 2:
                    string[] ipports = ["0.0.0.0", "::", "10.0.0.5", "2001:db8::5"];
                    if (seen.Add("ipport" + ipports[b % 4]))
                        builder.IpPort(ipports[b % 4], 443, Pool[b / 4 % Pool.Length]);
                    break;
                default:
                    if (seen.Add("hostnameport" + Hosts[b % 6]))
                        builder.HostnamePort(Hosts[b % 6], 443, Pool[b / 6 % Pool.Length]);
                    break;
            }
        }

        return builder.Site("Site A", [.. sites[0]]).Site("Site B", [.. sites[1]]).Build();
    }

    /// <summary>Site A and Site B each listed once, with hosts, a certificate, an sni mode and one or two endpoints.</summary>
    internal static EnsureManifest RandomManifest(byte[] picks)
    {
        string[] names = ["san", "v1", "renewed"];
        string[][] endpoints = [["*:443"], ["10.0.0.5:443"], ["*:443", "[2001:db8::5]:443"]];
        var entries = new List<ManifestSite>();
        foreach (var (site, at) in new[] { ("Site A", 0), ("Site B", 5) })
        {
            if (picks.Length <= at + 4 || picks[at] % 3 == 0)
                continue;
            var hosts = Hosts.Where((_, i) => (picks[at + 1] >> i & 1) == 1 && i % 2 == at % 2).ToList();
            if (picks[at + 2] % 5 == 0)
                hosts.Add(string.Empty);
            if (hosts.Count == 0)
                continue;
            entries.Add(Manifests.Site(site, names[picks[at + 3] % 3], Modes[picks[at + 4] % 3], [.. hosts], endpoints[picks[at] % 3]));
        }

        return Manifests.Of([.. entries]);
    }

    [Property(MaxTest = 300)]
    public bool A_plan_that_is_not_refused_serves_each_manifest_host_its_certificate_and_verifies_for_them(byte[] shape, byte[] picks)
    {
        var current = RandomServer(shape);
        var manifest = RandomManifest(picks);
        var certificates = Manifests.Certificates(("san", San), ("v1", V1Only), ("renewed", Renewed));
        var plan = EnsurePlanner.Plan(manifest, certificates, current);
        var options = new IisSsl.Analysis.AnalysisOptions(DateTimeOffset.UtcNow, 30);
        var before = IisSsl.Analysis.CoverageAnalyzer.Analyze(current, options);
        var predicted = IisSsl.Analysis.CoverageAnalyzer.Analyze(plan.Predicted, options);
        var refused = plan.Conflicts.Count > 0
            || ServedCertificateCheck.Misses(manifest, certificates, plan.Predicted).Count > 0
            || RefusalRules.Find(manifest, before, predicted).Count > 0
            || RefusalRules.CertificateSwaps(manifest, current, plan.Predicted).Count > 0;
        if (refused)
            return true;

        // Rows and findings of the bindings the manifest manages: its sites' hosts on its endpoints.
        var wanted = manifest.Sites
            .SelectMany(s => s.Endpoints.SelectMany(e => s.HostNames.Select(h => (Key: (s.Name, e.ToString(), h.Value), certificates[s.Certificate].Thumbprint))))
            .ToDictionary(p => p.Key, p => p.Thumbprint);
        var rows = predicted.Endpoints.SelectMany(e => e.Hosts.Select(h => (Key: (h.Site, e.Endpoint, h.HostName), Row: h)))
            .Where(r => r.Row.HostName is not null && wanted.ContainsKey(r.Key!))
            .ToList();
        return predicted.Findings.All(f => f.Severity != IisSsl.Analysis.Severity.Error || f.Site is null || f.Endpoint is null || f.HostName is null || !wanted.ContainsKey((f.Site, f.Endpoint, f.HostName)))
            && rows.Count == wanted.Count
            && rows.All(r => r.Row.Certificate?.Thumbprint == wanted[r.Key!])
            && EnsurePlanner.Plan(manifest, certificates, plan.Predicted).IsEmpty;
    }
}
