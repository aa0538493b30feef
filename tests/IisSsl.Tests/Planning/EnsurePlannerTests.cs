using IisSsl.Execution;
using IisSsl.Model;
using IisSsl.Planning;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Planning;

public sealed class EnsurePlannerTests
{
    private static readonly System.Security.Cryptography.X509Certificates.X509Certificate2 San =
        TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create();

    private static readonly System.Security.Cryptography.X509Certificates.X509Certificate2 V1Only =
        TestCertificate.For("sitev1.mysite.com").Create();

    private static readonly System.Security.Cryptography.X509Certificates.X509Certificate2 V2Only =
        TestCertificate.For("sitev2.mysite.com").Create();

    private static ServerBuilder HttpOnlySeed() => new ServerBuilder()
        .Site("MySite V1", "http *:80:sitev1.mysite.com")
        .Site("MySite V2", "http *:80:sitev2.mysite.com");

    [Fact]
    public void Sni_never_adds_host_header_bindings_and_one_shared_ipport_record()
    {
        var manifest = Manifests.With(("MySite V1", "san", SniMode.Never, ["sitev1.mysite.com"]), ("MySite V2", "san", SniMode.Never, ["sitev2.mysite.com"]));

        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("san", San)), HttpOnlySeed().Build());

        Assert.Equal(
            [new ConfigEdit.AddBinding("MySite V1", "https", "*:443:sitev1.mysite.com", SslFlags.None), new ConfigEdit.AddBinding("MySite V2", "https", "*:443:sitev2.mysite.com", SslFlags.None)],
            plan.ConfigEdits);
        var add = Assert.IsType<HttpSysEdit.Add>(Assert.Single(plan.HttpSysEdits));
        Assert.Equal("ipport=0.0.0.0:443", add.Record.Key);
        Assert.Equal(San.Thumbprint, add.Record.Thumbprint);
        Assert.Equal(EnsurePlanner.IisAppId, add.Record.AppId);
        Assert.Empty(plan.Conflicts);
    }

    [Fact]
    public void Sni_always_creates_a_hostnameport_record_per_host_and_sets_the_sni_flag()
    {
        var manifest = Manifests.With(("MySite V1", "v1", SniMode.Always, ["sitev1.mysite.com"]), ("MySite V2", "v2", SniMode.Always, ["sitev2.mysite.com"]));

        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("v1", V1Only), ("v2", V2Only)), HttpOnlySeed().Build());

        Assert.All(plan.ConfigEdits, e => Assert.Equal(SslFlags.Sni, Assert.IsType<ConfigEdit.AddBinding>(e).SslFlags));
        Assert.Equal(["hostnameport=sitev1.mysite.com:443", "hostnameport=sitev2.mysite.com:443"], plan.HttpSysEdits.Select(e => e.Record.Key));
        Assert.Equal([V1Only.Thumbprint, V2Only.Thumbprint], plan.HttpSysEdits.Select(e => e.Record.Thumbprint));
    }

    [Fact]
    public void Sni_auto_shares_the_ipport_record_when_one_certificate_covers_every_non_sni_host()
    {
        var manifest = Manifests.With(("MySite V1", "san", SniMode.Auto, ["sitev1.mysite.com"]), ("MySite V2", "san", SniMode.Auto, ["sitev2.mysite.com"]));

        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("san", San)), HttpOnlySeed().Build());

        Assert.All(plan.ConfigEdits, e => Assert.Equal(SslFlags.None, Assert.IsType<ConfigEdit.AddBinding>(e).SslFlags));
        Assert.Equal(["ipport=0.0.0.0:443"], plan.HttpSysEdits.Select(e => e.Record.Key));
    }

    [Fact]
    public void Sni_auto_uses_sni_for_a_certificate_that_does_not_cover_the_hosts_already_sharing_the_endpoint()
    {
        var current = new ServerBuilder()
            .Site("MySite V1", "http *:80:sitev1.mysite.com", "https *:443:sitev1.mysite.com")
            .Site("MySite V2", "http *:80:sitev2.mysite.com")
            .IpPort("0.0.0.0", 443, V1Only)
            .Build();
        var manifest = Manifests.With(("MySite V2", "v2", SniMode.Auto, ["sitev2.mysite.com"]));

        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("v2", V2Only)), current);

        Assert.Equal(new ConfigEdit.AddBinding("MySite V2", "https", "*:443:sitev2.mysite.com", SslFlags.Sni), Assert.Single(plan.ConfigEdits));
        Assert.Equal("hostnameport=sitev2.mysite.com:443", Assert.Single(plan.HttpSysEdits).Record.Key);
        Assert.Contains(plan.Decisions, d => d.Contains("SNI", StringComparison.Ordinal));
    }

    [Fact]
    public void A_server_that_already_matches_needs_no_changes()
    {
        var current = new ServerBuilder()
            .Site("MySite V1", "http *:80:sitev1.mysite.com", "https *:443:sitev1.mysite.com")
            .Site("MySite V2", "http *:80:sitev2.mysite.com", "https *:443:SiteV2.MySite.com")
            .IpPort("0.0.0.0", 443, San)
            .Build();
        var manifest = Manifests.With(("MySite V1", "san", SniMode.Never, ["sitev1.mysite.com"]), ("mysite v2", "san", SniMode.Never, ["sitev2.mysite.com"]));

        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("san", San)), current);

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Switching_a_host_from_sni_to_shared_clears_the_flag_keeps_other_bits_and_deletes_its_unused_record()
    {
        var current = new ServerBuilder()
            .Site("MySite V1", "https *:443:sitev1.mysite.com 5")
            .HostnamePort("sitev1.mysite.com", 443, V1Only)
            .Build();
        var manifest = Manifests.With(("MySite V1", "v1", SniMode.Never, ["sitev1.mysite.com"]));

        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("v1", V1Only)), current);

        Assert.Equal(new ConfigEdit.SetSslFlags("MySite V1", "https", "*:443:sitev1.mysite.com", SslFlags.DisableHttp2), Assert.Single(plan.ConfigEdits));
        Assert.Equal(["ipport=0.0.0.0:443"], plan.HttpSysEditsBeforeConfig.Select(e => e.Record.Key));
        Assert.Equal(["hostnameport=sitev1.mysite.com:443"], plan.HttpSysEditsAfterConfig.Select(e => e.Record.Key));
    }

    [Fact]
    public void A_new_certificate_for_an_iis_record_is_an_update_that_remembers_the_previous_one()
    {
        var current = new ServerBuilder().Site("MySite V1", "https *:443:sitev1.mysite.com").IpPort("0.0.0.0", 443, V1Only).Build();
        var manifest = Manifests.With(("MySite V1", "san", SniMode.Never, ["sitev1.mysite.com"]));

        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("san", San)), current);

        var update = Assert.IsType<HttpSysEdit.Update>(Assert.Single(plan.HttpSysEdits));
        Assert.Equal(V1Only.Thumbprint, update.Previous.Thumbprint);
        Assert.Equal(San.Thumbprint, update.Record.Thumbprint);
        Assert.Equal(San.Thumbprint, Assert.Single(plan.Predicted.HttpSys.Bindings).Thumbprint);
    }

    [Fact]
    public void A_record_owned_by_another_application_is_never_overwritten()
    {
        var adfs = Guid.Parse("5d89a20c-beab-4389-9447-324788eb944a");
        var current = HttpOnlySeed().IpPort("0.0.0.0", 443, V1Only, adfs).Build();
        var manifest = Manifests.With(("MySite V1", "san", SniMode.Never, ["sitev1.mysite.com"]));

        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("san", San)), current);

        Assert.Contains(plan.Conflicts, c => c.Contains("ipport=0.0.0.0:443", StringComparison.Ordinal) && c.Contains("another application", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.HttpSysEdits, e => e.Record.Key == "ipport=0.0.0.0:443");
    }

    [Fact]
    public void Two_sites_asking_for_one_shared_record_with_different_certificates_conflict()
    {
        var manifest = Manifests.With(("MySite V1", "v1", SniMode.Never, ["sitev1.mysite.com"]), ("MySite V2", "v2", SniMode.Never, ["sitev2.mysite.com"]));

        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("v1", V1Only), ("v2", V2Only)), HttpOnlySeed().Build());

        Assert.Contains(plan.Conflicts, c => c.Contains("one certificate", StringComparison.Ordinal));
    }

    [Fact]
    public void Other_sites_and_other_protocols_are_left_alone()
    {
        var current = HttpOnlySeed()
            .Site("Other", "https *:443:other.example.com 1", "net.tcp 808:*")
            .HostnamePort("other.example.com", 443, V2Only)
            .Build();
        var manifest = Manifests.With(("MySite V1", "v1", SniMode.Always, ["sitev1.mysite.com"]));

        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("v1", V1Only)), current, removeStaleBindings: true);

        Assert.All(plan.ConfigEdits, e => Assert.Equal("MySite V1", e.SiteName));
        Assert.Equal(current.Configuration.Sites.Single(s => s.Name == "Other").Bindings, plan.Predicted.Configuration.Sites.Single(s => s.Name == "Other").Bindings);
        Assert.Contains(plan.Predicted.HttpSys.Bindings, r => r.Key == "hostnameport=other.example.com:443" && r.Thumbprint == V2Only.Thumbprint);
    }

    [Fact]
    public void Stale_https_bindings_of_a_manifest_site_are_removed_only_when_asked()
    {
        var current = new ServerBuilder()
            .Site("MySite V1", "http *:80:sitev1.mysite.com", "https *:443:sitev1.mysite.com 1", "https *:443:old.mysite.com 1")
            .HostnamePort("sitev1.mysite.com", 443, V1Only)
            .HostnamePort("old.mysite.com", 443, V1Only)
            .Build();
        var manifest = Manifests.With(("MySite V1", "v1", SniMode.Always, ["sitev1.mysite.com"]));
        var certificates = Manifests.Certificates(("v1", V1Only));

        Assert.True(EnsurePlanner.Plan(manifest, certificates, current).IsEmpty);
        var plan = EnsurePlanner.Plan(manifest, certificates, current, removeStaleBindings: true);

        Assert.Equal(new ConfigEdit.RemoveBinding("MySite V1", "https", "*:443:old.mysite.com"), Assert.Single(plan.ConfigEdits));
        Assert.Equal(new HttpSysEdit.Delete(current.HttpSys.Bindings[1]), Assert.Single(plan.HttpSysEdits));
        Assert.DoesNotContain(plan.Predicted.Configuration.Sites[0].Bindings, b => b.Host?.Value == "old.mysite.com");
    }

    [Fact]
    public void Idn_hosts_are_written_in_unicode_in_bindings_and_as_a_labels_in_records()
    {
        var certificate = TestCertificate.For("xn--bcher-kva.example").Create();
        var current = new ServerBuilder().Site("Books", "http *:80:bücher.example").Build();
        var manifest = Manifests.With(("Books", "c", SniMode.Always, ["BÜCHER.example"]));

        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("c", certificate)), current);

        Assert.Equal("*:443:bücher.example", Assert.IsType<ConfigEdit.AddBinding>(Assert.Single(plan.ConfigEdits)).BindingInformation);
        Assert.Equal("hostnameport=xn--bcher-kva.example:443", Assert.Single(plan.HttpSysEdits).Record.Key);
    }

    [Fact]
    public void An_unknown_site_is_bad_input_pointing_at_the_manifest_line()
    {
        var manifest = Manifests.With(("MySite V1", "v1", SniMode.Never, ["sitev1.mysite.com"]), ("No Such Site", "v1", SniMode.Never, ["x.mysite.com"]));

        var error = Assert.Throws<InvalidInputException>(() => EnsurePlanner.Plan(manifest, Manifests.Certificates(("v1", V1Only)), HttpOnlySeed().Build()));

        Assert.Equal(("manifest.json", 2), (error.File, error.Line));
        Assert.Contains("No Such Site", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_predicted_state_knows_the_manifest_certificates()
    {
        var manifest = Manifests.With(("MySite V1", "san", SniMode.Never, ["sitev1.mysite.com"]));

        var plan = EnsurePlanner.Plan(manifest, Manifests.Certificates(("san", San)), HttpOnlySeed().Build());

        Assert.True(plan.Predicted.CertificatesByThumbprint.ContainsKey(San.Thumbprint));
        Assert.Contains(plan.Predicted.Configuration.Sites[0].Bindings, b => b.IsHttps && b.Host == HostName.Parse("sitev1.mysite.com"));
    }

    [Fact]
    public void A_central_certificate_store_entry_sets_sni_and_ccs_flags_and_one_ccs_record_per_port()
    {
        var current = new ServerBuilder()
            .Site("MySite V1", "http *:80:sitev1.mysite.com", "https *:443:sitev1.mysite.com 1")
            .Site("MySite V2", "http *:80:sitev2.mysite.com")
            .HostnamePort("sitev1.mysite.com", 443, V1Only)
            .Build();
        var manifest = Manifests.With(("MySite V1", "ccs", SniMode.Never, ["sitev1.mysite.com"]), ("MySite V2", "ccs", SniMode.Auto, ["sitev2.mysite.com"]));
        var certificates = new Dictionary<string, ResolvedCertificate> { ["ccs"] = ResolvedCertificate.CentralStore("ccs") };

        var plan = EnsurePlanner.Plan(manifest, certificates, current);

        Assert.Equal(
            [new ConfigEdit.SetSslFlags("MySite V1", "https", "*:443:sitev1.mysite.com", SslFlags.Sni | SslFlags.CentralCertStore),
             new ConfigEdit.AddBinding("MySite V2", "https", "*:443:sitev2.mysite.com", SslFlags.Sni | SslFlags.CentralCertStore)],
            plan.ConfigEdits);
        Assert.Equal(["ccs=443"], plan.HttpSysEditsBeforeConfig.Select(e => e.Record.Key));
        Assert.Equal(["hostnameport=sitev1.mysite.com:443"], plan.HttpSysEditsAfterConfig.Select(e => e.Record.Key));
        Assert.Null(plan.HttpSysEdits[0].Record.Thumbprint);
    }
}
