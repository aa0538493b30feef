using System.Net;
using System.Security.Cryptography.X509Certificates;
using IisSsl.Analysis;
using IisSsl.Execution;
using IisSsl.Model;
using IisSsl.Planning;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Planning;

public sealed class ReplacePlannerTests
{
    private static readonly X509Certificate2 Old = TestCertificate.For("a.mysite.com", "b.mysite.com", "api.mysite.com").Create();
    private static readonly X509Certificate2 Renewed = TestCertificate.For("a.mysite.com", "b.mysite.com", "api.mysite.com").Create();
    private static readonly X509Certificate2 Other = TestCertificate.For("c.mysite.com").Create();
    private static readonly X509Certificate2 AOnly = TestCertificate.For("a.mysite.com").Create();

    private static ResolvedCertificate New(X509Certificate2 certificate) =>
        new("new", certificate.Thumbprint, "MY", CertificateInfo.From(certificate, "new", true));

    /// <summary>A shared SAN certificate on 0.0.0.0:443 plus SNI records of several sites, one of them on another certificate.</summary>
    private static ServerBuilder SharedSanServer() => new ServerBuilder()
        .Site("Site A", "http *:80:a.mysite.com", "https *:443:a.mysite.com")
        .Site("Site B", "https *:443:b.mysite.com 1")
        .Site("Site C", "https *:443:c.mysite.com 1")
        .IpPort("0.0.0.0", 443, Old)
        .HostnamePort("b.mysite.com", 443, Old)
        .HostnamePort("c.mysite.com", 443, Other);

    private static EnsurePlan Replace(ServerState server, X509Certificate2 replacement) => ReplacePlanner.Plan(server, Old.Thumbprint, New(replacement));

    [Fact]
    public void Renewing_a_shared_san_certificate_moves_the_wildcard_and_every_sni_record_that_names_it_and_nothing_else()
    {
        var server = SharedSanServer().Build();

        var plan = Replace(server, Renewed);

        Assert.Empty(plan.Conflicts);
        Assert.Empty(plan.ConfigEdits);
        Assert.Equal(["ipport=0.0.0.0:443", "hostnameport=b.mysite.com:443"], plan.HttpSysEdits.Select(e => Assert.IsType<HttpSysEdit.Update>(e).Record.Key));
        Assert.All(plan.HttpSysEdits, e => Assert.Equal(Renewed.Thumbprint, e.Record.Thumbprint));
        Assert.Equal(server.Configuration, plan.Predicted.Configuration);
        Assert.DoesNotContain(plan.Predicted.HttpSys.Bindings, r => r.Thumbprint == Old.Thumbprint);
        Assert.Equal(Other.Thumbprint, plan.Predicted.HttpSys.Bindings.Single(r => r.Key == "hostnameport=c.mysite.com:443").Thumbprint);
        Assert.Empty(ReplacePostCondition.Check(ServedCertificate.Of(server), plan.Predicted, Old.Thumbprint, Renewed.Thumbprint));
    }

    [Fact]
    public void Specific_ip_records_of_either_address_family_serving_the_old_certificate_are_moved_too()
    {
        var server = new ServerBuilder()
            .Site("Site A", "https 10.0.0.5:443:a.mysite.com", "https [2001:db8::5]:443:b.mysite.com")
            .IpPort("10.0.0.5", 443, Old)
            .IpPort("2001:db8::5", 443, Old)
            .IpPort("0.0.0.0", 443, Other)
            .Build();

        var plan = Replace(server, Renewed);

        Assert.Empty(plan.Conflicts);
        Assert.Equal(["ipport=10.0.0.5:443", "ipport=[2001:db8::5]:443"], plan.HttpSysEdits.Select(e => e.Record.Key));
        Assert.Equal(Other.Thumbprint, plan.Predicted.HttpSys.Bindings.Single(r => r.Key == "ipport=0.0.0.0:443").Thumbprint);
    }

    [Fact]
    public void A_record_of_another_application_that_serves_the_old_certificate_is_moved_and_keeps_its_appid()
    {
        var appId = Guid.Parse("12345678-1234-1234-1234-123456789abc");
        var server = SharedSanServer().IpPort("10.0.0.9", 8443, Old, appId).Build();

        var plan = Replace(server, Renewed);

        var moved = plan.HttpSysEdits.Single(e => e.Record.Key == "ipport=10.0.0.9:8443").Record;
        Assert.Equal(appId, moved.AppId);
        Assert.Equal(Renewed.Thumbprint, moved.Thumbprint);
        Assert.Contains(plan.Decisions, d => d.Contains("ipport=10.0.0.9:8443 belongs to another application", StringComparison.Ordinal));
    }

