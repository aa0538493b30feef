using Cake.Core;
using IisSsl.Planning;
using IisSsl.TestSupport;

namespace IisSsl.Cake.Tests;

/// <summary>The alias on the seed's SAN case (samples/seed-san-certificate): both sites share 0.0.0.0:443, whose certificate is renewed.</summary>
public sealed class ReplaceSslCertificateAliasTests : IDisposable
{
    private const string Old = "E196A9544631A9129F9F34FFEA4A6BEBEB84B0FC";

    private static readonly System.Security.Cryptography.X509Certificates.X509Certificate2 Renewed =
        TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create();

    private static readonly System.Security.Cryptography.X509Certificates.X509Certificate2 V1Only =
        TestCertificate.For("sitev1.mysite.com").Create();

    private readonly TempDirectory _temp = new();
    private readonly CakeContextFixture _fixture;

    public ReplaceSslCertificateAliasTests()
    {
        _fixture = new CakeContextFixture(_temp.Path);
        File.Copy(RepositoryPaths.Sample("seed-san-certificate", "applicationHost.config"), _temp.Combine("applicationHost.config"));
        _temp.Write("sslcert.json", $$"""
            { "version": 1, "sslCertBindings": [
              { "ipport": "0.0.0.0:443", "certificateHash": "{{Old}}", "certificateStoreName": "MY", "appId": "{4dc3e181-e14b-4a21-b022-59fc669b0914}" } ] }
            """);
        _temp.CreateDirectory("certs");
        File.Copy(RepositoryPaths.Sample("seed-san-certificate", "certs", "mysite-san.cer"), _temp.Combine("certs", "old.cer"));
        CertificateFiles.WriteDer(Renewed, _temp.Combine("certs", "renewed.cer"));
        CertificateFiles.WriteDer(V1Only, _temp.Combine("certs", "v1.cer"));
    }

    public void Dispose() => _temp.Dispose();

    private void Server(ReplaceSslCertificateSettings s)
    {
        s.IisConfig = "applicationHost.config";
        s.SslCert = "sslcert.json";
        s.Certs.Add("certs");
        s.BackupDir = "backups";
    }

    [Fact]
    public void Moves_the_shared_record_to_the_new_certificate_and_a_second_run_changes_nothing()
    {
        var result = _fixture.Context.ReplaceSslCertificate(s =>
        {
            Server(s);
            s.Old = Old;
            s.New = Renewed.Thumbprint;
        });

        Assert.Equal(EnsureOutcome.Applied, result.Outcome);
        Assert.Contains(Renewed.Thumbprint, File.ReadAllText(_temp.Combine("sslcert.json")), StringComparison.Ordinal);
        Assert.Contains("netsh http update sslcert ipport=0.0.0.0:443", _fixture.Log.Text, StringComparison.Ordinal);

        var again = _fixture.Context.ReplaceSslCertificate(new ReplaceSslCertificateSettings { Old = Old, New = Renewed.Thumbprint, IisConfig = "applicationHost.config", SslCert = "sslcert.json", Certs = { "certs" } });

        Assert.Equal(EnsureOutcome.NoChanges, again.Outcome);
    }

    [Fact]
    public void A_new_certificate_missing_a_host_fails_the_task_with_exit_code_1_and_writes_nothing()
    {
        var before = File.ReadAllText(_temp.Combine("sslcert.json"));

        var error = Assert.Throws<CakeException>(() => _fixture.Context.ReplaceSslCertificate(s =>
        {
            Server(s);
            s.Old = Old;
            s.New = V1Only.Thumbprint;
        }));

        Assert.Equal(1, error.ExitCode);
        Assert.Contains("sitev2.mysite.com", _fixture.Log.Text, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(_temp.Combine("sslcert.json")));
    }

    [Fact]
    public void With_the_powershell_shell_the_logged_plan_lines_are_the_ones_powershell_runs_as_written()
    {
        var before = File.ReadAllText(_temp.Combine("sslcert.json"));

        var result = _fixture.Context.ReplaceSslCertificate(s =>
        {
            Server(s);
            s.Old = Old;
            s.New = Renewed.Thumbprint;
            s.DryRun = true;
            s.Shell = IisSsl.Execution.CommandShell.PowerShell;
        });

        Assert.Equal(EnsureOutcome.Planned, result.Outcome);
        Assert.Contains($"& netsh 'http' 'update' 'sslcert' 'ipport=0.0.0.0:443' 'certhash={Renewed.Thumbprint}'", _fixture.Log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("netsh http update", _fixture.Log.Text, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(_temp.Combine("sslcert.json")));
    }

    [Fact]
    public void Without_the_old_thumbprint_the_task_fails_with_exit_code_2()
    {
        var error = Assert.Throws<CakeException>(() => _fixture.Context.ReplaceSslCertificate(s =>
        {
            Server(s);
            s.New = Renewed.Thumbprint;
        }));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("old certificate", error.Message, StringComparison.Ordinal);
    }
}
