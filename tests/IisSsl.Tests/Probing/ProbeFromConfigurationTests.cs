using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Probing;
using IisSsl.Reporting;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Probing;

/// <summary>Probing the endpoints an IIS configuration binds, against an in-process SNI server standing in for HTTP.SYS.</summary>
public sealed class ProbeFromConfigurationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Hosts_of_non_sni_bindings_must_also_be_covered_by_what_clients_without_sni_get()
    {
        await using var server = SniTestServer.Start(
            new Dictionary<string, System.Security.Cryptography.X509Certificates.X509Certificate2> { ["a.test"] = TestPki.SiteA, ["b.test"] = TestPki.SiteB },
            TestPki.Default);
        var configuration = new IisConfiguration("applicationHost.config",
        [
            new Site("Legacy", 1, [Https(server.Port, "a.test", SslFlags.None)]),
            new Site("Modern", 2, [Https(server.Port, "b.test", SslFlags.Sni)]),
        ]);
        var options = new ProbeOptions { ConnectAddress = "127.0.0.1", CaBundlePath = TestPki.WriteAuthorityBundle(_temp) };

        var report = await ProbeSession.RunAsync(ProbePlanner.Plan(options, configuration), options, null, CancellationToken.None);

        var endpoint = Assert.Single(report.Endpoints);
        Assert.Equal(
            [("Legacy", "a.test", true, CoverageStatus.Covered), ("Legacy", "a.test", false, CoverageStatus.NotCovered), ("Modern", "b.test", true, CoverageStatus.Covered)],
            endpoint.Hosts.Select(h => (h.Site, h.HostName, h.Sni, h.Status)));
        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.HostNotCovered, "Legacy", "a.test"), (finding.Code, finding.Site, finding.HostName));
        Assert.Contains("without SNI", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_handshake_without_sni_is_an_error_when_a_binding_without_sni_needs_it()
    {
        await using var server = SniTestServer.Start(
            new Dictionary<string, System.Security.Cryptography.X509Certificates.X509Certificate2> { ["a.test"] = TestPki.SiteA },
            defaultCertificate: null);
        var configuration = new IisConfiguration("applicationHost.config", [new Site("Legacy", 1, [Https(server.Port, "a.test", SslFlags.None)])]);
        var options = new ProbeOptions { CaBundlePath = TestPki.WriteAuthorityBundle(_temp) };

        var report = await ProbeSession.RunAsync(ProbePlanner.Plan(options, configuration), options, null, CancellationToken.None);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.HandshakeFailed, Severity.Error), (finding.Code, finding.Severity));
        Assert.Equal(CoverageStatus.NoCertificate, report.Endpoints[0].Hosts.Single(h => !h.Sni).Status);
    }

    private static Binding Https(int port, string host, SslFlags flags) =>
        new("https", $"*:{port}:{host}", Endpoint.AllUnassigned(port), HostName.Parse(host), flags);
}
