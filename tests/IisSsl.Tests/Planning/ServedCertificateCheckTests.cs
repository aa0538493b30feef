using IisSsl.Execution;
using IisSsl.Model;
using IisSsl.Planning;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Planning;

/// <summary>The post-condition: each manifest host is served exactly the manifest's certificate on every client path.</summary>
public sealed class ServedCertificateCheckTests
{
    private static readonly System.Security.Cryptography.X509Certificates.X509Certificate2 Old = TestCertificate.For("a.mysite.com", "b.mysite.com").Create();
    private static readonly System.Security.Cryptography.X509Certificates.X509Certificate2 New = TestCertificate.For("a.mysite.com", "b.mysite.com").Create();
    private static readonly System.Security.Cryptography.X509Certificates.X509Certificate2 Other = TestCertificate.For("other.example.com").Create();

    private static Dictionary<string, ResolvedCertificate> Both => Manifests.Certificates(("old", Old), ("new", New));

    [Fact]
    public void A_host_served_the_manifest_certificate_on_every_path_holds()
    {
        var state = new ServerBuilder().Site("A", "https *:443:a.mysite.com").IpPort("0.0.0.0", 443, New).Build();

        Assert.Empty(ServedCertificateCheck.Misses(Manifests.With(("A", "new", SniMode.Auto, ["a.mysite.com"])), Both, state));
    }

    [Fact]
    public void An_older_certificate_that_also_covers_the_host_is_a_miss()
    {
        var state = new ServerBuilder().Site("A", "https *:443:a.mysite.com").IpPort("0.0.0.0", 443, Old).Build();

        var miss = Assert.Single(ServedCertificateCheck.Misses(Manifests.With(("A", "new", SniMode.Auto, ["a.mysite.com"])), Both, state));

        Assert.Contains(Old.Thumbprint, miss, StringComparison.Ordinal);
        Assert.Contains(New.Thumbprint, miss, StringComparison.Ordinal);
    }

    [Fact]
    public void A_specific_ip_record_serves_its_certificate_to_sni_clients_on_that_ip_first()
    {
        var state = new ServerBuilder()
            .Site("A", "https 10.0.0.5:443:a.mysite.com 1")
            .IpPort("10.0.0.5", 443, Old)
            .HostnamePort("a.mysite.com", 443, New)
            .Build();
        var manifest = Manifests.Of(Manifests.Site("A", "new", SniMode.Always, ["a.mysite.com"], "10.0.0.5:443"));

        var miss = Assert.Single(ServedCertificateCheck.Misses(manifest, Both, state));

        Assert.Contains("ipport=10.0.0.5:443", miss, StringComparison.Ordinal);
    }

