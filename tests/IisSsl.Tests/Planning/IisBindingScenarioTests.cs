using System.Security.Cryptography.X509Certificates;
using IisSsl.Execution;
using IisSsl.Model;
using IisSsl.Planning;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Planning;

/// <summary>
/// The binding scenarios win-acme's own tests pin for installing and renewing a certificate on IIS bindings
/// (src/main.test/Tests/BindingTests/Bindings.cs), restated in manifest and plan words: the facts carry over, the
/// code does not. Each plan must also meet the post-condition (<see cref="ServedCertificateCheck"/>) or be refused.
/// </summary>
public sealed class IisBindingScenarioTests
{
    private static readonly X509Certificate2 Old = TestCertificate.For("host.nl", "exists.example.com", "wacs1.test.net", "wacs2.test.net", "wacs2alt.test.net", "inscope.example.com", "outofscope.example.com").Create();
    private static readonly X509Certificate2 New = TestCertificate.For("host.nl", "exists.example.com", "new.example.com", "wacs1.test.net", "wacs2.test.net", "wacs2alt.test.net", "inscope.example.com", "uppercase.example.com").Create();
    private static readonly X509Certificate2 NewOnly = TestCertificate.For("new.example.com", "example.com", "*.b.c.com").Create();

    private static Dictionary<string, ResolvedCertificate> Certificates => Manifests.Certificates(("new", New), ("newonly", NewOnly));

    private static EnsurePlan Plan(ServerState current, EnsureManifest manifest, Dictionary<string, ResolvedCertificate>? certificates = null)
    {
        certificates ??= Certificates;
        var plan = EnsurePlanner.Plan(manifest, certificates, current);
        if (plan.Conflicts.Count == 0)
            Assert.Empty(ServedCertificateCheck.Misses(manifest, certificates, plan.Predicted));
        return plan;
    }

    private static Binding HttpsBinding(EnsurePlan plan, string site, string information) =>
        plan.Predicted.Configuration.Sites.Single(s => s.Name == site).Bindings.Single(b => b.IsHttps && b.BindingInformation == information);

    // AddNewSingle / AddNewMulti: a host with only an http binding gets an https binding where the manifest says.
    [Theory]
    [InlineData("*:443", "ipport=0.0.0.0:443")]
    [InlineData("10.0.0.5:443", "ipport=10.0.0.5:443")]
    [InlineData("*:8443", "ipport=0.0.0.0:8443")]
    public void A_host_with_only_an_http_binding_gets_an_https_binding_and_record_on_the_manifest_endpoint(string endpoint, string record)
    {
        var current = new ServerBuilder().Site("S", "http *:80:new.example.com").Build();

        var plan = Plan(current, Manifests.Of(Manifests.Site("S", "newonly", SniMode.Auto, ["new.example.com"], endpoint)));

        var binding = HttpsBinding(plan, "S", $"{endpoint}:new.example.com");
        Assert.Equal(SslFlags.None, binding.SslFlags);
        Assert.Equal([record], plan.HttpSysEdits.Select(e => e.Record.Key));
    }

    [Fact]
    public void A_certificate_in_another_store_is_bound_with_that_store_name()
    {
        var current = new ServerBuilder().Site("S", "http *:80:new.example.com").Build();
        var certificates = new Dictionary<string, ResolvedCertificate>
        {
            ["hosting"] = new("hosting", NewOnly.Thumbprint, "WebHosting", CertificateInfo.From(NewOnly, "hosting", true)),
        };

        var plan = Plan(current, Manifests.Of(Manifests.Site("S", "hosting", SniMode.Always, ["new.example.com"])), certificates);

        Assert.Equal("WebHosting", Assert.Single(plan.HttpSysEdits).Record.StoreName);
    }

