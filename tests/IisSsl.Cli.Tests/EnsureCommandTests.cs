using System.Security.Cryptography;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

/// <summary>
/// Issue 3's acceptance through <c>iis-ssl plan|apply</c>, on a copy of <c>samples/ensure-from-http</c>
/// (the seed's two sites with http bindings only and an empty HTTP.SYS).
/// </summary>
public sealed class EnsureCommandTests : IDisposable
{
    private readonly TempDirectory _server = new();

    public EnsureCommandTests()
    {
        // The sample PFX files are protected with the sample password "sample".
        Environment.SetEnvironmentVariable("IIS_SSL_PFX_PASSWORD", "sample");
        var sample = RepositoryPaths.Sample("ensure-from-http");
        foreach (var file in Directory.GetFiles(sample, "*", SearchOption.AllDirectories))
        {
            var target = _server.Combine(Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private string Config => _server.Combine("applicationHost.config");

    private string HttpSys => _server.Combine("httpsys.json");

    private Cli.Result Ensure(string command, string manifest, params string[] more) => Cli.Run(
    [
        command, "--manifest", _server.Combine(manifest), "--config", Config, "--sslcert", HttpSys,
        "--certs", _server.Combine("certs"), "--backup-dir", _server.Combine("backups"), .. more,
    ]);

    private Cli.Result Verify() => Cli.Run("verify", "--config", Config, "--sslcert", HttpSys, "--certs", _server.Combine("certs"));

    private Dictionary<string, string> Files() => Directory.GetFiles(_server.Path, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(_server.Path, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Apply_with_a_san_certificate_makes_verify_pass_and_backs_up_the_config()
    {
        var applied = Ensure("apply", "https-san.json");

        Assert.True(applied.ExitCode == 0, applied.Out + applied.Error);
        Assert.Contains("bindingInformation='*:443:sitev2.mysite.com'", applied.Out);
        Assert.Contains("netsh http add sslcert ipport=0.0.0.0:443", applied.Out);
        var verified = Verify();
        Assert.True(verified.ExitCode == 0, verified.Out);
        Assert.NotEmpty(Directory.GetFiles(_server.Combine("backups")));
    }

    [Fact]
    public void The_same_manifest_applied_twice_changes_nothing_the_second_time()
    {
        Assert.Equal(0, Ensure("apply", "https-san.json").ExitCode);
        var afterFirst = Files();

        var second = Ensure("apply", "https-san.json");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("no change", second.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(afterFirst, Files());
    }

    [Fact]
    public void A_certificate_for_sitev1_only_is_refused_and_nothing_changes()
    {
        var before = Files();

        var refused = Ensure("apply", "https-sitev1-only.json");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("sitev2.mysite.com", refused.Out);
        Assert.Equal(before, Files());
    }

    [Fact]
    public void Plan_and_dry_run_print_the_appcmd_and_netsh_lines_and_write_nothing()
    {
        var before = Files();

        var plan = Ensure("plan", "https-san.json");
        var dryRun = Ensure("apply", "https-san.json", "--dry-run");

        Assert.Equal((0, 0), (plan.ExitCode, dryRun.ExitCode));
        Assert.Contains("appcmd.exe set site /site.name:\"MySite V2\" /+bindings.[protocol='https',bindingInformation='*:443:sitev2.mysite.com']", plan.Out);
        Assert.Contains("netsh http add sslcert ipport=0.0.0.0:443", dryRun.Out);
        Assert.Equal(before, Files());
    }

    [Fact]
    public void Shell_powershell_prints_every_argument_as_a_literal_and_json_carries_both_forms()
    {
        var plan = Ensure("plan", "https-san.json", "--shell", "powershell");
        var json = Ensure("plan", "https-san.json", "--format", "json");

        Assert.Equal((0, 0), (plan.ExitCode, json.ExitCode));
        Assert.Contains("""& "$env:windir\system32\inetsrv\appcmd.exe" 'set' 'site' '/site.name:MySite V2' '/+bindings.[protocol=''https'',bindingInformation=''*:443:sitev2.mysite.com'']'""", plan.Out);
        Assert.Contains("& netsh 'http' 'add' 'sslcert' 'ipport=0.0.0.0:443'", plan.Out);
        Assert.Contains("'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}'", plan.Out);
        Assert.DoesNotContain("%windir%", plan.Out);
        using var document = System.Text.Json.JsonDocument.Parse(json.Out);
        Assert.All(document.RootElement.GetProperty("changes").EnumerateArray(), change =>
        {
            Assert.DoesNotContain("'", change.GetProperty("command").GetString()!.Split(' ')[0], StringComparison.Ordinal);
            Assert.StartsWith("& ", change.GetProperty("powershellCommand").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void An_unknown_shell_is_a_usage_error()
    {
        var result = Ensure("plan", "https-san.json", "--shell", "bash");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bash", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_site_listed_twice_exits_2_naming_the_second_entry()
    {
        File.WriteAllText(_server.Combine("twice.json"), """
            { "certificates": { "c": { "file": "certs/mysite-san.pfx", "passwordEnv": "IIS_SSL_PFX_PASSWORD" } },
              "sites": [ { "name": "MySite V1", "hostNames": ["sitev1.mysite.com"], "certificate": "c" },
                         { "name": "mysite v1", "hostNames": ["sitev2.mysite.com"], "certificate": "c" } ] }
            """);
        var before = Files();

        var result = Ensure("apply", "twice.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("twice.json", result.Error, StringComparison.Ordinal);
        Assert.Contains("listed twice", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Files());
    }

    [Theory]
    [InlineData("""{ "certificates": { "c": { "file": "certs/mysite-san.pfx", "passwordEnv": "IIS_SSL_PFX_PASSWORD" } }, "sites": [ { "name": "No Such Site", "hostNames": ["a.mysite.com"], "certificate": "c" } ] }""", "No Such Site")]
    [InlineData("""{ "certificates": { "c": { "file": "certs/mysite-san.pfx", "passwordEnv": "IIS_SSL_PFX_PASSWORD" } }, "sites": [ { "name": "MySite V1", "hostNames": ["bad host!"], "certificate": "c" } ] }""", "bad host!")]
    [InlineData("""{ "certificates": {}, "sites": [ { "name": "MySite V1", "hostNames": ["sitev1.mysite.com"], "certificate": "missing" } ] }""", "missing")]
    [InlineData("""{ "certificates": { "c": { "file": "certs/mysite-san.pfx", "passwordEnv": "IIS_SSL_TEST_UNSET_VARIABLE" } }, "sites": [ { "name": "MySite V1", "hostNames": ["sitev1.mysite.com"], "certificate": "c" } ] }""", "IIS_SSL_TEST_UNSET_VARIABLE")]
    [InlineData("""{ "certificates": { "c": { "file": "certs/mysite-san.pfx", "passwordEnv": "IIS_SSL_PFX_PASSWORD" } }, "sites": [ { "name": "MySite V1", "hostNames": ["sitev1.mysite.com"], "certificate": "c" }, { "name": "MySite V2", "hostNames": ["SITEV1.mysite.com"], "certificate": "c" } ] }""", "sitev1.mysite.com")]
    [InlineData("""{ "certificates": { """, "bad.json")]
    public void A_bad_manifest_exits_2_with_one_clear_line_and_changes_nothing(string manifest, string named)
    {
        File.WriteAllText(_server.Combine("bad.json"), manifest);
        var before = Files();

        var result = Ensure("apply", "bad.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(before, Files());
    }

    [Fact]
    public void The_pfx_password_never_appears_in_any_output_or_file()
    {
        const string password = "Pfx-Secret-7731";
        using (var pfx = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(_server.Combine("certs", "mysite-san.pfx"), "sample"))
            File.WriteAllBytes(_server.Combine("certs", "secret.pfx"), pfx.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, password));
        Environment.SetEnvironmentVariable("IIS_SSL_TEST_SECRET_PASSWORD", password);
        File.WriteAllText(_server.Combine("secret.json"), File.ReadAllText(_server.Combine("https-san.json"))
            .Replace("certs/mysite-san.pfx", "certs/secret.pfx", StringComparison.Ordinal)
            .Replace("IIS_SSL_PFX_PASSWORD", "IIS_SSL_TEST_SECRET_PASSWORD", StringComparison.Ordinal));

        var results = new[] { Ensure("apply", "secret.json", "--format", "json"), Ensure("plan", "secret.json"), Verify() };

        Assert.Equal(0, results[0].ExitCode);
        Assert.All(results, r => Assert.DoesNotContain(password, r.Out + r.Error, StringComparison.Ordinal));
        Assert.All(Directory.GetFiles(_server.Path, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".pfx", StringComparison.Ordinal)),
            f => Assert.DoesNotContain(password, File.ReadAllText(f), StringComparison.Ordinal));
    }

    public void Dispose() => _server.Dispose();
}
