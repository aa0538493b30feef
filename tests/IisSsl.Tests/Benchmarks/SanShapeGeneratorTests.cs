using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using IisSsl.Analysis;
using IisSsl.Benchmarks.Generator;
using IisSsl.Reporting;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Benchmarks;

/// <summary>
/// The SAN-heavy benchmark shape (issue 16): shared IPs whose one certificate lists every host on the address (about
/// 700 names), where a report that repeats a certificate's names per host grows as hosts × names.
/// </summary>
public sealed class SanShapeGeneratorTests : IDisposable
{
    private static readonly GeneratorOptions Options = new() { Sites = 400, Seed = 7, Shape = SharedCertificateShape.San };
    private readonly TempDirectory _temp = new();
    private readonly GeneratedServerState _state;

    public SanShapeGeneratorTests() => _state = ServerStateGenerator.Generate(Options, _temp.Combine("san"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_shared_ip_certificate_names_every_covered_host_on_it()
    {
        var pools = Directory.GetFiles(_state.CertificatesPath, "pool*.cer")
            .Select(path => X509CertificateLoader.LoadCertificate(File.ReadAllBytes(path)))
            .Select(c => c.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().Count())
            .ToList();

        // 360 shared sites need 3 addresses at 175 sites each (10,000 sites: 52 addresses, about 690 names each);
        // the sites are dealt round robin, 120 to each address here: 480 host names, less the uncovered ones.
        Assert.Equal(3, _state.SharedIps);
        Assert.Equal(_state.SharedIps, pools.Count);
        Assert.All(pools, names => Assert.InRange(names, 480 - _state.UncoveredHosts, 480));
        Assert.Equal(_state.HttpsBindings - (_state.SniSites * 4) - _state.UncoveredHosts, pools.Sum());
    }

    [Fact]
    public void Verify_finds_the_uncovered_and_shadowed_hosts_and_the_json_report_lists_each_name_once()
    {
        var report = IisSslEngine.Verify(new VerifyOptions
        {
            IisConfigPath = _state.ConfigPath,
            SslCertPath = _state.SslCertPath,
            CertificateFolders = [_state.CertificatesPath],
        });
        using var writer = new StringWriter();
        JsonReportRenderer.Render(report, writer);
        var json = writer.ToString();

        // Besides the uncovered hosts: one ShadowedByIpPortRecord per SNI binding (the SNI sites listen on * while every
        // shared IP has an ipport record of its own), as in the wildcard shape.
        Assert.Equal(_state.UncoveredHosts, report.Findings.Count(f => f.Code == FindingCodes.HostNotCovered));
        Assert.Equal(_state.SniSites * 4, report.Findings.Count(f => f.Code == FindingCodes.ShadowedByIpPortRecord));
        Assert.Equal(_state.UncoveredHosts + (_state.SniSites * 4), report.Findings.Count);
        ReportSchema.Validate(json);
        using var document = JsonDocument.Parse(json);
        var large = document.RootElement.GetProperty("certificates").EnumerateObject().Count(c => c.Value.GetProperty("dnsNames").GetArrayLength() > 400);
        Assert.Equal(_state.SharedIps, large);
        var inputs = new FileInfo(_state.ConfigPath).Length + new FileInfo(_state.SslCertPath).Length;
        Assert.True(json.Length < 2 * inputs, $"JSON report {json.Length} characters, inputs {inputs} bytes");
    }
}
