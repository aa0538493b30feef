using System.Security.Cryptography.X509Certificates;
using IisSsl.Model;
using IisSsl.Planning;
using IisSsl.Sources.HttpSys;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Planning;

/// <summary>replace on files: the seed's two sites sharing 0.0.0.0:443 with a SAN certificate that is being renewed.</summary>
public sealed class ReplaceWorkflowTests : IDisposable
{
    private const string PasswordVariable = "IIS_SSL_REPLACE_TESTS_PFX_PASSWORD";
    private const string Password = "replace-tests";

    private static readonly X509Certificate2 Old = TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create();
    private static readonly X509Certificate2 Renewed = TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create();

    private readonly TempDirectory _temp = new();

    public ReplaceWorkflowTests()
    {
        Environment.SetEnvironmentVariable(PasswordVariable, Password);
        _temp.Write("applicationHost.config", File.ReadAllText(RepositoryPaths.Sample("ensure-from-http", "applicationHost.config"))
            .Replace("<binding protocol=\"http\" bindingInformation=\"*:80:sitev1.mysite.com\" />", "<binding protocol=\"http\" bindingInformation=\"*:80:sitev1.mysite.com\" /><binding protocol=\"https\" bindingInformation=\"*:443:sitev1.mysite.com\" />", StringComparison.Ordinal)
            .Replace("<binding protocol=\"http\" bindingInformation=\"*:80:sitev2.mysite.com\" />", "<binding protocol=\"http\" bindingInformation=\"*:80:sitev2.mysite.com\" /><binding protocol=\"https\" bindingInformation=\"*:443:sitev2.mysite.com\" />", StringComparison.Ordinal));
        _temp.Write("sslcert.json", HttpSysSnapshotFormat.Serialize(new HttpSysState("sslcert.json",
            [new SslCertBinding(SslCertBindingKind.IpPort, 443, System.Net.IPAddress.Any, null, Old.Thumbprint, "MY", EnsurePlanner.IisAppId)])));
        _temp.CreateDirectory("certs");
        CertificateFiles.WriteDer(Old, _temp.Combine("certs", "old.cer"));
        CertificateFiles.WriteDer(Renewed, _temp.Combine("certs", "renewed.cer"));
        CertificateFiles.WritePfx(Renewed, _temp.Combine("renewed.pfx"), Password);
    }

    public void Dispose() => _temp.Dispose();

    private string Snapshot => _temp.Combine("sslcert.json");

    private ReplaceOptions Options() => new()
    {
        OldThumbprint = Old.Thumbprint,
        NewThumbprint = Renewed.Thumbprint,
        IisConfigPath = _temp.Combine("applicationHost.config"),
        SslCertPath = Snapshot,
        CertificateFolders = [_temp.Combine("certs")],
        PfxPasswordVariable = PasswordVariable,
        BackupDirectory = _temp.Combine("backups"),
    };

    [Fact]
    public void A_dry_run_predicts_both_paths_of_both_hosts_served_the_renewed_certificate_and_writes_nothing()
    {
        var before = File.ReadAllBytes(Snapshot);

        var result = ReplaceWorkflow.Run(Options() with { DryRun = true }, EnsureServices.Default);

        Assert.Equal(EnsureOutcome.Planned, result.Outcome);
        var served = ServedCertificate.Of(result.Plan!.Predicted);
        Assert.Equal(4, served.Count);
        Assert.All(served, p => Assert.Equal(Renewed.Thumbprint, p.Thumbprint));
        Assert.Equal(before, File.ReadAllBytes(Snapshot));
        Assert.False(Directory.Exists(_temp.Combine("backups")));
    }

    [Fact]
    public void A_replace_whose_re_read_server_still_serves_the_old_certificate_is_rolled_back()
    {
        var before = File.ReadAllBytes(Snapshot);
        var losesTheChange = EnsureServices.Default with { SerializeSnapshot = _ => File.ReadAllText(Snapshot) };

        var result = ReplaceWorkflow.Run(Options(), losesTheChange);

        Assert.Equal(EnsureOutcome.RolledBack, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Contains("sitev1.mysite.com", Assert.Single(result.Reasons), StringComparison.Ordinal);
        Assert.Contains(Old.Thumbprint, result.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Snapshot));
    }

    [Fact]
    public void A_new_certificate_from_a_pfx_file_is_applied_and_written_to_the_snapshot()
    {
        var result = ReplaceWorkflow.Run(Options() with { NewThumbprint = null, NewPfxPath = _temp.Combine("renewed.pfx"), CertificateFolders = [] }, EnsureServices.Default);

        Assert.Equal(EnsureOutcome.Applied, result.Outcome);
        var record = Assert.Single(HttpSysSnapshotFormat.Parse(File.ReadAllText(Snapshot), Snapshot).Bindings);
        Assert.Equal(Renewed.Thumbprint, record.Thumbprint);
    }

    [Fact]
    public void A_pfx_opened_with_the_wrong_password_is_bad_input_naming_the_file_and_the_variable_and_nothing_is_written()
    {
        var before = File.ReadAllBytes(Snapshot);
        Environment.SetEnvironmentVariable(PasswordVariable + "_WRONG", "not-it");

        var error = Assert.Throws<InvalidInputException>(() => ReplaceWorkflow.Run(
            Options() with { NewThumbprint = null, NewPfxPath = _temp.Combine("renewed.pfx"), PfxPasswordVariable = PasswordVariable + "_WRONG" }, EnsureServices.Default));

        Assert.Contains("renewed.pfx", error.Message, StringComparison.Ordinal);
        Assert.Contains(PasswordVariable + "_WRONG", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-it", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Snapshot));
    }

    [Fact]
    public void Saved_netsh_text_can_be_planned_against_but_not_written()
    {
        var netsh = _temp.Write("sslcert.txt", "");

        Assert.Throws<InvalidInputException>(() => ReplaceWorkflow.Run(Options() with { SslCertPath = netsh }, EnsureServices.Default));
        Assert.Equal(EnsureOutcome.NoChanges, ReplaceWorkflow.Run(Options() with { SslCertPath = netsh, DryRun = true }, EnsureServices.Default).Outcome);
    }
}