    [Fact]
    public void Ipv6_clients_of_an_all_unassigned_binding_meet_the_ipv6_wildcard_record_first()
    {
        var state = new ServerBuilder()
            .Site("A", "https *:443:a.mysite.com")
            .IpPort("0.0.0.0", 443, New)
            .IpPort("::", 443, Old)
            .Build();

        var miss = Assert.Single(ServedCertificateCheck.Misses(Manifests.With(("A", "new", SniMode.Auto, ["a.mysite.com"])), Both, state));

        Assert.Contains("IPv6 clients", miss, StringComparison.Ordinal);
        Assert.Contains("ipport=[::]:443", miss, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ipv6_wildcard_record_comes_after_the_hostnameport_record_for_sni_clients()
    {
        var state = new ServerBuilder()
            .Site("A", "https *:443:a.mysite.com 1")
            .HostnamePort("a.mysite.com", 443, New)
            .IpPort("::", 443, Old)
            .Build();

        Assert.Empty(ServedCertificateCheck.Misses(Manifests.With(("A", "new", SniMode.Always, ["a.mysite.com"])), Both, state));
    }

    [Fact]
    public void Clients_arriving_on_an_address_with_its_own_record_are_a_path_of_an_all_unassigned_binding()
    {
        var state = new ServerBuilder()
            .Site("A", "https *:443:a.mysite.com 1")
            .Site("Other", "https 10.0.0.9:443:")
            .HostnamePort("a.mysite.com", 443, New)
            .IpPort("10.0.0.9", 443, Other)
            .Build();

        var miss = Assert.Single(ServedCertificateCheck.Misses(Manifests.With(("A", "new", SniMode.Always, ["a.mysite.com"])), Both, state));

        Assert.Contains("clients arriving on 10.0.0.9:443", miss, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_binding_is_a_miss_naming_the_site()
    {
        var state = new ServerBuilder().Site("A", "http *:80:a.mysite.com").IpPort("0.0.0.0", 443, New).Build();

        var miss = Assert.Single(ServedCertificateCheck.Misses(Manifests.With(("A", "new", SniMode.Auto, ["a.mysite.com"])), Both, state));

        Assert.Contains("site \"A\" has no https binding", miss, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catch_all_binding_is_checked_on_the_path_without_sni()
    {
        var state = new ServerBuilder().Site("A", "https *:443:").IpPort("0.0.0.0", 443, Old).Build();

        var miss = Assert.Single(ServedCertificateCheck.Misses(Manifests.Of(Manifests.Site("A", "new", SniMode.Auto, [""])), Both, state));

        Assert.Contains("catch-all", miss, StringComparison.Ordinal);
    }

    [Fact]
    public void A_central_store_host_without_its_pfx_is_reported_as_a_missing_file()
    {
        var state = new ServerBuilder().Site("A", "https *:443:a.mysite.com 3").Build() with { CentralCertificateStore = new EmptyStore() };
        var ccs = state with { HttpSys = state.HttpSys with { Bindings = [new SslCertBinding(SslCertBindingKind.CentralCertificateStore, 443, AppId: EnsurePlanner.IisAppId)] } };
        var certificates = new Dictionary<string, ResolvedCertificate> { ["ccs"] = ResolvedCertificate.CentralStore("ccs") };

        var miss = Assert.Single(ServedCertificateCheck.Misses(Manifests.With(("A", "ccs", SniMode.Always, ["a.mysite.com"])), certificates, ccs));

        Assert.Contains("a.mysite.com.pfx", miss, StringComparison.Ordinal);
        Assert.DoesNotContain("no ccs", miss, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binding_moved_from_its_ip_record_to_sni_gets_that_record_deleted()
    {
        var current = new ServerBuilder()
            .Site("A", "https 10.0.0.5:443:a.mysite.com")
            .IpPort("10.0.0.5", 443, Old)
            .Build();
        var manifest = Manifests.Of(Manifests.Site("A", "new", SniMode.Always, ["a.mysite.com"], "10.0.0.5:443"));

        var plan = EnsurePlanner.Plan(manifest, Both, current);

        Assert.Empty(plan.Conflicts);
        Assert.Contains(plan.HttpSysEdits, e => e is HttpSysEdit.Delete && e.Record.Key == "ipport=10.0.0.5:443");
        Assert.Empty(ServedCertificateCheck.Misses(manifest, Both, plan.Predicted));
    }

    [Fact]
    public void A_binding_moved_from_its_ip_record_to_the_central_store_gets_that_record_deleted()
    {
        var current = new ServerBuilder()
            .Site("A", "https 10.0.0.5:443:a.mysite.com")
            .IpPort("10.0.0.5", 443, Old)
            .Build() with
        { CentralCertificateStore = new StoreOf(New) };
        var manifest = Manifests.Of(Manifests.Site("A", "ccs", SniMode.Auto, ["a.mysite.com"], "10.0.0.5:443"));
        var certificates = new Dictionary<string, ResolvedCertificate> { ["ccs"] = ResolvedCertificate.CentralStore("ccs") };

        var plan = EnsurePlanner.Plan(manifest, certificates, current);

        Assert.Contains(plan.HttpSysEdits, e => e is HttpSysEdit.Delete && e.Record.Key == "ipport=10.0.0.5:443");
        Assert.Empty(ServedCertificateCheck.Misses(manifest, certificates, plan.Predicted));
    }

    [Fact]
    public void A_shadowing_record_still_needed_by_another_site_is_refused_not_deleted()
    {
        var current = new ServerBuilder()
            .Site("A", "https 10.0.0.5:443:a.mysite.com")
            .Site("Other", "https 10.0.0.5:443:other.example.com")
            .IpPort("10.0.0.5", 443, Old)
            .Build();
        var manifest = Manifests.Of(Manifests.Site("A", "new", SniMode.Always, ["a.mysite.com"], "10.0.0.5:443"));

        var plan = EnsurePlanner.Plan(manifest, Both, current);

        Assert.DoesNotContain(plan.HttpSysEdits, e => e.Record.Key == "ipport=10.0.0.5:443");
        Assert.Contains(ServedCertificateCheck.Misses(manifest, Both, plan.Predicted), m => m.Contains("ipport=10.0.0.5:443", StringComparison.Ordinal));
    }

    private sealed class EmptyStore : ICentralCertificateLookup
    {
        public CertificateInfo? Find(HostName host) => null;
    }

    private sealed class StoreOf(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) : ICentralCertificateLookup
    {
        public CertificateInfo? Find(HostName host) => CertificateInfo.From(certificate, host + ".pfx", true);
    }
}
