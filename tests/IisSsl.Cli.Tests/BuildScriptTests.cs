using System.Text.RegularExpressions;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

/// <summary>The README's promise: <c>./build.sh VerifyCertCoverage …</c> on a fresh clone fails on the seed case and passes on its fix.</summary>
[Collection(BuildScriptCollection.Name)]
public sealed partial class BuildScriptTests
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

    [Theory]
    [InlineData("PowerShell", 0, "& netsh 'http' 'add' 'sslcert' 'ipport=0.0.0.0:443'")]
    [InlineData("bash", 2, "--shell 'bash'")]
    public void EnsureSslHostHeaders_target_writes_the_plan_lines_for_the_shell_asked_for_and_refuses_an_unknown_one(string shell, int exitCode, string expected)
    {
        var result = BuildSh(
            "EnsureSslHostHeaders",
            "--manifest", "samples/ensure-from-http/https-san.json",
            "--iis-config", "samples/ensure-from-http/applicationHost.config",
            "--sslcert", "samples/ensure-from-http/httpsys.json",
            "--dry-run", "--shell", shell);

        Assert.True(result.ExitCode == exitCode, result.Out + result.Error);
        Assert.Contains(expected, result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("netsh http add sslcert", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyCertCoverage_with_a_missing_file_exits_2_naming_it()
    {
        var result = BuildSh("VerifyCertCoverage", "--iis-config", "samples/no-such-sample/applicationHost.config", "--sslcert", "samples/seed-two-sites/sslcert.txt");

        Assert.True(result.ExitCode == 2, result.Out + result.Error);
        Assert.Contains("no-such-sample", result.Out + result.Error);
    }

    [Fact]
    public void The_report_format_is_accepted_in_any_case()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("coverage.json");

        var result = BuildSh([.. VerifyArgs("seed-san-certificate"), "--format", "JSON", "--output", output]);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.StartsWith("{", File.ReadAllText(output).TrimStart(), StringComparison.Ordinal);
    }

    // Without dotnet on the PATH, anything build.sh tried to build or run would fail with 127 instead: a refusal
    // that comes back with 2 and the option's name was made before building anything.
    [Theory]
    [InlineData("--iis-confg", "samples/seed-two-sites/applicationHost.config")]
    [InlineData("--help-targets")]
    [InlineData("--manifest", "deploy/https.json")]
    public void A_mistyped_or_foreign_option_is_refused_before_anything_is_built_naming_it(string option, params string[] value)
    {
        var result = Cli.RunProcess(RepositoryPaths.Root, "/bin/bash",
            [Path.Combine(RepositoryPaths.Root, "build.sh"), "VerifyCertCoverage", option, .. value], ("PATH", "/nonexistent"));

        Assert.True(result.ExitCode == 2, result.Out + result.Error);
        Assert.Contains($"'{option}'", result.Error, StringComparison.Ordinal);
        Assert.Contains("--iis-config", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_target_is_refused_before_anything_is_built_listing_the_targets()
    {
        var result = Cli.RunProcess(RepositoryPaths.Root, "/bin/bash", [Path.Combine(RepositoryPaths.Root, "build.sh"), "VerifyCertCoverag"], ("PATH", "/nonexistent"));

        Assert.True(result.ExitCode == 2, result.Out + result.Error);
        Assert.Contains("'VerifyCertCoverag'", result.Error, StringComparison.Ordinal);
        Assert.Contains("VerifyCertCoverage", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_every_target_of_the_cake_script_with_its_options_and_examples()
    {
        var result = Cli.RunProcess(RepositoryPaths.Root, "/bin/bash", [Path.Combine(RepositoryPaths.Root, "build.sh"), "--help"], ("PATH", "/nonexistent"));

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        foreach (var task in CakeTasks())
            Assert.Contains(task, result.Out, StringComparison.Ordinal);
        foreach (var option in CakeOptions())
            Assert.Contains("--" + option, result.Out, StringComparison.Ordinal);
        Assert.Contains("VerifyCertCoverage options:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Examples:", result.Out, StringComparison.Ordinal);
        Assert.Contains("./build.sh VerifyCertCoverage --iis-config", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_targets_table_lists_exactly_the_cake_scripts_targets_and_options()
    {
        var table = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "build", "targets.txt"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToList();
        var tableTargets = table.Where(r => r[0] == "target").Select(r => r[1]).Order(StringComparer.Ordinal);
        var tableOptions = table.Where(r => r[0] == "option" && r[1] != "*").Select(r => r[2].Split(' ')[0][2..]).Order(StringComparer.Ordinal);

        Assert.Equal(CakeTasks().Order(StringComparer.Ordinal), tableTargets);
        Assert.Equal(CakeOptions().Order(StringComparer.Ordinal), tableOptions);
    }

    [Fact]
    public void The_cake_script_run_directly_refuses_an_unknown_option_with_exit_code_2()
    {
        var build = Cli.RunProcess(RepositoryPaths.Root, "dotnet",
            ["build", "src/IisSsl.Cake/IisSsl.Cake.csproj", "-c", "Release", "-o", "artifacts/cake-addin", "--nologo", "-v", "quiet"]);
        Assert.True(build.ExitCode == 0, build.Out + build.Error);

        var result = Cli.RunProcess(RepositoryPaths.Root, "dotnet", ["cake", "build/build.cake", "--target=VerifyCertCoverage", "--iis-confg=x"]);

        Assert.True(result.ExitCode == 2, result.Out + result.Error);
        Assert.Contains("--iis-confg", result.Out + result.Error, StringComparison.Ordinal);
    }

    private static string CakeScript => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "build", "build.cake"));

    private static IEnumerable<string> CakeTasks() => TaskDeclaration().Matches(CakeScript).Select(m => m.Groups[1].Value);

    // Every option the script reads: Argument(...), HasArgument(...), and its List/Flag/Number helpers.
    private static IEnumerable<string> CakeOptions() => OptionRead().Matches(CakeScript)
        .Select(m => m.Groups[1].Value)
        .Where(name => name is not ("target" or "configuration"))
        .Distinct();

    [GeneratedRegex("""Task\("([A-Za-z]+)"\)""")]
    private static partial Regex TaskDeclaration();

    [GeneratedRegex("""(?:Argument(?:<\w+>)?|HasArgument|List|Flag|Number)\("([a-z-]+)""")]
    private static partial Regex OptionRead();
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BuildScriptCollection
{
    public const string Name = "build.sh";
}
