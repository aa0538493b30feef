using IisSsl.Analysis;
using IisSsl.Execution;
using IisSsl.Model;
using IisSsl.Planning;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Planning;

/// <summary>Refusals point the right way, in manifest words (issue 13, item 8), and record settings survive a split or move.</summary>
public sealed class RefusalMessageTests
{
    private static readonly System.Security.Cryptography.X509Certificates.X509Certificate2 V1Only = TestCertificate.For("sitev1.mysite.com").Create();
    private static readonly System.Security.Cryptography.X509Certificates.X509Certificate2 San = TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create();
    private static readonly System.Security.Cryptography.X509Certificates.X509Certificate2 Wildcard = TestCertificate.For("*.mysite.com").Create();
    private static readonly AnalysisOptions Now = new(DateTimeOffset.UtcNow, 30);

    private static IReadOnlyList<string> Reasons(EnsureManifest manifest, Dictionary<string, ResolvedCertificate> certificates, ServerState current)
    {
        var plan = EnsurePlanner.Plan(manifest, certificates, current);
        return [.. plan.Conflicts, .. ServedCertificateCheck.Misses(manifest, certificates, plan.Predicted),
            .. RefusalRules.Find(manifest, CoverageAnalyzer.Analyze(current, Now), CoverageAnalyzer.Analyze(plan.Predicted, Now), plan.Predicted.CertificatesByThumbprint.Values),
            .. RefusalRules.CertificateSwaps(manifest, current, plan.Predicted)];
    }

    [Fact]
    public void An_uncovered_host_refusal_names_the_certificates_read_that_would_cover_every_host_there_and_speaks_manifest_words()
    {
        var current = new ServerBuilder()
            .Site("MySite V1", "http *:80:sitev1.mysite.com")
            .Site("MySite V2", "http *:80:sitev2.mysite.com")
            .Known(San).Known(Wildcard)
            .Build();
        var manifest = Manifests.With(("MySite V1", "v1", SniMode.Never, ["sitev1.mysite.com"]), ("MySite V2", "v1", SniMode.Never, ["sitev2.mysite.com"]));

        var reasons = Reasons(manifest, Manifests.Certificates(("v1", V1Only)), current);

        var uncovered = Assert.Single(reasons, r => r.StartsWith(FindingCodes.HostNotCovered, StringComparison.Ordinal));
        Assert.Contains(San.Thumbprint, uncovered, StringComparison.Ordinal);
        Assert.Contains(Wildcard.Thumbprint, uncovered, StringComparison.Ordinal);
        Assert.DoesNotContain(V1Only.Thumbprint + " (", uncovered, StringComparison.Ordinal);
        Assert.Contains("\"sni\": \"always\"", uncovered, StringComparison.Ordinal);
        Assert.DoesNotContain("sslFlags", uncovered, StringComparison.Ordinal);
    }

    [Fact]
    public void A_swap_under_a_listed_site_asks_to_list_the_host_not_to_declare_the_site()
    {
        var current = new ServerBuilder()
            .Site("MySite V1", "https *:443:sitev1.mysite.com", "https *:443:sitev2.mysite.com")
            .IpPort("0.0.0.0", 443, San)
            .Build();
        var manifest = Manifests.With(("MySite V1", "wild", SniMode.Never, ["sitev1.mysite.com"]));
        var certificates = Manifests.Certificates(("wild", Wildcard));

        var swap = Assert.Single(Reasons(manifest, certificates, current), r => r.Contains("would change the certificate", StringComparison.Ordinal));

        Assert.DoesNotContain("Declare that site", swap, StringComparison.Ordinal);
        Assert.Contains("\"hostNames\" of site \"MySite V1\"", swap, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_unmanaged_http_binding_is_a_warning_and_does_not_block_the_https_change()
    {
        var current = new ServerBuilder().Site("MySite V1", "http *:80:sitev1.mysite.com").Build();
        var site = current.Configuration.Sites[0];
        var invalid = new Binding("http", "*:80:*.com", null, null, SslFlags.None, Problem: "\"*.com\" is not a valid host name");
        current = current with { Configuration = current.Configuration with { Sites = [site with { Bindings = [.. site.Bindings, invalid] }] } };
        var manifest = Manifests.With(("MySite V1", "v1", SniMode.Auto, ["sitev1.mysite.com"]));
        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("v1", V1Only)), current);
        var before = CoverageAnalyzer.Analyze(current, Now);
        var predicted = CoverageAnalyzer.Analyze(plan.Predicted, Now);

        Assert.Empty(RefusalRules.Find(manifest, before, predicted));
        Assert.Contains(RefusalRules.Warnings(manifest, before, predicted), w => w.Contains("*:80:*.com", StringComparison.Ordinal) && w.Contains("does not block", StringComparison.Ordinal));
        Assert.NotEmpty(plan.ConfigEdits);
    }

    [Fact]
    public void A_host_split_from_the_shared_record_keeps_its_settings_in_its_own_record()
    {
        var current = new ServerBuilder()
            .Site("MySite V1", "https *:443:sitev1.mysite.com")
            .IpPort("0.0.0.0", 443, V1Only)
            .Build();
        var shared = current.HttpSys.Bindings[0] with { Settings = new Dictionary<string, string> { ["Negotiate Client Certificate"] = "Enabled", ["Disable HTTP2"] = "Set" } };
        current = current with { HttpSys = current.HttpSys with { Bindings = [shared] } };
        var manifest = Manifests.With(("MySite V1", "san", SniMode.Always, ["sitev1.mysite.com"]));

        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("san", San)), current);

        var added = Assert.Single(plan.HttpSysEdits.OfType<HttpSysEdit.Add>());
        Assert.Equal("hostnameport=sitev1.mysite.com:443", added.Record.Key);
        Assert.Equal(shared.Settings, added.Record.Settings);
        Assert.Contains("clientcertnegotiation=enable", NetshCommands.Line(added), StringComparison.Ordinal);
    }

    [Fact]
    public void An_updated_record_keeps_its_settings()
    {
        var current = new ServerBuilder().Site("MySite V1", "https *:443:sitev1.mysite.com").IpPort("0.0.0.0", 443, V1Only).Build();
        var shared = current.HttpSys.Bindings[0] with { Settings = new Dictionary<string, string> { ["Negotiate Client Certificate"] = "Enabled" } };
        current = current with { HttpSys = current.HttpSys with { Bindings = [shared] } };

        var plan = EnsurePlanner.Plan(Manifests.With(("MySite V1", "san", SniMode.Auto, ["sitev1.mysite.com"])), Manifests.Certificates(("san", San)), current);

        var update = Assert.IsType<HttpSysEdit.Update>(Assert.Single(plan.HttpSysEdits));
        Assert.Equal(shared.Settings, update.Record.Settings);
    }

    [Fact]
    public void A_central_store_record_is_described_without_an_empty_thumbprint()
    {
        var plan = EnsurePlanner.Plan(
            Manifests.With(("MySite V1", "ccs", SniMode.Auto, ["sitev1.mysite.com"])),
            new Dictionary<string, ResolvedCertificate> { ["ccs"] = ResolvedCertificate.CentralStore("ccs") },
            new ServerBuilder().Site("MySite V1", "http *:80:sitev1.mysite.com").Build());

        var change = Assert.Single(IisSsl.Reporting.PlanRenderer.Changes(plan), c => c.Kind == "addRecord");

        Assert.DoesNotContain("certificate  in", change.Description, StringComparison.Ordinal);
        Assert.Contains("Central Certificate Store", change.Description, StringComparison.Ordinal);
    }
}
