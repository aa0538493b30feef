using Cake.Core;
using IisSsl.TestSupport;

namespace IisSsl.Cake.Tests;

public sealed class SnapshotIisSslStateAliasTests
{
    private readonly CakeContextFixture _fixture = new(RepositoryPaths.Root);

    [Fact]
    public void Writes_a_snapshot_that_verifies_with_the_same_findings_as_the_netsh_text()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("httpsys.json");

        var result = _fixture.Context.SnapshotIisSslState(s =>
        {
            s.SslCert = "samples/seed-two-sites/sslcert.txt";
            s.Output = output;
        });

        SnapshotSchema.AssertValid(File.ReadAllText(output));
        Assert.Contains(result.Summary, _fixture.Log.Text, StringComparison.Ordinal);
        var report = _fixture.Context.VerifyCertCoverage(s =>
        {
            s.IisConfig = "samples/seed-two-sites/applicationHost.config";
            s.SslCert = output;
            s.Certs.Add("samples/seed-two-sites/certs");
            s.FailOnError = false;
        });
        Assert.Contains(report.Findings, f => f.Code == "HostNotCovered" && f.HostName == "sitev2.mysite.com");
    }

    [Fact]
    public void Without_an_output_file_the_task_fails_with_exit_code_2()
    {
        var error = Assert.Throws<CakeException>(() => _fixture.Context.SnapshotIisSslState(s => s.SslCert = "samples/seed-two-sites/sslcert.txt"));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("Output", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_netsh_file_fails_the_task_with_exit_code_2_naming_it()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<CakeException>(() => _fixture.Context.SnapshotIisSslState(s =>
        {
            s.SslCert = "samples/missing/sslcert.txt";
            s.Output = temp.Combine("httpsys.json");
        }));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("sslcert.txt", error.Message, StringComparison.Ordinal);
    }
}
