using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

/// <summary>The README's promise: <c>./build.sh VerifyCertCoverage …</c> on a fresh clone fails on the seed case and passes on its fix.</summary>
[Collection(BuildScriptCollection.Name)]
public sealed class BuildScriptTests
{
    private static Cli.Result BuildSh(params string[] args) =>
        Cli.RunProcess(RepositoryPaths.Root, "bash", [Path.Combine(RepositoryPaths.Root, "build.sh"), .. args]);

    private static string[] VerifyArgs(string sample) =>
    [
        "VerifyCertCoverage",
        "--iis-config", $"samples/{sample}/applicationHost.config",
        "--sslcert", $"samples/{sample}/sslcert.txt",
        "--certs", $"samples/{sample}/certs",
    ];

    [Fact]
    public void VerifyCertCoverage_target_fails_the_build_on_the_seed_case_naming_sitev2()
    {
        var result = BuildSh(VerifyArgs("seed-two-sites"));

        Assert.True(result.ExitCode == 1, result.Out + result.Error);
        Assert.Contains("sitev2.mysite.com", result.Out + result.Error);
    }

    [Fact]
    public void VerifyCertCoverage_target_passes_on_the_san_certificate_variant()
    {
        var result = BuildSh(VerifyArgs("seed-san-certificate"));

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
    }

    [Fact]
    public void EnsureSslHostHeaders_target_plans_the_seed_fix_with_dry_run_and_changes_nothing()
    {
        var sample = RepositoryPaths.Sample("ensure-from-http");
        var before = File.ReadAllBytes(Path.Combine(sample, "applicationHost.config"));

        var result = Cli.RunProcess(RepositoryPaths.Root, "bash",
        [
            Path.Combine(RepositoryPaths.Root, "build.sh"), "EnsureSslHostHeaders",
            "--manifest", "samples/ensure-from-http/https-san.json",
            "--iis-config", "samples/ensure-from-http/applicationHost.config",
            "--sslcert", "samples/ensure-from-http/httpsys.json",
            "--dry-run",
        ], ("IIS_SSL_PFX_PASSWORD", "sample"));

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("bindingInformation='*:443:sitev2.mysite.com'", result.Out);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(sample, "applicationHost.config")));
        Assert.False(File.Exists(Path.Combine(sample, "httpsys.json")));
    }

    [Fact]
    public void ReplaceSslCertificate_target_plans_the_renewal_of_the_seed_san_certificate_keeping_the_record_settings()
    {
        using var renewed = new TempDirectory();
        var certificate = TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create();
        CertificateFiles.WriteDer(certificate, renewed.Combine("renewed.cer"));

        var result = BuildSh(
            "ReplaceSslCertificate",
            "--iis-config", "samples/seed-san-certificate/applicationHost.config",
            "--sslcert", "samples/seed-san-certificate/sslcert.txt",
            "--certs", "samples/seed-san-certificate/certs", "--certs", renewed.Path,
            "--old", "E196A9544631A9129F9F34FFEA4A6BEBEB84B0FC", "--new", certificate.Thumbprint,
            "--dry-run");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains($"netsh http update sslcert ipport=0.0.0.0:443 certhash={certificate.Thumbprint}", result.Out);
        Assert.Contains("verifyclientcertrevocation=enable", result.Out);
        Assert.Contains("nothing was changed", result.Out);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BuildScriptCollection
{
    public const string Name = "build.sh";
}
