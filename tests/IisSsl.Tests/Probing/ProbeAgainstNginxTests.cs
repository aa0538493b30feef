using IisSsl.Analysis;
using IisSsl.Reporting;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Probing;

/// <summary>Probes a real nginx with several server_names and certificates, a default server and an expired certificate.</summary>
public sealed class ProbeAgainstNginxTests : IDisposable
{
    private static readonly NginxSite DefaultSite = new(null, TestPki.Signed("default.test", "c.test"), "site:default");

    private static readonly Lazy<System.Security.Cryptography.X509Certificates.X509Certificate2> Expired =
        new(() => TestCertificate.For("expired.test").EcdsaKey().SignedBy(TestPki.Authority).ExpiredDaysAgo(10).Create());

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [NginxFact]
    public async Task Each_server_name_is_given_its_own_certificate_and_clients_without_sni_the_default_server_s()
    {
        using var nginx = StartNginx();

        var report = await ProbeAsync(nginx, ["a.test", "b.test"]);

        var endpoint = Assert.Single(report.Endpoints);
        Assert.Equal(nginx.Target, endpoint.Endpoint);
        Assert.Equal(DefaultSite.Certificate.Thumbprint, endpoint.DefaultCertificate?.Thumbprint);
        Assert.Equal([TestPki.SiteA.Thumbprint, TestPki.SiteB.Thumbprint], endpoint.Hosts.Select(h => h.Certificate?.Thumbprint));
        Assert.All(endpoint.Hosts, h => Assert.Equal(CoverageStatus.Covered, h.Status));
        Assert.True(report.Passed, ProbeAgainstSniServerTests.Describe(report));
    }

    [NginxFact]
    public async Task An_expired_certificate_served_for_one_name_is_CertificateExpired_for_that_name()
    {
        using var nginx = StartNginx();

        var report = await ProbeAsync(nginx, ["a.test", "expired.test"]);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.CertificateExpired, Severity.Error, "expired.test", nginx.Target), (finding.Code, finding.Severity, finding.HostName, finding.Endpoint));
        Assert.False(report.Passed);
    }

    [NginxFact]
    public async Task A_name_nginx_does_not_know_falls_to_the_default_server_and_is_not_covered()
    {
        using var nginx = StartNginx();

        var report = await ProbeAsync(nginx, ["unknown.test"]);

        var host = Assert.Single(report.Endpoints[0].Hosts);
        Assert.Equal((CoverageStatus.NotCovered, DefaultSite.Certificate.Thumbprint), (host.Status, host.Certificate?.Thumbprint));
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.HostNotCovered && f.HostName == "unknown.test");
    }

    [NginxFact]
    public async Task A_covered_name_answered_by_the_default_server_is_WrongSite()
    {
        using var nginx = StartNginx();

        var report = await ProbeAsync(nginx, ["a.test", "c.test"], expectBody: "site:{host}");

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.WrongSite, "c.test"), (finding.Code, finding.HostName));
        Assert.Equal(CoverageStatus.Covered, report.Endpoints[0].Hosts.Single(h => h.HostName == "c.test").Status);
    }

    private static NginxServer StartNginx() => NginxServer.Start(
        DefaultSite,
        new NginxSite("a.test", TestPki.SiteA, "site:a.test"),
        new NginxSite("b.test", TestPki.SiteB, "site:b.test"),
        new NginxSite("expired.test", Expired.Value, "site:expired.test"));

    private Task<VerificationReport> ProbeAsync(NginxServer nginx, string[] hosts, string? expectBody = null) =>
        IisSslEngine.ProbeAsync(new ProbeOptions
        {
            Targets = [nginx.Target],
            Hosts = hosts,
            CaBundlePath = TestPki.WriteAuthorityBundle(_temp),
            ExpectBodyContains = expectBody,
        });
}
