using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Reporting;
using IisSsl.TestSupport;
using static IisSsl.Tests.Analysis.Analyze;

namespace IisSsl.Tests.Analysis;

/// <summary>
/// The specific-IP ipport records a * binding's clients meet, the [::] record of IPv6 clients, the default certificate's
/// health, and the inferred parts of the model said as such.
/// </summary>
public sealed class ShadowAndDefaultCertificateTests
{
    [Fact]
    public void A_specific_ip_ipport_record_whose_certificate_misses_the_host_is_a_ShadowedByIpPortRecord_error_for_a_star_sni_binding()
    {
        var report = Run(new ServerBuilder()
            .Site("V2", Https("*:443:sitev2.mysite.com", SslFlags.Sni, line: 7))
            .Site("Exchange", Https("10.0.0.5:443:"))
            .HostnamePort("sitev2.mysite.com", 443, Certificates.SiteV2)
            .IpPort("10.0.0.5", 443, Certificates.Other)
            .IpPort("0.0.0.0", 443, Certificates.SiteV2));

        var finding = Assert.Single(report.Codes(FindingCodes.ShadowedByIpPortRecord));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(("V2", "*:443", "sitev2.mysite.com"), (finding.Site, finding.Endpoint, finding.HostName));
        Assert.Contains("ipport=10.0.0.5:443", finding.Message, StringComparison.Ordinal);
        Assert.Contains(Certificates.Other.Thumbprint, finding.Message, StringComparison.Ordinal);
        Assert.Contains("does not name sitev2.mysite.com", finding.Message, StringComparison.Ordinal);
        Assert.Contains("cannot know which addresses DNS hands out", finding.Message, StringComparison.Ordinal);
        Assert.False(report.Passed);

        var row = report.Host("sitev2.mysite.com");
        Assert.Equal(CoverageStatus.NotCovered, row.Status);
        Assert.Equal("ipport=10.0.0.5:443", row.ServedBy);
    }

