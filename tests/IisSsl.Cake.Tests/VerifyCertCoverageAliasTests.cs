using System.Text.Json;
using Cake.Core;
using IisSsl.Reporting;
using IisSsl.TestSupport;

namespace IisSsl.Cake.Tests;

public sealed class VerifyCertCoverageAliasTests
{
    private readonly CakeContextFixture _fixture = new(RepositoryPaths.Root);

    private static void SeedCase(VerifyCertCoverageSettings s, string sample)
    {
        s.IisConfig = $"samples/{sample}/applicationHost.config";
        s.SslCert = $"samples/{sample}/sslcert.txt";
        s.Certs.Add($"samples/{sample}/certs");
    }

    [Fact]
    public void Fails_the_task_with_exit_code_1_naming_the_uncovered_host()
    {
        var error = Assert.Throws<CakeException>(() => _fixture.Context.VerifyCertCoverage(s => SeedCase(s, "seed-two-sites")));

        Assert.Equal(1, error.ExitCode);
        Assert.Contains("sitev2.mysite.com", error.Message);
        Assert.Contains("HostNotCovered", error.Message);
    }

    [Fact]
    public void Logs_the_readable_report_before_failing()
    {
        Assert.Throws<CakeException>(() => _fixture.Context.VerifyCertCoverage(s => SeedCase(s, "seed-two-sites")));

        Assert.Contains("sitev1.mysite.com", _fixture.Log.Text);
        Assert.Contains("sitev2.mysite.com", _fixture.Log.Text);
    }

    [Fact]
    public void Passes_when_a_san_certificate_covers_both_hosts()
    {
        var report = _fixture.Context.VerifyCertCoverage(s => SeedCase(s, "seed-san-certificate"));

        Assert.True(report.Passed);
    }

    [Fact]
    public void Returns_the_failing_report_instead_of_throwing_when_fail_on_error_is_off()
    {
        var report = _fixture.Context.VerifyCertCoverage(s =>
        {
            SeedCase(s, "seed-two-sites");
            s.FailOnError = false;
        });

        Assert.False(report.Passed);
        Assert.Contains(report.Findings, f => f.Code == "HostNotCovered" && f.HostName == "sitev2.mysite.com");
    }

    [Fact]
    public void Bad_input_fails_the_task_with_exit_code_2_and_names_the_file()
    {
        var error = Assert.Throws<CakeException>(() => _fixture.Context.VerifyCertCoverage(s =>
        {
            SeedCase(s, "seed-two-sites");
            s.IisConfig = "samples/does-not-exist/applicationHost.config";
        }));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("does-not-exist", error.Message);
    }

    [Fact]
    public void Writes_the_report_file_in_the_requested_format()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("reports", "coverage.json");

        _fixture.Context.VerifyCertCoverage(s =>
        {
            SeedCase(s, "seed-two-sites");
            s.FailOnError = false;
            s.Format = ReportFormat.Json;
            s.Output = output;
        });

        ReportSchema.Validate(File.ReadAllText(output));
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void Relative_paths_resolve_against_the_cake_working_directory()
    {
        var fromSampleFolder = new CakeContextFixture(RepositoryPaths.Sample("seed-san-certificate"));

        var report = fromSampleFolder.Context.VerifyCertCoverage(s =>
        {
            s.IisConfig = "applicationHost.config";
            s.SslCert = "sslcert.txt";
            s.Certs.Add("certs");
        });

        Assert.True(report.Passed);
    }
}
