using IisSsl.Analysis;
using IisSsl.Reporting;
using static IisSsl.Tests.Analysis.Analyze;

namespace IisSsl.Tests.Analysis;

public sealed class HostNotCoveredTests
{
    private static VerificationReport SeedCase() => Run(new ServerBuilder()
        .Site("MySite V1", Https("*:443:sitev1.mysite.com", line: 10))
        .Site("MySite V2", Https("*:443:sitev2.mysite.com", line: 20))
        .IpPort("0.0.0.0", 443, Certificates.SiteV1));

    [Fact]
    public void Second_non_sni_site_on_a_shared_ip_port_is_not_covered_by_the_first_sites_certificate()
    {
        var report = SeedCase();

        Assert.False(report.Passed);
        Assert.Equal(1, report.ErrorCount);
        Assert.Equal(CoverageStatus.Covered, report.Host("sitev1.mysite.com").Status);
        var v2 = report.Host("sitev2.mysite.com");
        Assert.Equal(CoverageStatus.NotCovered, v2.Status);
        Assert.Equal("ipport=0.0.0.0:443", v2.ServedBy);
        Assert.False(v2.Sni);
    }

    [Fact]
    public void Message_explains_the_shared_certificate_and_gives_both_fixes()
    {
        var finding = Assert.Single(SeedCase().Findings);

        Assert.Equal(FindingCodes.HostNotCovered, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(("MySite V2", "*:443", "sitev2.mysite.com"), (finding.Site, finding.Endpoint, finding.HostName));
        Assert.Equal("applicationHost.config:20", finding.Location?.ToString());
        var message = finding.Message;
        Assert.Contains("sitev2.mysite.com", message, StringComparison.Ordinal);
        Assert.Contains("CN=sitev1.mysite.com", message, StringComparison.Ordinal);
        Assert.Contains(Certificates.SiteV1.Thumbprint, message, StringComparison.Ordinal);
        Assert.Contains("names sitev1.mysite.com", message, StringComparison.Ordinal);
        Assert.Contains("ipport=0.0.0.0:443", message, StringComparison.Ordinal);
        Assert.Contains("one certificate serves every non-SNI host on a shared IP:Port", message, StringComparison.Ordinal);
        Assert.Contains("cover all the hosts on *:443 (sitev1.mysite.com, sitev2.mysite.com)", message, StringComparison.Ordinal);
        Assert.Contains("SNI bindings (sslFlags=1) and a hostnameport certificate for each host", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wildcard_certificate_covers_every_non_sni_host_one_label_below_it()
    {
        var report = Run(new ServerBuilder()
            .Site("MySite V1", Https("*:443:sitev1.mysite.com"))
            .Site("MySite V2", Https("*:443:sitev2.mysite.com"))
            .Site("Apex", Https("*:443:mysite.com"))
            .IpPort("0.0.0.0", 443, Certificates.WildcardMySite));

        var finding = Assert.Single(report.Findings);
        Assert.Equal("mysite.com", finding.HostName);
        Assert.Equal(CoverageStatus.Covered, report.Host("sitev2.mysite.com").Status);
    }

    [Fact]
    public void Host_list_in_the_message_is_capped_for_large_endpoints()
    {
        var server = new ServerBuilder().IpPort("0.0.0.0", 443, Certificates.SiteV1);
        for (var i = 0; i < 25; i++)
            server.Site($"S{i}", Https($"*:443:h{i:D2}.example.com"));

        var report = Run(server);

        Assert.Equal(25, report.Codes(FindingCodes.HostNotCovered).Length);
        Assert.All(report.Findings, f => Assert.Contains("and 15 more", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_binding_gets_one_finding_when_both_kinds_of_client_get_the_same_certificate()
    {
        var report = SeedCase();

        Assert.Single(report.Findings);
        Assert.Equal(report.Findings.Count, report.Findings.Select(f => f.Message).Distinct().Count());
    }
}
