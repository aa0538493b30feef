using System.Security.Cryptography.X509Certificates;
using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Planning;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Planning;

/// <summary>The refusal rules judged on the real analysis of the current and the planned server.</summary>
public sealed class RefusalRulesTests
{
    private static readonly X509Certificate2 San = TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create();
    private static readonly X509Certificate2 V1Only = TestCertificate.For("sitev1.mysite.com").Create();
    private static readonly X509Certificate2 V2Only = TestCertificate.For("sitev2.mysite.com").Create();
    private static readonly AnalysisOptions Now = new(DateTimeOffset.UtcNow);

    private static IReadOnlyList<string> Judge(EnsureManifest manifest, Dictionary<string, ResolvedCertificate> certificates, ServerState current)
    {
        var plan = EnsurePlanner.Plan(manifest, certificates, current);
        return [.. plan.Conflicts, .. RefusalRules.Find(manifest, CoverageAnalyzer.Analyze(current, Now), CoverageAnalyzer.Analyze(plan.Predicted, Now)),
            .. RefusalRules.CertificateSwaps(manifest, current, plan.Predicted)];
    }

    private static ServerBuilder HttpOnlySeed() => new ServerBuilder()
        .Site("MySite V1", "http *:80:sitev1.mysite.com")
        .Site("MySite V2", "http *:80:sitev2.mysite.com");

    [Fact]
    public void A_san_certificate_covering_both_hosts_on_a_shared_endpoint_is_accepted()
    {
        var manifest = Manifests.With(("MySite V1", "san", SniMode.Never, ["sitev1.mysite.com"]), ("MySite V2", "san", SniMode.Never, ["sitev2.mysite.com"]));

        Assert.Empty(Judge(manifest, Manifests.Certificates(("san", San)), HttpOnlySeed().Build()));
    }

    [Fact]
    public void A_shared_certificate_that_leaves_a_host_uncovered_is_refused()
    {
        var manifest = Manifests.With(("MySite V1", "v1", SniMode.Never, ["sitev1.mysite.com"]), ("MySite V2", "v1", SniMode.Never, ["sitev2.mysite.com"]));

        var reasons = Judge(manifest, Manifests.Certificates(("v1", V1Only)), HttpOnlySeed().Build());

        Assert.Contains(reasons, r => r.StartsWith(FindingCodes.HostNotCovered, StringComparison.Ordinal) && r.Contains("sitev2.mysite.com", StringComparison.Ordinal));
    }

    [Fact]
    public void Rebinding_the_shared_record_under_a_site_the_manifest_does_not_declare_is_refused()
    {
        var current = new ServerBuilder()
            .Site("MySite V1", "https *:443:sitev1.mysite.com")
            .Site("MySite V2", "http *:80:sitev2.mysite.com")
            .IpPort("0.0.0.0", 443, V1Only)
            .Build();
        var manifest = Manifests.With(("MySite V2", "san", SniMode.Never, ["sitev2.mysite.com"]));

        var reasons = Judge(manifest, Manifests.Certificates(("san", San)), current);

        Assert.Contains(reasons, r => r.Contains("would change the certificate site \"MySite V1\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Deleting_a_specific_ip_record_that_also_served_an_unlisted_all_unassigned_binding_is_refused_naming_those_clients()
    {
        // Clients of MySite V2's * binding arriving on 10.0.0.5 are served 10.0.0.5's own record (San) before their hostnameport.
        var current = new ServerBuilder()
            .Site("MySite V1", "https 10.0.0.5:443:sitev1.mysite.com")
            .Site("MySite V2", "https *:443:sitev2.mysite.com 1")
            .IpPort("10.0.0.5", 443, San)
            .HostnamePort("sitev2.mysite.com", 443, V2Only)
            .Build();
        var manifest = Manifests.Of(Manifests.Site("MySite V1", "v1", SniMode.Always, ["sitev1.mysite.com"], "10.0.0.5:443"));

        var reasons = Judge(manifest, Manifests.Certificates(("v1", V1Only)), current);

        var swap = Assert.Single(reasons, r => r.Contains("would change the certificate site \"MySite V2\"", StringComparison.Ordinal));
        Assert.Contains("clients arriving on 10.0.0.5:443 with SNI", swap, StringComparison.Ordinal);
        Assert.Contains($"from {San.Thumbprint}", swap, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_ipv6_default_record_under_an_unlisted_host_is_a_swap_even_when_its_ipv4_clients_keep_their_certificate()
    {
        static ServerState With(X509Certificate2 ipv6) => new ServerBuilder()
            .Site("MySite V1", "https *:443:sitev1.mysite.com 1")
            .Site("MySite V2", "https *:443:sitev2.mysite.com")
            .HostnamePort("sitev1.mysite.com", 443, V1Only)
            .IpPort("0.0.0.0", 443, San)
            .IpPort("::", 443, ipv6)
            .Build();
        var manifest = Manifests.With(("MySite V1", "v1", SniMode.Always, ["sitev1.mysite.com"]));

        var swap = Assert.Single(RefusalRules.CertificateSwaps(manifest, With(San), With(V2Only)));

        Assert.Contains("site \"MySite V2\" serves for sitev2.mysite.com", swap, StringComparison.Ordinal);
        Assert.Contains("IPv6 clients", swap, StringComparison.Ordinal);
        Assert.Contains("List site \"MySite V2\" in the manifest", swap, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listed_binding_whose_certificate_changes_is_not_a_swap()
    {
        static ServerState With(X509Certificate2 shared) => new ServerBuilder()
            .Site("MySite V1", "https *:443:sitev1.mysite.com")
            .IpPort("0.0.0.0", 443, shared)
            .Build();
        var manifest = Manifests.With(("MySite V1", "v1", SniMode.Never, ["sitev1.mysite.com"]));

        Assert.Empty(RefusalRules.CertificateSwaps(manifest, With(San), With(V1Only)));
    }

    [Fact]
    public void Adding_a_binding_another_site_already_has_is_refused_as_a_duplicate()
    {
        var current = HttpOnlySeed().Site("Impostor", "https *:443:sitev2.mysite.com 1").HostnamePort("sitev2.mysite.com", 443, V2Only).Build();
        var manifest = Manifests.With(("MySite V2", "v2", SniMode.Always, ["sitev2.mysite.com"]));

        var reasons = Judge(manifest, Manifests.Certificates(("v2", V2Only)), current);

        Assert.Contains(reasons, r => r.StartsWith(FindingCodes.DuplicateBinding, StringComparison.Ordinal));
    }

    [Fact]
    public void An_existing_error_on_a_site_the_manifest_does_not_touch_does_not_block_the_release()
    {
        var current = HttpOnlySeed().Site("Legacy", "https *:8443:legacy.example.com").Build();
        var manifest = Manifests.With(("MySite V1", "v1", SniMode.Always, ["sitev1.mysite.com"]));

        Assert.False(CoverageAnalyzer.Analyze(current, Now).Passed);
        Assert.Empty(Judge(manifest, Manifests.Certificates(("v1", V1Only)), current));
    }

    [Fact]
    public void A_certificate_no_source_holds_is_refused()
    {
        var manifest = Manifests.With(("MySite V1", "gone", SniMode.Always, ["sitev1.mysite.com"]));
        var certificates = new Dictionary<string, ResolvedCertificate> { ["gone"] = new("gone", new string('E', 40), "MY", null) };

        var reasons = Judge(manifest, certificates, HttpOnlySeed().Build());

        Assert.Contains(reasons, r => r.StartsWith(FindingCodes.CertificateNotFound, StringComparison.Ordinal));
    }
}
