using System.Security.Cryptography.X509Certificates;
using FsCheck.Xunit;
using IisSsl.Model;
using IisSsl.Planning;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Planning;

public sealed class EnsurePlannerProperties
{
    private static readonly X509Certificate2 San = TestCertificate.For("*.mysite.com").Create();
    private static readonly X509Certificate2 V1Only = TestCertificate.For("a.mysite.com").Create();
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
}
