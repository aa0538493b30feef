using IisSsl.Analysis;
using IisSsl.Model;
using static IisSsl.Tests.Analysis.Analyze;

namespace IisSsl.Tests.Analysis;

public sealed class ReportOrderTests
{
    [Fact]
    public void Endpoints_are_ordered_by_port_then_address_and_hosts_by_name()
    {
        var report = Run(new ServerBuilder()
            .Site("Z", Https("*:8443:b.example.com"), Https("[2001:db8::1]:443:z.example.com"))
            .Site("Y", Https("10.0.0.10:443:y.example.com"), Https("10.0.0.9:443:x.example.com"))
            .Site("X", Https("*:443:c.example.com"), Https("*:443:a.example.com"), Https("*:443:")));

        Assert.Equal(["*:443", "10.0.0.9:443", "10.0.0.10:443", "[2001:db8::1]:443", "*:8443"], report.Endpoints.Select(e => e.Endpoint));
        Assert.Equal([null, "a.example.com", "c.example.com"], report.Endpoints[0].Hosts.Select(h => h.HostName));
    }

    [Fact]
    public void Findings_are_ordered_by_severity_then_endpoint_then_host_then_code()
    {
        var expiring = IisSsl.TestSupport.TestCertificate.For("b.example.com").ValidFor(days: 3).Create();
        var report = Run(new ServerBuilder()
            .Site("B", Https("*:8443:b.example.com"))
            .Site("A", Https("*:443:z.example.com"), Https("*:443:a.example.com"))
            .IpPort("0.0.0.0", 8443, expiring));

        Assert.Equal(
            [
                (Severity.Error, "*:443", "a.example.com", FindingCodes.NoCertificateBound),
                (Severity.Error, "*:443", "z.example.com", FindingCodes.NoCertificateBound),
                (Severity.Warning, "*:8443", "b.example.com", FindingCodes.CertificateExpiresSoon),
            ],
            report.Findings.Select(f => (f.Severity, f.Endpoint!, f.HostName!, f.Code)));
    }

    [Fact]
    public void Analysis_is_deterministic_whatever_the_order_of_sites_and_records()
    {
        ServerBuilder Server(bool reversed)
        {
            var sites = new[] { ("A", "*:443:a.example.com"), ("B", "*:443:b.example.com"), ("C", "10.0.0.1:443:c.example.com") };
            var server = new ServerBuilder();
            foreach (var (name, info) in reversed ? sites.Reverse() : sites)
                server.Site(name, Https(info, SslFlags.Sni));
            return server;
        }

        var first = Run(Server(false));
        var second = Run(Server(true));

        Assert.Equal(first.Findings, second.Findings);
        Assert.Equal(first.Endpoints.Select(e => (e.Endpoint, string.Join(",", e.Hosts.Select(h => h.HostName)))),
            second.Endpoints.Select(e => (e.Endpoint, string.Join(",", e.Hosts.Select(h => h.HostName)))));
    }
}
