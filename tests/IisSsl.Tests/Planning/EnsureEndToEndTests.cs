using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using IisSsl.Planning;
using IisSsl.Reporting;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Planning;

/// <summary>
/// plan/apply on files, from the http-only seed (samples/ensure-from-http: "MySite V1"/"MySite V2" with http bindings
/// only, no HTTP.SYS records): the acceptance cases of issue 3.
/// </summary>
public sealed class EnsureEndToEndTests : IDisposable
{
    private const string PasswordVariable = "IIS_SSL_ENSURE_TESTS_PFX_PASSWORD";
    private const string Password = "ensure-tests";

    private static readonly X509Certificate2 San = TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create();
    private static readonly X509Certificate2 V1Only = TestCertificate.For("sitev1.mysite.com").Create();
    private static readonly X509Certificate2 Renewed = TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create();

    private readonly TempDirectory _temp = new();

    public EnsureEndToEndTests()
    {
        Environment.SetEnvironmentVariable(PasswordVariable, Password);
        File.Copy(RepositoryPaths.Sample("ensure-from-http", "applicationHost.config"), ConfigPath);
        _temp.CreateDirectory("certs");
        CertificateFiles.WritePfx(San, _temp.Combine("certs", "san.pfx"), Password);
        CertificateFiles.WritePfx(V1Only, _temp.Combine("certs", "v1.pfx"), Password);
        CertificateFiles.WritePfx(Renewed, _temp.Combine("certs", "renewed.pfx"), Password);
    }

    public void Dispose() => _temp.Dispose();

    private string ConfigPath => _temp.Combine("applicationHost.config");

    private string SnapshotPath => _temp.Combine("sslcert.json");

    private string Manifest(string certificateFile, string sni = "never") => _temp.Write($"manifest-{Path.GetFileNameWithoutExtension(certificateFile)}-{sni}.json", $$"""
        {
          "certificates": { "c": { "file": "certs/{{certificateFile}}", "passwordEnv": "{{PasswordVariable}}" } },
          "sites": [
            { "name": "MySite V1", "hostNames": ["sitev1.mysite.com"], "certificate": "c", "ip": "*", "port": 443, "sni": "{{sni}}" },
            { "name": "MySite V2", "hostNames": ["sitev2.mysite.com"], "certificate": "c", "ip": "*", "port": 443, "sni": "{{sni}}" }
          ]
        }
        """);

    private EnsureOptions Options(string manifest, bool dryRun = false) => new()
    {
        ManifestPath = manifest,
        IisConfigPath = ConfigPath,
        SslCertPath = SnapshotPath,
        CertificateFolders = [_temp.Combine("certs")],
        PfxPasswordVariable = PasswordVariable,
        BackupDirectory = _temp.Combine("backups"),
        DryRun = dryRun,
    };

    private VerificationReport VerifyServer() => IisSslEngine.Verify(new VerifyOptions
    {
        IisConfigPath = ConfigPath,
        SslCertPath = SnapshotPath,
        CertificateFolders = [_temp.Combine("certs")],
        PfxPasswordVariable = PasswordVariable,
    });