    [Fact]
    public void A_shadowing_ipport_record_whose_certificate_names_the_host_is_a_warning_naming_the_ip_and_the_certificate()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com"))
            .IpPort("0.0.0.0", 443, Certificates.SiteV1)
            .IpPort("10.0.0.5", 443, Certificates.BothSites));

        var finding = Assert.Single(report.Codes(FindingCodes.ShadowedByIpPortRecord));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("ipport=10.0.0.5:443", finding.Message, StringComparison.Ordinal);
        Assert.Contains(Certificates.BothSites.Thumbprint, finding.Message, StringComparison.Ordinal);
        Assert.True(report.Passed);
        Assert.Equal(CoverageStatus.Covered, report.Host("sitev1.mysite.com").Status);
        Assert.Equal("ipport=0.0.0.0:443", report.Host("sitev1.mysite.com").ServedBy);
    }

    [Fact]
    public void A_shadowing_record_whose_wildcard_certificate_covers_the_host_is_a_warning_and_one_that_does_not_among_many_is_the_error_named_first()
    {
        var server = new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni))
            .Site("Deep", Https("*:443:x.a.mysite.com", SslFlags.Sni))
            .HostnamePort("sitev1.mysite.com", 443, Certificates.SiteV1)
            .HostnamePort("x.a.mysite.com", 443, Certificates.Other)
            .IpPort("10.0.0.5", 443, Certificates.WildcardMySite);
        var pool = Enumerable.Range(1, 30).Select(i => TestCertificate.For($"pool{i}.example").Create()).ToArray();
        for (var i = 0; i < pool.Length; i++)
            server.IpPort($"10.0.1.{i + 1}", 443, pool[i]);

        var report = Run(server);

        // *.mysite.com names sitev1.mysite.com but not x.a.mysite.com (one label only); the 30 pool certificates name neither.
        var v1 = report.Codes(FindingCodes.ShadowedByIpPortRecord).Single(f => f.HostName == "sitev1.mysite.com");
        var deep = report.Codes(FindingCodes.ShadowedByIpPortRecord).Single(f => f.HostName == "x.a.mysite.com");
        Assert.Equal(Severity.Error, v1.Severity);
        Assert.Equal(Severity.Error, deep.Severity);
        Assert.Contains("ipport=10.0.0.5:443 serves", deep.Message, StringComparison.Ordinal);
        Assert.Contains("and 28 more certificates", deep.Message, StringComparison.Ordinal);

        // Worst first: the 30 that miss sitev1.mysite.com are listed before the wildcard that names it.
        Assert.Contains("ipport=10.0.1.1:443 serves", v1.Message, StringComparison.Ordinal);
        Assert.Contains("and 28 more certificates", v1.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Certificates.WildcardMySite.Thumbprint, v1.Message, StringComparison.Ordinal);

        var alone = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni))
            .HostnamePort("sitev1.mysite.com", 443, Certificates.SiteV1)
            .IpPort("10.0.0.5", 443, Certificates.WildcardMySite));
        var warning = Assert.Single(alone.Codes(FindingCodes.ShadowedByIpPortRecord));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains(Certificates.WildcardMySite.Thumbprint, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_specific_ip_record_serving_the_bindings_own_certificate_shadows_nothing()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com"))
            .IpPort("0.0.0.0", 443, Certificates.SiteV1)
            .IpPort("10.0.0.5", 443, Certificates.SiteV1));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_specific_ip_record_on_another_port_or_a_binding_on_a_specific_ip_is_not_shadowed()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com"))
            .Site("V2", Https("10.0.0.6:443:sitev2.mysite.com"))
            .IpPort("0.0.0.0", 443, Certificates.BothSites)
            .IpPort("10.0.0.5", 8443, Certificates.Other)
            .IpPort("10.0.0.7", 443, Certificates.BothSites));

        Assert.Empty(report.Codes(FindingCodes.ShadowedByIpPortRecord));
    }

    [Fact]
    public void A_shadowing_record_whose_certificate_cannot_be_read_is_an_error_not_a_pass()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni))
            .HostnamePort("sitev1.mysite.com", 443, Certificates.SiteV1)
            .IpPort("0.0.0.0", 443, Certificates.SiteV1)
            .Record(new SslCertBinding(SslCertBindingKind.IpPort, 443, System.Net.IPAddress.Parse("10.0.0.5"), Thumbprint: "AB12")));

        var finding = Assert.Single(report.Codes(FindingCodes.ShadowedByIpPortRecord));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("not among the certificates read", finding.Message, StringComparison.Ordinal);
        Assert.Equal(CoverageStatus.CertificateMissing, report.Host("sitev1.mysite.com").Status);
    }

    [Fact]
    public void The_shadow_finding_is_one_per_binding_and_bounded_whatever_the_number_of_addresses()
    {
        var server = new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni))
            .HostnamePort("sitev1.mysite.com", 443, Certificates.SiteV1);
        var certificates = Enumerable.Range(1, 8).Select(i => TestCertificate.For($"pool{i}.example").Create()).ToArray();
        for (var i = 0; i < 200; i++)
            server.IpPort($"10.0.{i / 250}.{(i % 250) + 1}", 443, certificates[i % certificates.Length]);

        var report = Run(server);

        var finding = Assert.Single(report.Codes(FindingCodes.ShadowedByIpPortRecord));
        Assert.Contains("and 197 more", finding.Message, StringComparison.Ordinal);
        Assert.Contains("and 5 more certificates", finding.Message, StringComparison.Ordinal);
        Assert.True(finding.Message.Length < 4_000, $"{finding.Message.Length} characters");
    }

    [Fact]
    public void Ipv6_clients_of_a_star_binding_are_served_the_ipv6_wildcard_record_before_0_0_0_0()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com"))
            .IpPort("0.0.0.0", 443, Certificates.SiteV1)
            .IpPort("::", 443, Certificates.Other));

        var finding = Assert.Single(report.Codes(FindingCodes.HostNotCovered));
        Assert.StartsWith("IPv6 clients of sitev1.mysite.com on *:443 get", finding.Message, StringComparison.Ordinal);
        Assert.Contains("ipport=[::]:443", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Inferred, not documented", finding.Message, StringComparison.Ordinal);
        Assert.Equal("ipport=[::]:443", report.Host("sitev1.mysite.com").ServedBy);
        Assert.Equal("ipport=0.0.0.0:443", report.Endpoints.Single().DefaultRecord);
    }

    [Fact]
    public void Ipv6_clients_of_a_star_sni_binding_with_its_own_hostnameport_record_get_that_record()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni))
            .HostnamePort("sitev1.mysite.com", 443, Certificates.SiteV1)
            .IpPort("0.0.0.0", 443, Certificates.SiteV1)
            .IpPort("::", 443, Certificates.SiteV2));

        Assert.Empty(report.Codes(FindingCodes.HostNotCovered));
        Assert.Equal("hostnameport=sitev1.mysite.com:443", report.Host("sitev1.mysite.com").ServedBy);
    }

    [Fact]
    public void Ipv6_sni_clients_without_a_hostnameport_record_fall_back_to_the_ipv6_wildcard_record()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni))
            .IpPort("0.0.0.0", 443, Certificates.SiteV1)
            .IpPort("::", 443, Certificates.Other));

        var finding = Assert.Single(report.Codes(FindingCodes.HostNotCovered));
        Assert.StartsWith("IPv6 browsers sending SNI sitev1.mysite.com", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_default_certificate_is_reported_naming_its_record_when_only_sni_bindings_use_the_port()
    {
        var expired = TestCertificate.For("default.example").ExpiredDaysAgo(3).Create();
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni))
            .HostnamePort("sitev1.mysite.com", 443, Certificates.SiteV1)
            .IpPort("0.0.0.0", 443, expired));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.CertificateExpired, Severity.Error), (finding.Code, finding.Severity));
        Assert.Equal("*:443", finding.Endpoint);
        Assert.Null(finding.HostName);
        Assert.Contains("ipport=0.0.0.0:443", finding.Message, StringComparison.Ordinal);
        Assert.Contains("without SNI", finding.Message, StringComparison.Ordinal);
        Assert.False(report.Passed);
    }

    [Fact]
    public void The_ipv6_default_certificate_is_health_checked_too()
    {
        var weak = TestCertificate.For("default6.example").Create();
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni))
            .HostnamePort("sitev1.mysite.com", 443, Certificates.SiteV1)
            .IpPort("0.0.0.0", 443, Certificates.SiteV1)
            .IpPort("::", 443, weak, hasPrivateKey: false));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingCodes.MissingPrivateKey, finding.Code);
        Assert.Contains("ipport=[::]:443", finding.Message, StringComparison.Ordinal);
        Assert.Contains("IPv6 clients without SNI", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_certificate_already_checked_for_a_binding_is_not_reported_twice()
    {
        var expired = TestCertificate.For("sitev1.mysite.com").ExpiredDaysAgo(3).Create();
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com"))
            .IpPort("0.0.0.0", 443, expired));

        var finding = Assert.Single(report.Codes(FindingCodes.CertificateExpired));
        Assert.Equal("sitev1.mysite.com", finding.HostName);
    }

    [Fact]
    public void Findings_that_depend_on_wildcard_hostnameport_matching_say_it_is_inferred()
    {
        var report = Run(new ServerBuilder()
            .Site("V1", Https("*:443:sitev1.mysite.com", SslFlags.Sni))
            .HostnamePort("*.mysite.com", 443, Certificates.Other)
            .IpPort("0.0.0.0", 443, Certificates.SiteV1));

        var finding = Assert.Single(report.Codes(FindingCodes.HostNotCovered));
        Assert.Contains("Inferred, not documented: a wildcard hostnameport record", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_that_depend_on_hostnameport_before_ccs_say_it_is_inferred()
    {
        var report = Run(new ServerBuilder()
            .Site("V2", Https("*:443:sitev2.mysite.com", SslFlags.Sni))
            .CentralStore(443, ("sitev2.mysite.com", Certificates.SiteV2))
            .HostnamePort("sitev2.mysite.com", 443, Certificates.Other)
            .IpPort("0.0.0.0", 443, Certificates.SiteV2));

        var finding = Assert.Single(report.Codes(FindingCodes.HostNotCovered));
        Assert.Contains("hostnameport record is taken to be used before the ccs record", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Documented_paths_carry_no_inference_note()
    {
        var report = Run(new ServerBuilder()
            .Site("V2", Https("*:443:sitev2.mysite.com", SslFlags.Sni))
            .HostnamePort("sitev2.mysite.com", 443, Certificates.Other)
            .IpPort("0.0.0.0", 443, Certificates.SiteV2));

        Assert.DoesNotContain("Inferred", Assert.Single(report.Codes(FindingCodes.HostNotCovered)).Message, StringComparison.Ordinal);
    }
}
