using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Reporting;
using IisSsl.Tests.Analysis;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Reporting;

/// <summary>
/// Output is a cost too: no report may grow with hosts × certificate names. Generated shared-hosting servers (a few
/// shared IPs, each with one large SAN certificate serving every host there, one host per IP it does not cover, and
/// SNI bindings without a record) are analysed and rendered in every format; then the hosts per IP or the names per
/// certificate are doubled. The JSON report lists each name once (in <c>certificates</c>); every other format names a
/// certificate by subject and thumbprint and lists at most a few of its names.
/// </summary>
public sealed class ReportSizeTests
{
    private const int SharedIps = 3;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly ConcurrentDictionary<(int Ip, int Names), X509Certificate2> Certificates = new();

    public static TheoryData<string> Formats => ["text", "json", "junit", "sarif", "markdown", "github", "azure"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_report_grows_linearly_with_the_hosts(string format)
    {
        var small = Size(format, hostsPerIp: 20, namesPerCertificate: 120);
        var large = Size(format, hostsPerIp: 40, namesPerCertificate: 120);

        Assert.True(large <= 2.1 * small, $"{format}: {small} bytes for 20 hosts per IP, {large} for 40");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_report_other_than_json_does_not_grow_with_the_names_of_a_certificate(string format)
    {
        if (format == "json")
            return;
        var few = Size(format, hostsPerIp: 20, namesPerCertificate: 120);
        var many = Size(format, hostsPerIp: 20, namesPerCertificate: 240);

        Assert.True(many <= 1.02 * few, $"{format}: {few} bytes with 120 names per certificate, {many} with 240");
    }

    [Fact]
    public void The_json_report_lists_each_certificate_name_once_however_many_hosts_it_serves()
    {
        var growthWithFewHosts = Size("json", 20, 240) - Size("json", 20, 120);
        var growthWithManyHosts = Size("json", 40, 240) - Size("json", 40, 120);

        // 120 more names on each certificate cost the same bytes whether a certificate serves 20 hosts or 40.
        Assert.InRange(growthWithManyHosts, 0.95 * growthWithFewHosts, 1.05 * growthWithFewHosts);
        // About one indented, quoted line per added name (a 30-character name): written once, not once per host.
        Assert.True(growthWithFewHosts < SharedIps * 120 * 60, $"{growthWithFewHosts} bytes for {SharedIps * 120} more names");
    }

    [Fact]
    public void The_generated_servers_have_the_findings_whose_messages_name_certificates()
    {
        var report = Analyze(20, 120);

        Assert.Equal(SharedIps, report.Findings.Count(f => f.Code == FindingCodes.HostNotCovered));
        Assert.Equal(SharedIps * 2, report.Findings.Count(f => f.Code == FindingCodes.NoCertificateBound));
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.CertificateExpiresSoon);
        Assert.Contains(report.Findings, f => f.Message.Contains("and 110 more", StringComparison.Ordinal));
    }

    private static long Size(string format, int hostsPerIp, int namesPerCertificate)
    {
        var report = Analyze(hostsPerIp, namesPerCertificate);
        using var writer = new StringWriter();
        switch (format)
        {
            case "github":
                CiAnnotations.Write(report, writer, name => name == "GITHUB_ACTIONS" ? "true" : null);
                break;
            case "azure":
                CiAnnotations.Write(report, writer, name => name == "TF_BUILD" ? "True" : null);
                break;
            default:
                var reportFormat = Enum.Parse<ReportFormat>(format, ignoreCase: true);
                ReportRenderer.Render(report, reportFormat, writer);
                if (reportFormat == ReportFormat.Json)
                    ReportSchema.Validate(writer.ToString());
                break;
        }

        return System.Text.Encoding.UTF8.GetByteCount(writer.ToString());
    }

    private static VerificationReport Analyze(int hostsPerIp, int namesPerCertificate)
    {
        var server = new ServerBuilder();
        for (var ip = 1; ip <= SharedIps; ip++)
        {
            var address = $"10.0.0.{ip}";
            server.IpPort(address, 443, Certificate(ip, namesPerCertificate));
            var bindings = Enumerable.Range(0, hostsPerIp - 1).Select(h => ServerBuilder.Https($"{address}:443:{Name(ip, h)}"))
                .Append(ServerBuilder.Https($"{address}:443:www.customer{ip}.example"))
                .Append(ServerBuilder.Https($"*:443:sni{ip}.customer.example", SslFlags.Sni))
                .Append(ServerBuilder.Https($"*:8443:sni{ip}.customer.example", SslFlags.Sni));
            server.Site($"Shared pool {ip}", [.. bindings]);
        }

        return CoverageAnalyzer.Analyze(server.Build(), new AnalysisOptions(Now.AddDays(350)));
    }

    private static X509Certificate2 Certificate(int ip, int names) => Certificates.GetOrAdd((ip, names), key =>
        TestCertificate.For([.. Enumerable.Range(0, key.Names).Select(h => Name(key.Ip, h))]).EcdsaKey().Create());

    private static string Name(int ip, int host) => $"site{host:D4}.pool{ip}.hosting.example";
}