    [Fact]
    public void A_san_certificate_with_sni_never_is_applied_and_the_server_then_verifies()
    {
        Assert.DoesNotContain(VerifyServer().Endpoints, e => e.Hosts.Count > 0);

        var result = IisSslEngine.Apply(Options(Manifest("san.pfx")));

        Assert.Equal(EnsureOutcome.Applied, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.True(result.After!.Passed);
        var verification = VerifyServer();
        Assert.True(verification.Passed, string.Join("\n", verification.Findings.Select(f => f.Message)));
        var hosts = verification.Endpoints.SelectMany(e => e.Hosts).ToList();
        Assert.Equal(["sitev1.mysite.com", "sitev2.mysite.com"], hosts.Select(h => h.HostName).Order());
        Assert.All(hosts, h => Assert.Equal((CoverageStatus.Covered, "ipport=0.0.0.0:443", San.Thumbprint), (h.Status, h.ServedBy, h.Certificate?.Thumbprint)));
        Assert.Single(result.Backups);
    }

    [Fact]
    public void A_certificate_for_one_host_only_with_sni_never_is_refused_and_nothing_changes()
    {
        var original = File.ReadAllBytes(ConfigPath);

        var result = IisSslEngine.Apply(Options(Manifest("v1.pfx")));

        Assert.Equal(EnsureOutcome.Refused, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Reasons, r => r.Contains("sitev2.mysite.com", StringComparison.Ordinal));
        Assert.Equal(original, File.ReadAllBytes(ConfigPath));
        Assert.False(File.Exists(SnapshotPath));
        Assert.False(Directory.Exists(_temp.Combine("backups")));
    }

    [Fact]
    public void Applying_the_same_manifest_twice_changes_nothing_the_second_time()
    {
        var manifest = Manifest("san.pfx");
        Assert.Equal(EnsureOutcome.Applied, IisSslEngine.Apply(Options(manifest)).Outcome);
        var config = File.ReadAllBytes(ConfigPath);
        var snapshot = File.ReadAllBytes(SnapshotPath);

        var second = IisSslEngine.Apply(Options(manifest));

        Assert.Equal(EnsureOutcome.NoChanges, second.Outcome);
        Assert.True(second.Succeeded);
        Assert.Empty(PlanRenderer.Changes(second.Plan!));
        Assert.Equal(config, File.ReadAllBytes(ConfigPath));
        Assert.Equal(snapshot, File.ReadAllBytes(SnapshotPath));
    }

    [Fact]
    public void Sni_always_gives_each_host_its_own_record_and_verifies()
    {
        var result = IisSslEngine.Apply(Options(Manifest("san.pfx", sni: "always")));

        Assert.Equal(EnsureOutcome.Applied, result.Outcome);
        var hosts = VerifyServer().Endpoints.SelectMany(e => e.Hosts).ToList();
        Assert.Equal(["hostnameport=sitev1.mysite.com:443", "hostnameport=sitev2.mysite.com:443"], hosts.Select(h => h.ServedBy).Order());
    }

    [Fact]
    public void A_dry_run_plans_with_the_review_commands_and_writes_nothing()
    {
        var original = File.ReadAllBytes(ConfigPath);

        var result = IisSslEngine.Apply(Options(Manifest("san.pfx"), dryRun: true));
        var text = new StringWriter();
        PlanRenderer.Render(result, ReportFormat.Text, text);

        Assert.Equal(EnsureOutcome.Planned, result.Outcome);
        Assert.Equal(original, File.ReadAllBytes(ConfigPath));
        Assert.False(File.Exists(SnapshotPath));
        Assert.Contains("appcmd.exe set site /site.name:\"MySite V1\" /+bindings.[protocol='https',bindingInformation='*:443:sitev1.mysite.com']", text.ToString(), StringComparison.Ordinal);
        Assert.Contains($"netsh http add sslcert ipport=0.0.0.0:443 certhash={San.Thumbprint} appid={{4dc3e181-e14b-4a21-b022-59fc669b0914}} certstorename=MY", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("Predicted verification: passes", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_plan_lists_each_change_with_its_command()
    {
        var result = IisSslEngine.Plan(Options(Manifest("san.pfx")));
        var json = new StringWriter();

        PlanRenderer.Render(result, ReportFormat.Json, json);

        using var document = JsonDocument.Parse(json.ToString());
        var root = document.RootElement;
        Assert.Equal("planned", root.GetProperty("outcome").GetString());
        Assert.Equal(["addRecord", "addBinding", "addBinding"], root.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        Assert.All(root.GetProperty("changes").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("command").GetString())));
        Assert.True(root.GetProperty("predicted").GetProperty("passed").GetBoolean());
        Assert.Equal(2, root.GetProperty("predicted").GetProperty("checked").GetProperty("httpsBindings").GetInt32());
        Assert.Equal(0, root.GetProperty("before").GetProperty("checked").GetProperty("httpsBindings").GetInt32());
    }

    [Fact]
    public void A_failure_at_any_apply_step_leaves_both_files_as_they_were()
    {
        var manifest = Manifest("san.pfx");
        var original = File.ReadAllBytes(ConfigPath);
        var steps = new List<string>();
        var dry = EnsureWorkflow.Run(Options(manifest), apply: true, EnsureServices.Default with { Checkpoint = steps.Add });
        Assert.Equal(EnsureOutcome.Applied, dry.Outcome);

        foreach (var failAt in steps)
        {
            File.WriteAllBytes(ConfigPath, original);
            File.Delete(SnapshotPath);
            var result = EnsureWorkflow.Run(Options(manifest), apply: true, EnsureServices.Default with
            {
                Checkpoint = step => { if (step == failAt) throw new IOException("disk full (injected at " + step + ")"); },
            });

            Assert.Equal(EnsureOutcome.RolledBack, result.Outcome);
            Assert.False(result.Succeeded);
            Assert.Equal(original, File.ReadAllBytes(ConfigPath));
            Assert.False(File.Exists(SnapshotPath), failAt);
            Assert.Contains(result.Messages, m => m.Contains("exactly as it was before apply", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Apply_rolls_back_when_the_re_read_server_still_serves_the_old_certificate()
    {
        Assert.Equal(EnsureOutcome.Applied, IisSslEngine.Apply(Options(Manifest("san.pfx"))).Outcome);
        var config = File.ReadAllBytes(ConfigPath);
        var snapshot = File.ReadAllBytes(SnapshotPath);

        // The write reaches the disk with the old thumbprint, as a netsh update that silently kept the old hash would.
        var result = EnsureWorkflow.Run(Options(Manifest("renewed.pfx")), apply: true, EnsureServices.Default with
        {
            SerializeSnapshot = state => EnsureServices.Default.SerializeSnapshot(state).Replace(Renewed.Thumbprint, San.Thumbprint, StringComparison.OrdinalIgnoreCase),
        });

        Assert.Equal(EnsureOutcome.RolledBack, result.Outcome);
        Assert.Contains(result.Reasons, r => r.Contains("post-condition", StringComparison.Ordinal) && r.Contains(San.Thumbprint, StringComparison.Ordinal));
        Assert.Equal(config, File.ReadAllBytes(ConfigPath));
        Assert.Equal(snapshot, File.ReadAllBytes(SnapshotPath));
    }

    [Fact]
    public void Renewing_a_shared_san_certificate_with_default_sni_keeps_the_bindings_shared_and_unbinds_the_old_one()
    {
        Assert.Equal(EnsureOutcome.Applied, IisSslEngine.Apply(Options(Manifest("san.pfx", sni: "auto"))).Outcome);

        var result = IisSslEngine.Apply(Options(Manifest("renewed.pfx", sni: "auto")));

        Assert.Equal(EnsureOutcome.Applied, result.Outcome);
        var verification = VerifyServer();
        Assert.True(verification.Passed);
        Assert.All(verification.Endpoints.SelectMany(e => e.Hosts), h => Assert.Equal((false, "ipport=0.0.0.0:443", Renewed.Thumbprint), (h.Sni, h.ServedBy, h.Certificate!.Thumbprint)));
        var snapshot = File.ReadAllText(SnapshotPath);
        Assert.DoesNotContain(San.Thumbprint, snapshot, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hostnameport", snapshot, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "certificates": { "c": { "file": "certs/san.pfx", "passwordEnv": "IIS_SSL_ENSURE_TESTS_PFX_PASSWORD" } }, "sites": [ { "name": "MySite V3", "hostNames": ["a.mysite.com"], "certificate": "c" } ] }""", "site \"MySite V3\" does not exist")]
    [InlineData("""{ "certificates": { "c": { "file": "certs/san.pfx", "passwordEnv": "IIS_SSL_ENSURE_TESTS_UNSET_VARIABLE" } }, "sites": [ { "name": "MySite V1", "hostNames": ["sitev1.mysite.com"], "certificate": "c" } ] }""", "IIS_SSL_ENSURE_TESTS_UNSET_VARIABLE")]
    [InlineData("""{ "certificates": { "c": { "file": "certs/absent.pfx" } }, "sites": [ { "name": "MySite V1", "hostNames": ["sitev1.mysite.com"], "certificate": "c" } ] }""", "does not exist")]
    [InlineData("""{ "certificates": { "c": { "file": "certs/san.pfx" } }, "sites": [ { "name": "MySite V1", "hostNames": ["sitev1.mysite.com"], "certificate": "c" } ] }""", "cannot be opened without a password")]
    [InlineData("""{ "sites": [ { "name": "MySite V1", "hostNames": ["sitev1.mysite.com"], "certificate": "c" ] }""", "not well-formed JSON")]
    public void A_bad_manifest_is_bad_input_and_nothing_is_written(string manifest, string expected)
    {
        var original = File.ReadAllBytes(ConfigPath);

        var error = Assert.Throws<InvalidInputException>(() => IisSslEngine.Apply(Options(_temp.Write("bad.json", manifest))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(_temp.Combine("bad.json"), error.File);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllBytes(ConfigPath));
        Assert.False(File.Exists(SnapshotPath));
    }

    [Fact]
    public void Apply_cannot_write_back_to_saved_netsh_text()
    {
        var netsh = _temp.Write("sslcert.txt", "\nSSL Certificate bindings:\n-------------------------\n\n");

        var error = Assert.Throws<InvalidInputException>(() => IisSslEngine.Apply(Options(Manifest("san.pfx")) with { SslCertPath = netsh }));

        Assert.Equal(netsh, error.File);
        Assert.Equal(EnsureOutcome.Planned, IisSslEngine.Plan(Options(Manifest("san.pfx")) with { SslCertPath = netsh }).Outcome);
    }

    [Fact]
    public void Hosts_served_from_the_central_certificate_store_verify_after_apply()
    {
        var store = _temp.CreateDirectory("ccs");
        CertificateFiles.WritePfx(V1Only, Path.Combine(store, "sitev1.mysite.com.pfx"), Password);
        CertificateFiles.WritePfx(San, Path.Combine(store, "sitev2.mysite.com.pfx"), Password);
        var manifest = _temp.Write("ccs.json", """
            { "certificates": { "ccs": { "centralCertificateStore": true } },
              "sites": [ { "name": "MySite V1", "hostNames": ["sitev1.mysite.com"], "certificate": "ccs" },
                         { "name": "MySite V2", "hostNames": ["sitev2.mysite.com"], "certificate": "ccs" } ] }
            """);

        var result = IisSslEngine.Apply(Options(manifest) with { CentralCertificateStorePath = store });

        Assert.Equal(EnsureOutcome.Applied, result.Outcome);
        var hosts = IisSslEngine.Verify(new VerifyOptions { IisConfigPath = ConfigPath, SslCertPath = SnapshotPath, CentralCertificateStorePath = store, PfxPasswordVariable = PasswordVariable })
            .Endpoints.SelectMany(e => e.Hosts).OrderBy(h => h.HostName).ToList();
        Assert.Equal([(CoverageStatus.Covered, "ccs=443", V1Only.Thumbprint), (CoverageStatus.Covered, "ccs=443", San.Thumbprint)], hosts.Select(h => (h.Status, h.ServedBy, h.Certificate?.Thumbprint)));
    }
}