    // AddNewSingle (IIS 7 rows), WildcardOld, DuplicateHostBindingW2K8: what the server version rules out is refused, not guessed.
    [Theory]
    [InlineData(7, SniMode.Always, "newonly", "has no SNI")]
    [InlineData(7, SniMode.Auto, "ccs", "Central Certificate Store, which IIS 7 does not have")]
    [InlineData(8, SniMode.Auto, "wildcard", "wildcard host header, which IIS 8 does not support")]
    [InlineData(7, SniMode.Auto, "wildcard", "wildcard host header, which IIS 7 does not support")]
    public void What_the_declared_iis_version_cannot_do_is_refused_in_manifest_words(int iisVersion, SniMode sni, string certificate, string expected)
    {
        var current = new ServerBuilder().Site("S", "http *:80:new.example.com", "http *:80:*.b.c.com").Build();
        var host = certificate == "wildcard" ? "*.b.c.com" : "new.example.com";
        var certificates = Certificates;
        certificates["ccs"] = ResolvedCertificate.CentralStore("ccs");
        certificates["wildcard"] = certificates["newonly"] with { Name = "wildcard" };
        var manifest = Manifests.Of(Manifests.Site("S", certificate, sni, [host])) with { Server = new ServerLimits(iisVersion) };

        var plan = EnsurePlanner.Plan(manifest, certificates, current);

        Assert.Contains(plan.Conflicts, c => c.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_wildcard_host_header_is_planned_on_iis_10()
    {
        var current = new ServerBuilder().Site("S", "http *:80:*.b.c.com").Build();

        var plan = Plan(current, Manifests.Of(Manifests.Site("S", "newonly", SniMode.Always, ["*.b.c.com"])));

        Assert.Empty(plan.Conflicts);
        Assert.Equal(SslFlags.Sni, HttpsBinding(plan, "S", "*:443:*.b.c.com").SslFlags);
    }

    [Fact]
    public void On_iis_7_a_new_host_next_to_another_sites_shared_certificate_is_refused_because_it_cannot_use_sni()
    {
        var current = new ServerBuilder()
            .Site("One", "https *:443:exists.example.com")
            .Site("Two", "http *:80:new.example.com")
            .IpPort("0.0.0.0", 443, Old)
            .Build();
        var manifest = Manifests.Of(Manifests.Site("Two", "newonly", SniMode.Auto, ["new.example.com"])) with { Server = new ServerLimits(7) };

        var plan = EnsurePlanner.Plan(manifest, Certificates, current);
        var reasons = ServedCertificateCheck.Misses(manifest, Certificates, plan.Predicted)
            .Concat(RefusalRules.CertificateSwaps(manifest, current, plan.Predicted));

        Assert.Contains(reasons, r => r.Contains("exists.example.com", StringComparison.Ordinal));
    }

    [Fact]
    public void On_iis_8_and_later_a_new_host_next_to_another_sites_shared_certificate_gets_sni()
    {
        var current = new ServerBuilder()
            .Site("One", "https *:443:exists.example.com")
            .Site("Two", "http *:80:new.example.com")
            .IpPort("0.0.0.0", 443, Old)
            .Build();

        var plan = Plan(current, Manifests.Of(Manifests.Site("Two", "newonly", SniMode.Auto, ["new.example.com"])) with { Server = new ServerLimits(8) });

        Assert.Equal(SslFlags.Sni, HttpsBinding(plan, "Two", "*:443:new.example.com").SslFlags);
        Assert.Contains(plan.Predicted.HttpSys.Bindings, r => r.Key == "ipport=0.0.0.0:443" && r.Thumbprint == Old.Thumbprint);
    }

    // UpdateSimple: renewing a binding on its own IP and port keeps them and updates its record.
    [Fact]
    public void Renewing_a_binding_on_a_specific_ip_and_port_updates_its_own_record_and_keeps_its_endpoint()
    {
        var current = new ServerBuilder().Site("S", "https 10.0.0.5:8443:host.nl").IpPort("10.0.0.5", 8443, Old).Build();

        var plan = Plan(current, Manifests.Of(Manifests.Site("S", "new", SniMode.Auto, ["host.nl"], "10.0.0.5:8443")));

        Assert.Empty(plan.ConfigEdits);
        var update = Assert.IsType<HttpSysEdit.Update>(Assert.Single(plan.HttpSysEdits));
        Assert.Equal(("ipport=10.0.0.5:8443", New.Thumbprint), (update.Record.Key, update.Record.Thumbprint));
    }

    // PreserveFlags: the binding's other sslFlags bits survive a renewal or a switch to SNI; CCS drops them (inferred).
    [Theory]
    [InlineData(SslFlags.Sni | SslFlags.DisableHttp2 | SslFlags.DisableTls13OverTcp, SniMode.Auto, "new", SslFlags.Sni | SslFlags.DisableHttp2 | SslFlags.DisableTls13OverTcp)]
    [InlineData(SslFlags.DisableHttp2 | SslFlags.DisableTls13OverTcp, SniMode.Always, "new", SslFlags.Sni | SslFlags.DisableHttp2 | SslFlags.DisableTls13OverTcp)]
    [InlineData(SslFlags.Sni | SslFlags.DisableHttp2 | SslFlags.DisableTls13OverTcp, SniMode.Auto, "ccs", SslFlags.Sni | SslFlags.CentralCertStore)]
    [InlineData(SslFlags.DisableHttp2 | SslFlags.DisableTls13OverTcp, SniMode.Auto, "ccs", SslFlags.Sni | SslFlags.CentralCertStore)]
    [InlineData(SslFlags.CentralCertStore, SniMode.Auto, "ccs", SslFlags.Sni | SslFlags.CentralCertStore)]
    public void Other_sslflags_bits_are_kept_and_a_central_store_binding_drops_the_per_binding_tls_options(SslFlags initial, SniMode sni, string certificate, SslFlags expected)
    {
        var current = new ServerBuilder().Site("S", $"https *:443:host.nl {(uint)initial}").HostnamePort("host.nl", 443, Old).IpPort("0.0.0.0", 443, Old).Build();
        var certificates = Certificates;
        certificates["ccs"] = ResolvedCertificate.CentralStore("ccs");

        var plan = EnsurePlanner.Plan(Manifests.Of(Manifests.Site("S", certificate, sni, ["host.nl"])), certificates, current);

        Assert.Equal(expected, HttpsBinding(plan, "S", "*:443:host.nl").SslFlags);
        if (certificate == "ccs" && (initial & EnsurePlanner.NotWithCentralStore) != 0)
            Assert.Contains(plan.Decisions, d => d.Contains("(inferred)", StringComparison.Ordinal));
    }

    // UpdateOutOfScopeCatchAll / UpdateOutOfScopeRegular: what the manifest does not list keeps its certificate (replace moves them all).
    [Theory]
    [InlineData("https *:443: 1")]
    [InlineData("https *:443:outofscope.example.com 1")]
    public void Renewing_an_sni_host_leaves_an_unlisted_binding_sharing_the_old_certificate_on_it(string unlisted)
    {
        var current = new ServerBuilder()
            .Site("InScope", "https *:443:inscope.example.com 1")
            .Site("OutOfScope", unlisted)
            .HostnamePort("inscope.example.com", 443, Old)
            .HostnamePort("outofscope.example.com", 443, Old)
            .IpPort("0.0.0.0", 443, Old)
            .Build();

        var plan = Plan(current, Manifests.Of(Manifests.Site("InScope", "new", SniMode.Auto, ["inscope.example.com"])));

        Assert.Equal(["hostnameport=inscope.example.com:443"], plan.HttpSysEdits.Select(e => e.Record.Key));
        Assert.Contains(plan.Predicted.HttpSys.Bindings, r => r.Key == "ipport=0.0.0.0:443" && r.Thumbprint == Old.Thumbprint);
    }

    // SNITrap1: a non-SNI binding renewed while an unlisted catch-all shares its record turns to SNI; the catch-all keeps its certificate.
    [Fact]
    public void Renewing_a_shared_host_next_to_an_unlisted_catch_all_moves_the_host_to_sni_and_leaves_the_catch_all()
    {
        var current = new ServerBuilder()
            .Site("Trap1", "https *:443:host.nl")
            .Site("Trap2", "https *:443:")
            .IpPort("0.0.0.0", 443, Old)
            .Build();

        var plan = Plan(current, Manifests.Of(Manifests.Site("Trap1", "new", SniMode.Auto, ["host.nl"])));

        Assert.Equal(SslFlags.Sni, HttpsBinding(plan, "Trap1", "*:443:host.nl").SslFlags);
        Assert.Contains(plan.Predicted.HttpSys.Bindings, r => r.Key == "ipport=0.0.0.0:443" && r.Thumbprint == Old.Thumbprint);
        Assert.Contains(plan.Predicted.HttpSys.Bindings, r => r.Key == "hostnameport=host.nl:443" && r.Thumbprint == New.Thumbprint);
    }

    // SNITrap3: a new host on the catch-all's site gets SNI; the catch-all binding is untouched.
    [Fact]
    public void A_new_host_on_a_site_with_a_catch_all_gets_its_own_sni_binding_and_the_catch_all_is_untouched()
    {
        var current = new ServerBuilder()
            .Site("Trap1", "https *:443:host.nl")
            .Site("Trap2", "https *:443:")
            .IpPort("0.0.0.0", 443, Old)
            .Build();

        var plan = Plan(current, Manifests.Of(Manifests.Site("Trap2", "newonly", SniMode.Auto, ["example.com"])));

        Assert.Equal(SslFlags.None, HttpsBinding(plan, "Trap2", "*:443:").SslFlags);
        Assert.Equal(SslFlags.Sni, HttpsBinding(plan, "Trap2", "*:443:example.com").SslFlags);
        Assert.Contains(plan.Predicted.HttpSys.Bindings, r => r.Key == "ipport=0.0.0.0:443" && r.Thumbprint == Old.Thumbprint);
    }

    // CentralSSLTrap: the Central Certificate Store for a catch-all binding is refused with the reason.
    [Fact]
    public void A_catch_all_binding_cannot_take_its_certificate_from_the_central_store()
    {
        var current = new ServerBuilder().Site("S", "http *:80:").Build();
        var certificates = new Dictionary<string, ResolvedCertificate> { ["ccs"] = ResolvedCertificate.CentralStore("ccs") };

        var plan = EnsurePlanner.Plan(Manifests.Of(Manifests.Site("S", "ccs", SniMode.Auto, [""])), certificates, current);

        Assert.Contains(plan.Conflicts, c => c.Contains("catch-all", StringComparison.Ordinal) && c.Contains("picks the file by host name", StringComparison.Ordinal));
    }

    // DuplicateBinding: a host already bound on another site is refused, never bound twice.
    [Fact]
    public void A_host_already_bound_over_https_on_another_site_is_refused()
    {
        var current = new ServerBuilder()
            .Site("One", "https *:443:exists.example.com")
            .Site("Two", "http *:80:exists.example.com")
            .IpPort("0.0.0.0", 443, Old)
            .Build();
        var manifest = Manifests.Of(Manifests.Site("Two", "new", SniMode.Auto, ["exists.example.com"]));

        var plan = EnsurePlanner.Plan(manifest, Certificates, current);
        var reasons = RefusalRules.Find(manifest, Analyze(current), Analyze(plan.Predicted));

        Assert.Contains(reasons, r => r.StartsWith("DuplicateBinding", StringComparison.Ordinal));
    }

    // MultipleDontCreate: the same host on two sites on two ports is expressible; renewal creates no binding.
    [Fact]
    public void The_same_host_on_two_ports_of_two_sites_is_renewed_in_place_without_new_bindings()
    {
        var current = new ServerBuilder()
            .Site("One", "https *:8080:wacs1.test.net")
            .Site("Two", "https *:444:wacs1.test.net 1")
            .IpPort("0.0.0.0", 8080, Old)
            .HostnamePort("wacs1.test.net", 444, Old)
            .Build();
        var manifest = Manifests.Of(
            Manifests.Site("One", "new", SniMode.Auto, ["wacs1.test.net"], "*:8080"),
            Manifests.Site("Two", "new", SniMode.Auto, ["wacs1.test.net"], "*:444"));

        var plan = Plan(current, manifest);

        Assert.Empty(plan.ConfigEdits);
        Assert.Equal(["ipport=0.0.0.0:8080", "hostnameport=wacs1.test.net:444"], plan.HttpSysEdits.Select(e => e.Record.Key));
    }

    // MultipleNonSNI: two sites sharing a record, renewed together with a certificate covering all: still shared, one record updated.
    [Fact]
    public void Renewing_a_shared_certificate_for_two_sites_keeps_them_shared_and_updates_the_one_record()
    {
        var current = new ServerBuilder()
            .Site("One", "http *:80:wacs1.test.net", "https *:443:wacs1.test.net")
            .Site("Two", "http *:80:wacs2.test.net", "https *:443:wacs2.test.net", "https *:443:wacs2alt.test.net")
            .IpPort("0.0.0.0", 443, Old)
            .Build();
        var manifest = Manifests.Of(
            Manifests.Site("One", "new", SniMode.Auto, ["wacs1.test.net"]),
            Manifests.Site("Two", "new", SniMode.Auto, ["wacs2.test.net", "wacs2alt.test.net"]));

        var plan = Plan(current, manifest);

        Assert.Empty(plan.ConfigEdits);
        var update = Assert.IsType<HttpSysEdit.Update>(Assert.Single(plan.HttpSysEdits));
        Assert.Equal(("ipport=0.0.0.0:443", Old.Thumbprint, New.Thumbprint), (update.Record.Key, update.Previous.Thumbprint, update.Record.Thumbprint));
    }

    // IPv4andIPv6: one site on * and on an IPv6 address, with a host or catch-all: both endpoints renewed.
    [Theory]
    [InlineData("exists.example.com")]
    [InlineData("")]
    public void A_site_on_ipv4_and_an_ipv6_address_is_renewed_on_both(string host)
    {
        var current = new ServerBuilder()
            .Site("S", $"https *:443:{host}", $"https [fe80:cd00:0:cde:1257:0:211e:729c]:443:{host}")
            .IpPort("0.0.0.0", 443, Old)
            .IpPort("fe80:cd00:0:cde:1257:0:211e:729c", 443, Old)
            .Build();

        var plan = Plan(current, Manifests.Of(Manifests.Site("S", "new", SniMode.Auto, [host], "*:443", "[fe80:cd00:0:cde:1257:0:211e:729c]:443")));

        Assert.Empty(plan.ConfigEdits);
        Assert.Equal(["ipport=0.0.0.0:443", "ipport=[fe80:cd00:0:cde:1257:0:211e:729c]:443"], plan.HttpSysEdits.Select(e => e.Record.Key).Order(StringComparer.Ordinal));
        Assert.All(plan.HttpSysEdits, e => Assert.Equal(New.Thumbprint, e.Record.Thumbprint));
    }

    // UppercaseBinding: a binding whose host differs only in case is the same binding.
    [Theory]
    [InlineData("UPPERCASE.example.com", "uppercase.example.com")]
    [InlineData("uppercase.example.com", "UPPERCASE.example.com")]
    public void A_binding_whose_host_differs_only_in_case_is_the_same_binding(string bound, string listed)
    {
        var current = new ServerBuilder().Site("S", $"https *:443:{bound}").IpPort("0.0.0.0", 443, Old).Build();

        var plan = Plan(current, Manifests.Of(Manifests.Site("S", "new", SniMode.Auto, [listed])));

        Assert.Empty(plan.ConfigEdits);
    }

    private static IisSsl.Reporting.VerificationReport Analyze(ServerState state) => IisSsl.Analysis.CoverageAnalyzer.Analyze(state, new IisSsl.Analysis.AnalysisOptions(DateTimeOffset.UtcNow, 30));
}
