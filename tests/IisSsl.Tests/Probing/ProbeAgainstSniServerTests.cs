using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using IisSsl.Analysis;
using IisSsl.Probing;
using IisSsl.Reporting;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Probing;

/// <summary>Probes an in-process TLS server that selects its certificate by SNI, like HTTP.SYS does.</summary>
public sealed class ProbeAgainstSniServerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Each_host_is_given_the_certificate_its_sni_name_selects()
    {
        await using var server = SniTestServer.Start(Certificates(("a.test", TestPki.SiteA), ("b.test", TestPki.SiteB)), TestPki.Default);

        var report = await ProbeAsync(server, "a.test", "b.test");

        var endpoint = Assert.Single(report.Endpoints);
        Assert.Equal(server.Target, endpoint.Endpoint);
        Assert.Equal([TestPki.SiteA.Thumbprint, TestPki.SiteB.Thumbprint], endpoint.Hosts.Select(h => h.Certificate?.Thumbprint));
        Assert.All(endpoint.Hosts, h => Assert.Equal((CoverageStatus.Covered, true, ProbeAnalyzer.ServedBySni), (h.Status, h.Sni, h.ServedBy)));
        Assert.True(report.Passed, Describe(report));
        Assert.Empty(report.Findings);
    }

    [Fact]
    public async Task A_handshake_without_sni_sends_no_server_name_and_shows_the_default_certificate()
    {
        await using var server = SniTestServer.Start(Certificates(("a.test", TestPki.SiteA)), TestPki.Default);

        var report = await ProbeAsync(server, "a.test");

        Assert.Contains(null, server.ServerNames);
        Assert.Contains("a.test", server.ServerNames);
        var endpoint = Assert.Single(report.Endpoints);
        Assert.Equal(ProbeAnalyzer.ServedByNoSni, endpoint.DefaultRecord);
        Assert.Equal(TestPki.Default.Thumbprint, endpoint.DefaultCertificate?.Thumbprint);
    }

    [Fact]
    public async Task Presented_certificate_summary_names_the_protocol_and_cipher()
    {
        await using var server = SniTestServer.Start(Certificates(("a.test", TestPki.SiteA)), TestPki.Default);

        var report = await ProbeAsync(server, "a.test");

        var source = Assert.Single(report.Endpoints).Hosts[0].Certificate?.Source;
        Assert.Matches(@"^presented by 127\.0\.0\.1:\d+ \(TLS 1\.[23], TLS_\w+\)$", source);
    }

    [Fact]
    public async Task A_host_the_served_certificate_does_not_name_is_HostNotCovered()
    {
        await using var server = SniTestServer.Start(Certificates(("a.test", TestPki.SiteA)), TestPki.Default);

        var report = await ProbeAsync(server, "a.test", "c.test");

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.HostNotCovered, Severity.Error, "c.test", server.Target), (finding.Code, finding.Severity, finding.HostName, finding.Endpoint));
        Assert.Contains("default.test", finding.Message, StringComparison.Ordinal);
        Assert.Equal(CoverageStatus.NotCovered, report.Endpoints[0].Hosts.Single(h => h.HostName == "c.test").Status);
        Assert.False(report.Passed);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_an_UntrustedChain_finding_not_a_failed_probe()
    {
        var selfSigned = TestCertificate.For("a.test").EcdsaKey().Create();
        await using var server = SniTestServer.Start(Certificates(("a.test", selfSigned)), selfSigned);

        var report = await IisSslEngine.ProbeAsync(new ProbeOptions { Targets = [server.Target], Hosts = ["a.test"] });

        Assert.Equal(selfSigned.Thumbprint, report.Endpoints[0].Hosts[0].Certificate?.Thumbprint);
        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.UntrustedChain, Severity.Error), (finding.Code, finding.Severity));
    }

    [Fact]
    public async Task A_chain_to_the_supplied_ca_bundle_is_trusted_and_without_it_is_not()
    {
        await using var server = SniTestServer.Start(Certificates(("a.test", TestPki.SiteA)), TestPki.Default);

        var withBundle = await ProbeAsync(server, "a.test");
        var withSystemRoots = await IisSslEngine.ProbeAsync(new ProbeOptions { Targets = [server.Target], Hosts = ["a.test"] });

        Assert.DoesNotContain(withBundle.Findings, f => f.Code == FindingCodes.UntrustedChain);
        Assert.Contains(withSystemRoots.Findings, f => f.Code == FindingCodes.UntrustedChain);
    }

    [Fact]
    public async Task An_intermediate_the_server_sends_completes_the_chain_to_the_bundle_root()
    {
        var (intermediate, leaf) = IssuedThroughIntermediate("a.test");
        await using var server = SniTestServer.Start(Certificates(("a.test", leaf)), leaf, intermediates: [intermediate]);

        var report = await ProbeAsync(server, "a.test");

        Assert.Equal(leaf.Thumbprint, report.Endpoints[0].Hosts[0].Certificate?.Thumbprint);
        Assert.True(report.Passed, Describe(report));
        Assert.Empty(report.Findings);
    }

    [Fact]
    public async Task A_server_that_omits_its_intermediate_presents_an_UntrustedChain()
    {
        var (_, leaf) = IssuedThroughIntermediate("a.test");
        await using var server = SniTestServer.Start(Certificates(("a.test", leaf)), leaf);

        var report = await ProbeAsync(server, "a.test");

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingCodes.UntrustedChain, finding.Code);
        Assert.True(finding.Message.Contains("sent no intermediate", StringComparison.Ordinal), finding.Message);
    }

    [Fact]
    public async Task An_expired_certificate_is_CertificateExpired_and_not_also_untrusted()
    {
        var expired = TestCertificate.For("old.test").EcdsaKey().SignedBy(TestPki.Authority).ExpiredDaysAgo(3).Create();
        await using var server = SniTestServer.Start(Certificates(("old.test", expired)), TestPki.Default);

        var report = await ProbeAsync(server, "old.test");

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.CertificateExpired, Severity.Error, "old.test"), (finding.Code, finding.Severity, finding.HostName));
    }

    [Fact]
    public async Task A_certificate_close_to_expiry_is_a_warning_that_still_passes()
    {
        await using var server = SniTestServer.Start(Certificates(("a.test", TestPki.SiteA)), TestPki.Default);

        var report = await ProbeAsync(server, ["a.test"], o => o with { ExpiryWarningDays = 120 });

        Assert.All(report.Findings, f => Assert.Equal((FindingCodes.CertificateExpiresSoon, Severity.Warning), (f.Code, f.Severity)));
        Assert.Equal(2, report.Findings.Count); // a.test's certificate and the no-SNI default, once each
        Assert.True(report.Passed);
    }

    [Fact]
    public async Task An_endpoint_without_a_fallback_certificate_warns_SniWithoutFallback_but_passes()
    {
        await using var server = SniTestServer.Start(Certificates(("a.test", TestPki.SiteA)), defaultCertificate: null);

        var report = await ProbeAsync(server, "a.test");

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.SniWithoutFallback, Severity.Warning), (finding.Code, finding.Severity));
        Assert.Null(report.Endpoints[0].DefaultCertificate);
        Assert.True(report.Passed);
    }

    [Fact]
    public async Task A_name_the_server_has_no_certificate_for_is_HandshakeFailed()
    {
        await using var server = SniTestServer.Start(Certificates(("a.test", TestPki.SiteA)), defaultCertificate: null);

        var report = await ProbeAsync(server, ["a.test", "c.test"], o => o with { IncludeNoSni = false });

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.HandshakeFailed, "c.test"), (finding.Code, finding.HostName));
        Assert.Equal(CoverageStatus.NoCertificate, report.Endpoints[0].Hosts[1].Status);
    }

    [Fact]
    public async Task Without_sni_only_every_host_is_judged_against_the_default_certificate()
    {
        var fallback = TestPki.Signed("default.test", "a.test");
        await using var server = SniTestServer.Start(Certificates(("a.test", TestPki.SiteA), ("b.test", TestPki.SiteB)), fallback);

        var report = await ProbeAsync(server, ["a.test", "b.test"], o => o with { NoSniOnly = true });

        Assert.All(server.ServerNames, Assert.Null);
        var hosts = report.Endpoints[0].Hosts;
        Assert.All(hosts, h => Assert.Equal((false, ProbeAnalyzer.ServedByNoSni, fallback.Thumbprint), (h.Sni, h.ServedBy, h.Certificate?.Thumbprint)));
        Assert.Equal([CoverageStatus.Covered, CoverageStatus.NotCovered], hosts.Select(h => h.Status));
        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.HostNotCovered, "b.test"), (finding.Code, finding.HostName));
    }

    [Fact]
    public async Task A_closed_port_is_one_ConnectionFailed_finding_for_the_target()
    {
        var target = $"127.0.0.1:{ClosedPort()}";

        var report = await IisSslEngine.ProbeAsync(new ProbeOptions { Targets = [target], Hosts = ["a.test", "b.test"] });

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.ConnectionFailed, Severity.Error, target), (finding.Code, finding.Severity, finding.Endpoint));
        Assert.Contains("3 of 3 handshakes", finding.Message, StringComparison.Ordinal);
        Assert.All(report.Endpoints[0].Hosts, h => Assert.Equal(CoverageStatus.NoCertificate, h.Status));
        Assert.False(report.Passed);
    }

    [Fact]
    public async Task A_server_that_never_answers_is_a_Timeout_finding()
    {
        await using var server = SniTestServer.StartSilent();

        var report = await IisSslEngine.ProbeAsync(new ProbeOptions
        {
            Targets = [server.Target],
            Hosts = ["a.test"],
            IncludeNoSni = false,
            Timeout = TimeSpan.FromMilliseconds(300),
        });

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.Timeout, "a.test"), (finding.Code, finding.HostName));
        Assert.Contains("after 2 attempts", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Farm_nodes_presenting_different_certificates_for_a_host_are_InconsistentAcrossTargets()
    {
        var renewed = TestPki.Signed("a.test");
        await using var node1 = SniTestServer.Start(Certificates(("a.test", TestPki.SiteA)), TestPki.Default);
        await using var node2 = SniTestServer.Start(Certificates(("a.test", renewed)), TestPki.Default);

        var report = await IisSslEngine.ProbeAsync(new ProbeOptions
        {
            Targets = [node1.Target, node2.Target],
            Hosts = ["a.test"],
            CaBundlePath = TestPki.WriteAuthorityBundle(_temp),
        });

        Assert.Equal([node1.Target, node2.Target], report.Endpoints.Select(e => e.Endpoint));
        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.InconsistentAcrossTargets, "a.test"), (finding.Code, finding.HostName));
        Assert.Contains(renewed.Thumbprint, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_wrong_site_answering_for_a_host_is_WrongSite()
    {
        var shared = TestPki.Signed("a.test", "b.test");
        await using var server = SniTestServer.Start(
            Certificates(("a.test", shared), ("b.test", shared)),
            TestPki.Default,
            respond: host => (200, host == "b.test" ? "site:a.test" : "site:" + host));

        var report = await ProbeAsync(server, ["a.test", "b.test"], o => o with { ExpectBodyContains = "site:{host}" });

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.WrongSite, "b.test"), (finding.Code, finding.HostName));
    }

    [Fact]
    public async Task An_unexpected_status_is_WrongSite()
    {
        await using var server = SniTestServer.Start(
            Certificates(("a.test", TestPki.SiteA), ("b.test", TestPki.SiteB)),
            TestPki.Default,
            respond: host => (host == "a.test" ? 200 : 404, "x"));

        var report = await ProbeAsync(server, ["a.test", "b.test"], o => o with { ExpectStatus = 200 });

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.WrongSite, "b.test"), (finding.Code, finding.HostName));
        Assert.Contains("404", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_come_in_the_order_given_and_progress_counts_every_handshake()
    {
        var hosts = Enumerable.Range(0, 40).Select(i => $"h{i:00}.test").Reverse().ToArray();
        var wildcard = TestPki.Signed("*.test");
        await using var server = SniTestServer.Start(Certificates(), wildcard);
        var progress = new RecordingProgress();

        var report = await IisSslEngine.ProbeAsync(
            new ProbeOptions { Targets = [server.Target], Hosts = hosts, MaxConcurrency = 8, CaBundlePath = TestPki.WriteAuthorityBundle(_temp) },
            progress);

        Assert.Equal(hosts, report.Endpoints[0].Hosts.Select(h => h.HostName));
        Assert.True(report.Passed, Describe(report));
        Assert.Equal(hosts.Length + 1, progress.Reports.Count);
        Assert.All(progress.Reports, p => Assert.Equal(hosts.Length + 1, p.Total));
        Assert.Equal(Enumerable.Range(1, hosts.Length + 1), progress.Reports.Select(p => p.Completed).Order());
    }

    [Fact]
    public async Task An_ipv6_target_is_probed_in_brackets()
    {
        if (!Socket.OSSupportsIPv6)
            return;
        await using var server = SniTestServer.Start(Certificates(("a.test", TestPki.SiteA)), TestPki.Default, address: IPAddress.IPv6Loopback);

        var report = await ProbeAsync(server, "a.test");

        Assert.Equal($"[::1]:{server.Port}", report.Endpoints[0].Endpoint);
        Assert.Equal(TestPki.SiteA.Thumbprint, report.Endpoints[0].Hosts[0].Certificate?.Thumbprint);
        Assert.True(report.Passed, Describe(report));
    }

    [Fact]
    public async Task Cancelling_the_probe_stops_it_with_OperationCanceledException()
    {
        await using var server = SniTestServer.StartSilent();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            IisSslEngine.ProbeAsync(new ProbeOptions { Targets = [server.Target], Hosts = ["a.test"] }, cancellationToken: cancel.Token));
    }

    private Task<VerificationReport> ProbeAsync(SniTestServer server, params string[] hosts) => ProbeAsync(server, hosts, o => o);

    private Task<VerificationReport> ProbeAsync(SniTestServer server, string[] hosts, Func<ProbeOptions, ProbeOptions> adjust) =>
        IisSslEngine.ProbeAsync(adjust(new ProbeOptions
        {
            Targets = [server.Target],
            Hosts = hosts,
            CaBundlePath = TestPki.WriteAuthorityBundle(_temp),
        }));

    private static Dictionary<string, X509Certificate2> Certificates(
        params (string Host, X509Certificate2 Certificate)[] entries) =>
        entries.ToDictionary(e => e.Host, e => e.Certificate);

    private static (X509Certificate2 Intermediate, X509Certificate2 Leaf) IssuedThroughIntermediate(string host)
    {
        var intermediate = TestCertificate.Authority("IisSslNuke Probe Test Intermediate").EcdsaKey().SignedBy(TestPki.Authority).Create();
        return (intermediate, TestCertificate.For(host).EcdsaKey().SignedBy(intermediate).ValidFor(days: 90).Create());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string Describe(VerificationReport report) =>
        string.Join(Environment.NewLine, report.Findings.Select(f => $"{f.Code} {f.Severity} {f.HostName}: {f.Message}"));

    private sealed class RecordingProgress : IProgress<ProbeProgress>
    {
        private readonly Lock _gate = new();

        public List<ProbeProgress> Reports { get; } = [];

        public void Report(ProbeProgress value)
        {
            lock (_gate)
                Reports.Add(value);
        }
    }
}
