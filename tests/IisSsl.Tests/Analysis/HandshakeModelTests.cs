using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Reporting;
using NSubstitute;
using static IisSsl.Tests.Analysis.Analyze;

namespace IisSsl.Tests.Analysis;

public sealed class HandshakeModelTests
{
    [Fact]
    public void Non_sni_hosts_on_a_shared_endpoint_share_the_ipport_certificate()
    {
        var report = Run(new ServerBuilder()
            .Site("MySite V1", Https("*:443:sitev1.mysite.com"))
            .Site("MySite V2", Https("*:443:sitev2.mysite.com"))
            .IpPort("0.0.0.0", 443, Certificates.BothSites));

        Assert.True(report.Passed);
        Assert.All(report.Endpoints.Single().Hosts, h =>
        {
            Assert.Equal("ipport=0.0.0.0:443", h.ServedBy);
            Assert.Equal(Certificates.BothSites.Thumbprint, h.Certificate!.Thumbprint);
            Assert.Equal(CoverageStatus.Covered, h.Status);
        });
    }

    [Fact]
    public void Sni_binding_is_served_by_its_hostnameport_record()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com"))
            .Site("V2", Https("*:443:sitev2.mysite.com", SslFlags.Sni))
            .IpPort("0.0.0.0", 443, Certificates.SiteV1)
            .HostnamePort("sitev2.mysite.com", 443, Certificates.SiteV2));

        Assert.True(report.Passed);
        var v2 = report.Host("sitev2.mysite.com");
        Assert.Equal("hostnameport=sitev2.mysite.com:443", v2.ServedBy);
        Assert.True(v2.Sni);
        Assert.Equal(CoverageStatus.Covered, v2.Status);
        Assert.Equal("ipport=0.0.0.0:443", report.Endpoints.Single().DefaultRecord);
    }

    [Fact]
    public void Sni_binding_without_a_hostnameport_record_falls_back_to_the_wildcard_ipport()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com"))
            .Site("V2", Https("*:443:sitev2.mysite.com", SslFlags.Sni))
            .IpPort("0.0.0.0", 443, Certificates.SiteV1));

        var v2 = report.Host("sitev2.mysite.com");
        Assert.Equal("ipport=0.0.0.0:443", v2.ServedBy);
        Assert.Equal(CoverageStatus.NotCovered, v2.Status);
        var finding = Assert.Single(report.Codes(FindingCodes.HostNotCovered));
        Assert.Contains("no hostnameport=sitev2.mysite.com:443 record", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ipport_record_for_the_bindings_own_address_wins_over_sni_records()
    {
        var report = Run(new ServerBuilder()
            .Site("V2", Https("10.0.0.5:443:sitev2.mysite.com", SslFlags.Sni))
            .IpPort("10.0.0.5", 443, Certificates.SiteV1)
            .HostnamePort("sitev2.mysite.com", 443, Certificates.SiteV2));

        var v2 = report.Host("sitev2.mysite.com");
        Assert.Equal("ipport=10.0.0.5:443", v2.ServedBy);
        Assert.Equal(CoverageStatus.NotCovered, v2.Status);
        Assert.Contains("deleting ipport=10.0.0.5:443", Assert.Single(report.Codes(FindingCodes.HostNotCovered)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Specific_ip_without_its_own_ipport_record_falls_back_to_0_0_0_0()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("10.0.0.5:443:sitev1.mysite.com"))
            .IpPort("0.0.0.0", 443, Certificates.SiteV1));

        Assert.True(report.Passed);
        Assert.Equal("ipport=0.0.0.0:443", report.Host("sitev1.mysite.com").ServedBy);
        Assert.Equal("10.0.0.5:443", report.Endpoints.Single().Endpoint);
    }

    [Fact]
    public void Wildcard_hostnameport_record_serves_names_one_label_below_its_parent()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni))
            .Site("Deep", Https("*:443:a.b.mysite.com", SslFlags.Sni))
            .HostnamePort("*.mysite.com", 443, Certificates.WildcardMySite));

        Assert.Equal("hostnameport=*.mysite.com:443", report.Host("sitev1.mysite.com").ServedBy);
        Assert.Equal(CoverageStatus.Covered, report.Host("sitev1.mysite.com").Status);
        Assert.Equal(CoverageStatus.NoCertificate, report.Host("a.b.mysite.com").Status);
    }

    [Fact]
    public void Central_certificate_store_serves_the_file_named_after_the_host()
    {
        var report = Run(new ServerBuilder()
            .Site("V2", Https("*:443:sitev2.mysite.com", SslFlags.Sni | SslFlags.CentralCertStore))
            .CentralStore(443, ("sitev2.mysite.com", Certificates.SiteV2)));

        var v2 = report.Host("sitev2.mysite.com");
        Assert.Equal("ccs=443", v2.ServedBy);
        Assert.Equal("ccs/sitev2.mysite.com.pfx", v2.Certificate!.Source);
        Assert.Equal(CoverageStatus.Covered, v2.Status);
    }

    [Fact]
    public void Central_certificate_store_without_a_file_for_the_host_falls_through_to_the_ipport_record()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni | SslFlags.CentralCertStore))
            .CentralStore(443, ("sitev2.mysite.com", Certificates.SiteV2))
            .IpPort("0.0.0.0", 443, Certificates.SiteV1));

        Assert.Equal("ipport=0.0.0.0:443", report.Host("sitev1.mysite.com").ServedBy);
        Assert.True(report.Passed);
    }

    [Fact]
    public void Hostnameport_record_is_tried_before_the_central_certificate_store()
    {
        var report = Run(new ServerBuilder()
            .Site("V2", Https("*:443:sitev2.mysite.com", SslFlags.Sni))
            .CentralStore(443, ("sitev2.mysite.com", Certificates.Other))
            .HostnamePort("sitev2.mysite.com", 443, Certificates.SiteV2));

        Assert.Equal("hostnameport=sitev2.mysite.com:443", report.Host("sitev2.mysite.com").ServedBy);
    }

    [Fact]
    public void Ipv6_endpoint_falls_back_to_the_ipv6_wildcard_record_before_0_0_0_0()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("[2001:db8::1]:443:sitev1.mysite.com"))
            .IpPort("::", 443, Certificates.SiteV1)
            .IpPort("0.0.0.0", 443, Certificates.Other));

        Assert.Equal("ipport=[::]:443", report.Host("sitev1.mysite.com").ServedBy);
        Assert.Equal("[2001:db8::1]:443", report.Endpoints.Single().Endpoint);
        Assert.True(report.Passed);
    }

    [Fact]
    public void Ipv6_wildcard_record_is_the_exact_record_of_its_own_endpoint_and_the_fallback_of_other_ipv6_endpoints()
    {
        var report = Run(new ServerBuilder()
            .Site("Own", Https("[::]:443:own.mysite.com", SslFlags.Sni))
            .Site("Other", Https("[2001:db8::1]:443:other.mysite.com", SslFlags.Sni))
            .IpPort("::", 443, Certificates.Other));

        var findings = report.Codes(FindingCodes.HostNotCovered);
        var own = Assert.Single(findings, f => f.HostName == "own.mysite.com");
        var other = Assert.Single(findings, f => f.HostName == "other.mysite.com");
        Assert.Contains("ipport record for the binding's own address before any SNI record", own.Message, StringComparison.Ordinal);
        Assert.Contains("fallback record ipport=[::]:443", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ipv4_wildcard_record_serves_ipv6_endpoints_when_there_is_no_ipv6_wildcard()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("[2001:db8::1]:443:sitev1.mysite.com"))
            .IpPort("0.0.0.0", 443, Certificates.SiteV1));

        Assert.Equal("ipport=0.0.0.0:443", report.Host("sitev1.mysite.com").ServedBy);
    }

    [Fact]
    public void Non_sni_binding_is_checked_for_browsers_sending_sni_too()
    {
        // A leftover hostnameport record wins over the ipport certificate for every browser.
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com"))
            .IpPort("0.0.0.0", 443, Certificates.SiteV1)
            .HostnamePort("sitev1.mysite.com", 443, Certificates.Other));

        var row = report.Host("sitev1.mysite.com");
        Assert.Equal(CoverageStatus.NotCovered, row.Status);
        Assert.Equal("hostnameport=sitev1.mysite.com:443", row.ServedBy);
        var finding = Assert.Single(report.Codes(FindingCodes.HostNotCovered));
        Assert.StartsWith("Browsers sending SNI", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_sni_binding_needs_an_ipport_record_for_clients_without_sni()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com"))
            .HostnamePort("sitev1.mysite.com", 443, Certificates.SiteV1));

        var row = report.Host("sitev1.mysite.com");
        Assert.Equal(CoverageStatus.NoCertificate, row.Status);
        var finding = Assert.Single(report.Codes(FindingCodes.NoCertificateBound));
        Assert.StartsWith("Clients without SNI", finding.Message, StringComparison.Ordinal);
        Assert.Contains("ipport=0.0.0.0:443", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sni_binding_is_not_checked_for_clients_without_sni()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni))
            .HostnamePort("sitev1.mysite.com", 443, Certificates.SiteV1));

        Assert.True(report.Passed);
        Assert.Equal(CoverageStatus.Covered, report.Host("sitev1.mysite.com").Status);
    }

    [Fact]
    public void Catch_all_binding_is_any_name_but_still_needs_a_certificate()
    {
        var served = Run(new ServerBuilder()
            .Site("Default", Https("*:443:"))
            .IpPort("0.0.0.0", 443, Certificates.Other));
        var unserved = Run(new ServerBuilder().Site("Default", Https("*:443:")));

        Assert.Equal(CoverageStatus.AnyName, served.Host(null).Status);
        Assert.True(served.Passed);
        Assert.Equal(CoverageStatus.NoCertificate, unserved.Host(null).Status);
        var finding = Assert.Single(unserved.Codes(FindingCodes.NoCertificateBound));
        Assert.Null(finding.HostName);
        Assert.Equal("Default", finding.Site);
    }

    [Fact]
    public void Wildcard_host_header_is_covered_only_by_the_same_wildcard_san()
    {
        var concrete = Run(new ServerBuilder()
            .Site("W", Https("*:443:*.mysite.com"))
            .IpPort("0.0.0.0", 443, Certificates.BothSites));
        var wildcard = Run(new ServerBuilder()
            .Site("W", Https("*:443:*.mysite.com"))
            .IpPort("0.0.0.0", 443, Certificates.WildcardMySite));

        Assert.Equal(CoverageStatus.NotCovered, concrete.Host("*.mysite.com").Status);
        Assert.Equal(CoverageStatus.Covered, wildcard.Host("*.mysite.com").Status);
    }

    [Fact]
    public void Record_pointing_at_an_unknown_thumbprint_says_where_it_looked()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com"))
            .Record(new SslCertBinding(SslCertBindingKind.IpPort, 443, System.Net.IPAddress.Any, Thumbprint: "ab12", StoreName: "WebHosting")));

        Assert.Equal(CoverageStatus.CertificateMissing, report.Host("sitev1.mysite.com").Status);
        var finding = Assert.Single(report.Codes(FindingCodes.CertificateNotFound));
        Assert.Contains("ipport=0.0.0.0:443", finding.Message, StringComparison.Ordinal);
        Assert.Contains("AB12", finding.Message, StringComparison.Ordinal);
        Assert.Contains("WebHosting", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Central_certificate_store_record_without_a_store_folder_is_reported_not_guessed()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni | SslFlags.CentralCertStore))
            .Record(new SslCertBinding(SslCertBindingKind.CentralCertificateStore, 443)));

        Assert.Equal(CoverageStatus.CertificateMissing, report.Host("sitev1.mysite.com").Status);
        Assert.Contains("no store folder", Assert.Single(report.Codes(FindingCodes.CertificateNotFound)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sni_only_endpoint_without_ipport_record_warns_about_clients_without_sni()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni))
            .HostnamePort("sitev1.mysite.com", 443, Certificates.SiteV1));

        var warning = Assert.Single(report.Findings);
        Assert.Equal(FindingCodes.SniWithoutFallback, warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("*:443", warning.Endpoint);
        Assert.True(report.Passed);
    }

    [Fact]
    public void Sni_endpoint_with_an_ipport_record_does_not_warn()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni))
            .HostnamePort("sitev1.mysite.com", 443, Certificates.SiteV1)
            .IpPort("0.0.0.0", 443, Certificates.Other));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Non_https_bindings_are_ignored()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", new Binding("net.tcp", "808:*", null, null, SslFlags.None, Problem: "not http"),
                new Binding("http", "*:80:sitev1.mysite.com", new Endpoint(System.Net.IPAddress.Any, 80), HostName.Parse("sitev1.mysite.com"), SslFlags.None)));

        Assert.Empty(report.Endpoints);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Unparsable_binding_is_an_invalid_binding_naming_its_line()
    {
        var broken = new Binding("https", "*:44x3:a.com", null, null, SslFlags.None, new SourceLocation("applicationHost.config", 42), "the port '44x3' is not a number");
        var report = Run(new ServerBuilder().Site("Broken", broken));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingCodes.InvalidBinding, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("applicationHost.config:42", finding.Message, StringComparison.Ordinal);
        Assert.Contains("44x3", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Central_store_lookups_are_made_once_per_host_name()
    {
        var store = NSubstitute.Substitute.For<ICentralCertificateLookup>();
        var host = HostName.Parse("sitev1.mysite.com");
        var certificate = CertificateInfo.From(Certificates.SiteV1, "ccs/sitev1.mysite.com.pfx", true);
        store.Find(host).Returns(certificate);
        var sites = Enumerable.Range(1, 5).Select(i => new Site($"S{i}", i, [Https($"10.0.0.{i}:443:sitev1.mysite.com", SslFlags.Sni | SslFlags.CentralCertStore)])).ToList();
        var state = new ServerState(new IisConfiguration("c", sites),
            new HttpSysState("s", [new SslCertBinding(SslCertBindingKind.CentralCertificateStore, 443)]),
            new Dictionary<string, CertificateInfo>(), store);

        var report = CoverageAnalyzer.Analyze(state, new AnalysisOptions(DateTimeOffset.UtcNow));

        Assert.All(report.Endpoints.SelectMany(e => e.Hosts), h => Assert.Equal(CoverageStatus.Covered, h.Status));
        store.Received(1).Find(host);
    }
}
