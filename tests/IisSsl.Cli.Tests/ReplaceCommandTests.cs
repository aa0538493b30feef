using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

/// <summary>
/// <c>iis-ssl replace</c> on a copy of <c>samples/ensure-from-http</c> after <c>apply https-san.json</c>: both sites
/// share <c>0.0.0.0:443</c> with the SAN certificate, which is then renewed.
/// </summary>
public sealed class ReplaceCommandTests : IDisposable
{
    private static readonly X509Certificate2 Renewed = TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create();

    private readonly TempDirectory _server = new();
    private readonly string _old;

    public ReplaceCommandTests()
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

        using (var old = X509CertificateLoader.LoadPkcs12FromFile(_server.Combine("certs", "mysite-san.pfx"), "sample"))
            _old = old.Thumbprint;
        _server.CreateDirectory("renewed");
        CertificateFiles.WriteDer(Renewed, _server.Combine("renewed", "renewed.cer"));
        CertificateFiles.WritePfx(Renewed, _server.Combine("renewed.pfx"), "sample");
        var applied = Cli.Run("apply", "--manifest", _server.Combine("https-san.json"), "--config", Config, "--sslcert", HttpSys, "--certs", _server.Combine("certs"), "--backup-dir", _server.Combine("setup"));
        Assert.True(applied.ExitCode == 0, applied.Out + applied.Error);
    }

    public void Dispose() => _server.Dispose();

    private string Config => _server.Combine("applicationHost.config");

    private string HttpSys => _server.Combine("httpsys.json");

    private Cli.Result Replace(params string[] more) => Cli.Run(
    [
        "replace", "--config", Config, "--sslcert", HttpSys, "--certs", _server.Combine("certs"), "--certs", _server.Combine("renewed"),
        "--backup-dir", _server.Combine("backups"), .. more,
    ]);

    private Dictionary<string, string> Files() => Directory.GetFiles(_server.Path, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(_server.Path, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Renewing_the_shared_san_certificate_moves_its_record_and_verify_then_shows_the_new_one_on_both_hosts()
    {
        var replaced = Replace("--old", _old, "--new", Renewed.Thumbprint);

        Assert.True(replaced.ExitCode == 0, replaced.Out + replaced.Error);
        Assert.Contains($"ReplaceSslCertificate {_old} -> {Renewed.Thumbprint}: applied", replaced.Out);
        Assert.Contains($"netsh http update sslcert ipport=0.0.0.0:443 certhash={Renewed.Thumbprint}", replaced.Out);
        Assert.NotEmpty(Directory.GetFiles(_server.Combine("backups")));
        var verified = Cli.Run("verify", "--config", Config, "--sslcert", HttpSys, "--certs", _server.Combine("renewed"), "--format", "json");
        Assert.Equal(0, verified.ExitCode);
        var hosts = JsonDocument.Parse(verified.Out).RootElement.GetProperty("endpoints").EnumerateArray().SelectMany(e => e.GetProperty("hosts").EnumerateArray()).ToList();
        Assert.Equal(2, hosts.Count);
        Assert.DoesNotContain(_old, File.ReadAllText(HttpSys), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Renewed.Thumbprint, File.ReadAllText(HttpSys), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_same_replace_run_twice_changes_nothing_the_second_time()
    {
        Assert.Equal(0, Replace("--old", _old, "--new", Renewed.Thumbprint).ExitCode);
        var afterFirst = Files();

        var second = Replace("--old", _old, "--new", Renewed.Thumbprint);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"no binding or HTTP.SYS record serves {_old}: nothing to change", second.Out, StringComparison.Ordinal);
        Assert.Equal(afterFirst, Files());
    }

    [Fact]
    public void A_well_formed_thumbprint_that_nothing_serves_exits_0_saying_so_and_changes_nothing()
    {
        var before = Files();
        var unserved = string.Join(':', Enumerable.Repeat("0A", 20));

        var result = Replace("--old", unserved, "--new", Renewed.Thumbprint);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains($"no binding or HTTP.SYS record serves {string.Concat(Enumerable.Repeat("0A", 20))}: nothing to change", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, Files());
    }

    [Fact]
    public void A_thumbprint_pasted_with_spaces_and_colons_is_the_same_thumbprint()
    {
        var spaced = string.Join(' ', _old.Chunk(2).Select(pair => new string(pair)));

        var result = Replace("--old", spaced, "--new", string.Join(':', Renewed.Thumbprint.Chunk(2).Select(pair => new string(pair))), "--dry-run");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains($"netsh http update sslcert ipport=0.0.0.0:443 certhash={Renewed.Thumbprint}", result.Out);
    }

    [Fact]
    public void Shell_powershell_writes_the_netsh_lines_powershell_runs_as_written()
    {
        var result = Replace("--old", _old, "--new", Renewed.Thumbprint, "--dry-run", "--shell", "powershell");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains($"& netsh 'http' 'update' 'sslcert' 'ipport=0.0.0.0:443' 'certhash={Renewed.Thumbprint}'", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("netsh http update", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_pfx_that_misses_a_host_the_old_certificate_serves_exits_1_names_the_host_and_changes_nothing()
    {
        var before = Files();

        var refused = Replace("--old", _old, "--new-pfx", _server.Combine("certs", "sitev1-only.pfx"));

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("REFUSED", refused.Out, StringComparison.Ordinal);
        Assert.Contains("sitev2.mysite.com", refused.Out, StringComparison.Ordinal);
        Assert.Equal(before, Files());
    }

    [Fact]
    public void A_dry_run_with_a_new_pfx_prints_the_netsh_line_and_writes_nothing()
    {
        var before = Files();

        var dryRun = Replace("--old", _old.ToLowerInvariant(), "--new-pfx", _server.Combine("renewed.pfx"), "--dry-run");

        Assert.True(dryRun.ExitCode == 0, dryRun.Out + dryRun.Error);
        Assert.Contains($"netsh http update sslcert ipport=0.0.0.0:443 certhash={Renewed.Thumbprint} appid={{4dc3e181-e14b-4a21-b022-59fc669b0914}} certstorename=MY", dryRun.Out);
        Assert.Contains("nothing was changed", dryRun.Out, StringComparison.Ordinal);
        Assert.Equal(before, Files());
    }

    [Fact]
    public void The_json_report_states_the_outcome_and_each_change_with_its_command()
    {
        var result = Replace("--old", _old, "--new", Renewed.Thumbprint, "--format", "json");

        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("applied", json.GetProperty("outcome").GetString());
        Assert.True(json.GetProperty("succeeded").GetBoolean());
        var change = Assert.Single(json.GetProperty("changes").EnumerateArray().ToList());
        Assert.Equal("updateRecord", change.GetProperty("kind").GetString());
        Assert.Equal(Renewed.Thumbprint, change.GetProperty("thumbprint").GetString());
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["--old", "not-a-thumbprint", "--new", "AB"], "not-a-thumbprint" },
        { ["--old", "{old}", "--new", "12:34:5G"], "--new \"12:34:5G\" is not a certificate thumbprint" },
        { ["--old", "0123456789ABCDEF0123456789ABCDEF0123456", "--new", "{old}"], "--old \"0123456789ABCDEF0123456789ABCDEF0123456\" is not a certificate thumbprint" },
        { ["--old", "{old}", "--new-pfx", "renewed.pfx", "--shell", "bash"], "bash" },
        { ["--old", "{old}", "--new", "{old}"], "same certificate" },
        { ["--old", "{old}", "--new", "0123456789012345678901234567890123456789"], "0123456789012345678901234567890123456789" },
        { ["--old", "{old}", "--new-pfx", "missing.pfx"], "missing.pfx" },
        { ["--old", "{old}", "--new-pfx", "renewed.pfx", "--pfx-password-env", "IIS_SSL_REPLACE_TEST_WRONG_PASSWORD"], "IIS_SSL_REPLACE_TEST_WRONG_PASSWORD" },
        { ["--old", "{old}", "--new-pfx", "certs/mysite-san.pfx"], "old certificate itself" },
        { ["--old", "{old}"], "--new-pfx" },
        { ["--old", "{old}", "--new", "{old}", "--new-pfx", "renewed.pfx"], "exactly one" },
        { ["--new", "{old}"], "--old" },
        { ["--old", "{old}", "--new", "{old}", "--no-such-flag"], "--no-such-flag" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_exits_2_with_one_clear_line_and_changes_nothing(string[] args, string named)
    {
        Environment.SetEnvironmentVariable("IIS_SSL_REPLACE_TEST_WRONG_PASSWORD", "wrong");
        var before = Files();

        var result = Replace([.. args.Select(a => a == "{old}" ? _old : a.EndsWith(".pfx", StringComparison.Ordinal) ? _server.Combine(a) : a)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Files());
    }
}