    [Fact]
    public void A_moved_record_keeps_its_store_appid_and_every_other_setting()
    {
        var original = new SslCertBinding(SslCertBindingKind.HostnamePort, 443, null, HostName.Parse("b.mysite.com"), Old.Thumbprint, "WebHosting", EnsurePlanner.IisAppId)
        {
            Settings = new Dictionary<string, string> { ["Negotiate Client Certificate"] = "Enabled", ["Disable HTTP2"] = "Set", ["Ctl Store Name"] = "ClientCAs" },
        };
        var server = new ServerBuilder().Site("Site B", "https *:443:b.mysite.com 1").Record(original, Old).Build();

        var plan = Replace(server, Renewed);

        var update = Assert.IsType<HttpSysEdit.Update>(Assert.Single(plan.HttpSysEdits));
        Assert.Same(original, update.Previous);
        Assert.Equal(original with { Thumbprint = Renewed.Thumbprint }, update.Record);
        Assert.Same(original.Settings, update.Record.Settings);
        Assert.Contains("clientcertnegotiation=enable", NetshCommands.Line(update), StringComparison.Ordinal);
        Assert.Contains("certstorename=WebHosting", NetshCommands.Line(update), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_certificate_from_a_pfx_file_goes_into_the_store_it_is_imported_to()
    {
        var server = SharedSanServer().Build();
        var fromFile = New(Renewed) with { StoreName = "MY", Import = new CertificateImport("renewed.pfx", "VAR", Renewed.Thumbprint) };

        var plan = ReplacePlanner.Plan(server, Old.Thumbprint, fromFile, importCertificate: true);

        Assert.Equal(fromFile.Import, Assert.Single(plan.CertificateImports));
        Assert.All(plan.HttpSysEdits, e => Assert.Equal("MY", e.Record.StoreName));
    }

    [Fact]
    public void A_new_certificate_that_misses_a_host_the_old_one_serves_is_refused_naming_the_host()
    {
        var plan = Replace(SharedSanServer().Build(), AOnly);

        var conflict = Assert.Single(plan.Conflicts);
        Assert.Contains("does not cover 1 host name(s)", conflict, StringComparison.Ordinal);
        Assert.Contains("b.mysite.com", conflict, StringComparison.Ordinal);
        Assert.DoesNotContain("c.mysite.com", conflict, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_the_old_certificate_reaches_only_through_the_ipv6_default_record_still_needs_its_name_covered()
    {
        var server = OldOnlyOnTheIpv6Default();

        var plan = Replace(server, Other);

        Assert.Contains("a.mysite.com", Assert.Single(plan.Conflicts), StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_the_old_certificate_reaches_only_through_a_shadowing_specific_ip_record_still_needs_its_name_covered()
    {
        // Clients of the * binding arriving on 10.0.0.5 get that address's own ipport record, which serves OLD.
        var server = new ServerBuilder()
            .Site("Site A", "https *:443:a.mysite.com")
            .Site("Site B", "https 10.0.0.5:443:")
            .IpPort("0.0.0.0", 443, AOnly)
            .IpPort("10.0.0.5", 443, Old)
            .Build();

        var plan = Replace(server, Other);

        Assert.Contains("a.mysite.com", Assert.Single(plan.Conflicts), StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_the_old_certificate_reaches_only_through_the_ipv6_default_record_is_moved_there_and_its_ipv4_clients_keep_theirs()
    {
        var server = OldOnlyOnTheIpv6Default();

        var plan = Replace(server, Renewed);

        Assert.Empty(plan.Conflicts);
        Assert.Equal(["ipport=[::]:443"], plan.HttpSysEdits.Select(e => e.Record.Key));
        var served = ServedCertificate.Of(plan.Predicted);
        Assert.All(served.Where(p => p.Addresses == ClientAddresses.IPv6), p => Assert.Equal(Renewed.Thumbprint, p.Thumbprint));
        Assert.All(served.Where(p => p.Addresses == ClientAddresses.IPv4), p => Assert.Equal(AOnly.Thumbprint, p.Thumbprint));
        Assert.Contains(served, p => p.Addresses == ClientAddresses.IPv6 && !p.Sni);
        Assert.Empty(ReplacePostCondition.Check(ServedCertificate.Of(server), plan.Predicted, Old.Thumbprint, Renewed.Thumbprint));
    }

    [Fact]
    public void A_specific_ip_record_shadowing_an_all_unassigned_binding_is_moved_and_serves_that_bindings_host_the_new_certificate()
    {
        var server = OldOnAShadowingSpecificIp();

        var plan = Replace(server, Renewed);

        Assert.Empty(plan.Conflicts);
        Assert.Equal(["ipport=10.0.0.5:443"], plan.HttpSysEdits.Select(e => e.Record.Key));
        var shadowed = Assert.Single(ServedCertificate.Of(plan.Predicted), p => p.Host?.Value == "a.mysite.com" && p.Addresses == ClientAddresses.SpecificIpPort);
        Assert.Equal((true, "ipport=10.0.0.5:443", Renewed.Thumbprint), (shadowed.Sni, shadowed.RecordKey, shadowed.Thumbprint));
        Assert.Empty(ReplacePostCondition.Check(ServedCertificate.Of(server), plan.Predicted, Old.Thumbprint, Renewed.Thumbprint));
    }

    [Fact]
    public void The_post_condition_sees_an_all_unassigned_bindings_clients_still_served_the_old_certificate_by_a_specific_ip_record()
    {
        var server = OldOnAShadowingSpecificIp();
        var plan = Replace(server, Renewed);
        var missed = plan.Predicted with
        {
            HttpSys = plan.Predicted.HttpSys with { Bindings = [.. plan.Predicted.HttpSys.Bindings.Select(r => r.Key == "ipport=10.0.0.5:443" ? r with { Thumbprint = Old.Thumbprint } : r)] },
        };

        var problems = ReplacePostCondition.Check(ServedCertificate.Of(server), missed, Old.Thumbprint, Renewed.Thumbprint);

        Assert.Contains("site \"Site A\" a.mysite.com on *:443, clients arriving on 10.0.0.5:443 with SNI is served " + Old.Thumbprint, problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostnameport_record_no_binding_uses_still_needs_its_name_covered()
    {
        var server = new ServerBuilder().HostnamePort("api.mysite.com", 443, Old, Guid.NewGuid()).Build();

        var plan = Replace(server, AOnly);

        Assert.Contains("api.mysite.com", Assert.Single(plan.Conflicts), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_names_at_most_ten_hosts_and_counts_the_rest()
    {
        var names = Enumerable.Range(1, 15).Select(i => $"h{i:00}.mysite.com").ToArray();
        var wide = TestCertificate.For(names).Create();
        var server = new ServerBuilder().Site("Many", [.. names.Select(n => $"https *:443:{n}")]).IpPort("0.0.0.0", 443, wide).Build();

        var plan = ReplacePlanner.Plan(server, wide.Thumbprint, New(TestCertificate.For("other.example").Create()));

        var conflict = Assert.Single(plan.Conflicts);
        Assert.Contains("h10.mysite.com and 5 more", conflict, StringComparison.Ordinal);
        Assert.DoesNotContain("h11.mysite.com", conflict, StringComparison.Ordinal);
    }

    [Fact]
    public void The_old_certificate_served_from_the_central_certificate_store_is_refused_not_skipped()
    {
        var old = CertificateInfo.From(Old, "a.mysite.com.pfx", true);
        var server = new ServerBuilder()
            .Site("Site A", "https *:443:a.mysite.com 3")
            .Record(new SslCertBinding(SslCertBindingKind.CentralCertificateStore, 443, AppId: EnsurePlanner.IisAppId), Old)
            .Build(new StoreWith(old));

        var plan = Replace(server, Renewed);

        Assert.Empty(plan.HttpSysEdits);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Contains("Central Certificate Store", conflict, StringComparison.Ordinal);
        Assert.Contains("a.mysite.com", conflict, StringComparison.Ordinal);
    }

    [Fact]
    public void Replacing_again_on_the_replaced_server_changes_nothing()
    {
        var first = Replace(SharedSanServer().Build(), Renewed);

        var second = Replace(first.Predicted, Renewed);

        Assert.True(second.IsEmpty);
        Assert.Empty(second.Conflicts);
    }

    [Fact]
    public void The_post_condition_names_a_path_still_served_the_old_certificate()
    {
        var server = SharedSanServer().Build();
        var plan = Replace(server, Renewed);
        var missed = plan.Predicted with
        {
            HttpSys = plan.Predicted.HttpSys with
            {
                Bindings = [.. plan.Predicted.HttpSys.Bindings.Select(r => r.Key == "hostnameport=b.mysite.com:443" ? r with { Thumbprint = Old.Thumbprint } : r)],
            },
        };

        var problems = ReplacePostCondition.Check(ServedCertificate.Of(server), missed, Old.Thumbprint, Renewed.Thumbprint);

        Assert.Equal(2, problems.Count);
        Assert.Contains("site \"Site B\" b.mysite.com on *:443, clients with SNI is served " + Old.Thumbprint, problems[0], StringComparison.Ordinal);
        Assert.Contains("hostnameport=b.mysite.com:443", problems[1], StringComparison.Ordinal);
    }

    private sealed class StoreWith(CertificateInfo certificate) : ICentralCertificateLookup
    {
        public CertificateInfo? Find(HostName host) => certificate;
    }

    /// <summary>a.mysite.com on *:443: its IPv4 clients get 0.0.0.0:443 (another certificate), its IPv6 clients [::]:443, which serves OLD.</summary>
    private static ServerState OldOnlyOnTheIpv6Default() => new ServerBuilder()
        .Site("Site A", "https *:443:a.mysite.com")
        .IpPort("0.0.0.0", 443, AOnly)
        .IpPort("::", 443, Old)
        .Build();

    /// <summary>a.mysite.com on *:443 with SNI and its own hostnameport record; its clients arriving on 10.0.0.5 get that address's record, which serves OLD.</summary>
    private static ServerState OldOnAShadowingSpecificIp() => new ServerBuilder()
        .Site("Site A", "https *:443:a.mysite.com 1")
        .Site("Site B", "https 10.0.0.5:443:")
        .HostnamePort("a.mysite.com", 443, AOnly)
        .IpPort("10.0.0.5", 443, Old)
        .Build();
}
