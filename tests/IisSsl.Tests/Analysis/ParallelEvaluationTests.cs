using IisSsl.Analysis;
using IisSsl.Benchmarks.Generator;
using IisSsl.Reporting;
using IisSsl.Sources;
using IisSsl.Tests.Reporting;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Analysis;

public sealed class ParallelEvaluationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_large_server_gets_the_same_report_evaluated_on_several_cores_as_on_one()
    {
        var generated = ServerStateGenerator.Generate(new GeneratorOptions { Sites = 200, Seed = 11 }, _temp.Combine("state"));
        var state = ServerStateLoader.Load(new VerifyOptions
        {
            IisConfigPath = generated.ConfigPath,
            SslCertPath = generated.SslCertPath,
            CertificateFolders = [generated.CertificatesPath],
        });
        var options = new AnalysisOptions(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));

        var onOne = CoverageAnalyzer.Analyze(state, options, parallelFromBindings: int.MaxValue);
        var onSeveral = CoverageAnalyzer.Analyze(state, options, parallelFromBindings: 0);

        Assert.NotEmpty(onOne.Findings);
        Assert.Equal(onOne.Findings, onSeveral.Findings);
        Assert.Equal(SampleReports.Render(onOne, ReportFormat.Json), SampleReports.Render(onSeveral, ReportFormat.Json));
    }
}
