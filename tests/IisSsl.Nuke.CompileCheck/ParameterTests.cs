using System.Reflection;
using IisSsl.Analysis;
using IisSsl.Nuke.CompileCheck.NukeReading;
using IisSsl.Reporting;
using IisSsl.TestSupport;
using Nuke.Common;
using Nuke.Common.IO;

namespace IisSsl.Nuke.CompileCheck;

/// <summary>
/// The components' parameters as a real build gets them: read from the command line, the environment and
/// .nuke/parameters.json the way Nuke 10.1 reads them (NukeReading/), not handed over ready-typed.
/// </summary>
public sealed class ParameterTests : IDisposable
{
    private static readonly Type[] Components =
    [
        typeof(IHazIisSslServer), typeof(IHazIisSslChanges), typeof(IEnsureSslHostHeaders), typeof(IReplaceSslCertificate),
        typeof(IVerifyCertCoverage), typeof(IProbeTlsEndpoints), typeof(ISnapshotIisSslState),
    ];

    private readonly TempDirectory _root = new();
    private readonly TempDirectory _workingDirectory = new();

    private static IEnumerable<PropertyInfo> ParameterMembers => Components
        .SelectMany(x => x.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(x => x.GetCustomAttribute<ParameterAttribute>() is not null);

    public void Dispose()
    {
        _root.Dispose();
        _workingDirectory.Dispose();
    }

    [Fact]
    public void Parameter_names_are_the_nuke_parameters_of_the_readme_vocabulary_table()
    {
        var names = ParameterMembers.Select(TestBuild.ParameterName).Order(StringComparer.Ordinal);
        var table = OptionVocabulary.Rows.SelectMany(r => r.NukeParameters).Order(StringComparer.Ordinal);

        Assert.Equal(table, names);
    }

    // Nuke's parameters.json reader takes the single member of a name (SingleOrDefault in
    // ArgumentsFromParametersFileAttribute): two components declaring one name would break every build using both.
    [Fact]
    public void No_two_components_declare_a_parameter_of_the_same_name()
    {
        var repeated = ParameterMembers.GroupBy(TestBuild.ParameterName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(repeated);
    }

    [Fact]
    public void Each_shared_option_is_its_nuke_parameter_on_the_command_line()
    {
        // Nuke matches "--iis-config" to IisConfig by dropping the dashes and ignoring case (ArgumentParser).
        var mismatched = OptionVocabulary.Rows
            .Where(r => r.Option is not null && r.NukeParameters.Count == 1)
            .Where(r => !r.Option!.Replace("-", "", StringComparison.Ordinal).Equals(r.NukeParameters[0], StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Option);

        Assert.Empty(mismatched);
    }

    [Fact]
    public void Only_the_pfx_password_is_a_secret()
    {
        var secrets = ParameterMembers.Where(x => x.GetCustomAttribute<SecretAttribute>() is not null).Select(x => x.Name);

        Assert.Equal(["PfxPassword"], secrets);
    }

    [Fact]
    public void Unset_parameters_fall_back_to_the_engine_defaults()
    {
        IVerifyCertCoverage verify = new TestBuild();
        var defaults = new VerifyOptions();

        var options = verify.VerifySettings(verify.VerifySettingsBase(new VerifyOptions()));

        Assert.Equal(defaults, options with { CertificateFolders = defaults.CertificateFolders });
        Assert.Empty(options.CertificateFolders);
        Assert.Equal(ReportFormat.Text, verify.Format);
        Assert.Null(verify.Output);
    }

    [Fact]
    public void Command_line_values_reach_verify_and_ensure_with_relative_paths_under_the_working_directory()
    {
        var build = Build(
        [
            "VerifyCertCoverage", "--iis-config", "server/applicationHost.config", "--sslcert", "server/sslcert.json",
            "--certs", "certs", "/abs/more", "--ccs", "ccs", "--pfx-password-env", "RELEASE_PFX", "--expiry-warning-days", "14",
            "--manifest", "manifest.json", "--dry-run", "--backup-dir", "backups", "--remove-stale", "--cert-coverage-format", "SARIF",
        ]);
        IVerifyCertCoverage verify = build;
        IEnsureSslHostHeaders ensure = build;

        var verifyOptions = verify.VerifySettingsBase(new VerifyOptions());
        var ensureOptions = ensure.EnsureSettingsBase(new EnsureOptions { ManifestPath = ensure.Manifest! });

        Assert.Equal(InWorkingDirectory("server/applicationHost.config"), verifyOptions.IisConfigPath);
        Assert.Equal(InWorkingDirectory("server/sslcert.json"), verifyOptions.SslCertPath);
        Assert.Equal([InWorkingDirectory("certs"), "/abs/more"], verifyOptions.CertificateFolders);
        Assert.Equal(InWorkingDirectory("ccs"), verifyOptions.CentralCertificateStorePath);
        Assert.Equal(("RELEASE_PFX", 14), (verifyOptions.PfxPasswordVariable, verifyOptions.ExpiryWarningDays));
        Assert.Equal(ReportFormat.Sarif, verify.Format);
        Assert.Equal(
            (verifyOptions.IisConfigPath, verifyOptions.SslCertPath, verifyOptions.CentralCertificateStorePath, 14, "RELEASE_PFX"),
            (ensureOptions.IisConfigPath, ensureOptions.SslCertPath, ensureOptions.CentralCertificateStorePath, ensureOptions.ExpiryWarningDays, ensureOptions.PfxPasswordVariable));
        Assert.Equal(verifyOptions.CertificateFolders, ensureOptions.CertificateFolders);
        Assert.Equal(InWorkingDirectory("manifest.json"), ensureOptions.ManifestPath);
        Assert.Equal(InWorkingDirectory("backups"), ensureOptions.BackupDirectory);
        Assert.True(ensureOptions.DryRun);
        Assert.True(ensureOptions.RemoveStaleBindings);
        Assert.Empty(build.Invocation.Warnings);
    }

    [Fact]
    public void Parameters_json_values_resolve_relative_paths_under_the_root_directory_and_read_arrays_as_lists()
    {
        var build = Build([], parametersJson: """
            {
              "IisConfig": "server/applicationHost.config",
              "Certs": [ "server/certs", "more" ],
              "Manifest": "manifest.json",
              "DryRun": true,
              "ExpiryWarningDays": 21,
              "CertCoverageFormat": "Sarif",
              "CertCoverageOutput": "artifacts/cert-coverage.sarif",
              "Targets": [ "10.0.0.11:443", "10.0.0.12:443" ]
            }
            """);
        IVerifyCertCoverage verify = build;
        IEnsureSslHostHeaders ensure = build;
        IProbeTlsEndpoints probe = build;

        var options = verify.VerifySettingsBase(new VerifyOptions());

        Assert.Equal(InRoot("server/applicationHost.config"), options.IisConfigPath);
        Assert.Equal([InRoot("server/certs"), InRoot("more")], options.CertificateFolders);
        Assert.Equal(21, options.ExpiryWarningDays);
        Assert.Equal(InRoot("manifest.json"), (string?)ensure.Manifest);
        Assert.True(ensure.DryRun);
        Assert.Equal((ReportFormat.Sarif, InRoot("artifacts/cert-coverage.sarif")), (verify.Format, (string?)verify.Output));
        Assert.Equal(["10.0.0.11:443", "10.0.0.12:443"], probe.Targets);
        Assert.Empty(build.Invocation.Warnings);
    }

    [Fact]
    public void The_readmes_typical_parameters_json_reads_without_a_warning_with_its_paths_under_the_root()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var example = readme[readme.IndexOf("A typical `.nuke/parameters.json`:", StringComparison.Ordinal)..];
        var json = example[(example.IndexOf("```json\n", StringComparison.Ordinal) + 8)..example.IndexOf("\n```\n", StringComparison.Ordinal)];
        var build = Build([], parametersJson: json);
        IVerifyCertCoverage verify = build;
        IEnsureSslHostHeaders ensure = build;

        var options = verify.VerifySettingsBase(new VerifyOptions());

        Assert.Equal(InRoot("server/applicationHost.config"), options.IisConfigPath);
        Assert.Equal(InRoot("server/sslcert.txt"), options.SslCertPath);
        Assert.Equal([InRoot("server/certs")], options.CertificateFolders);
        Assert.Equal(InRoot("manifest.json"), (string?)ensure.Manifest);
        Assert.Equal((ReportFormat.Sarif, InRoot("artifacts/cert-coverage.sarif")), (verify.Format, (string?)verify.Output));
        Assert.Empty(build.Invocation.Warnings);
    }

    [Fact]
    public void Environment_variables_are_read_under_nukes_names_with_relative_paths_under_the_working_directory()
    {
        var build = Build([], variables: new Dictionary<string, string> { ["IIS_CONFIG"] = "applicationHost.config", ["NUKE_CERTS"] = "certs" },
            parametersJson: """{ "Certs": [ "from-the-file" ] }""");
        IVerifyCertCoverage verify = build;

        var options = verify.VerifySettingsBase(new VerifyOptions());

        Assert.Equal(InWorkingDirectory("applicationHost.config"), options.IisConfigPath);
        Assert.Equal([InWorkingDirectory("certs")], options.CertificateFolders);
    }

    [Fact]
    public void The_command_line_wins_over_parameters_json_and_its_paths_start_at_the_working_directory()
    {
        var build = Build(["--certs", "mine"], parametersJson: """{ "Certs": [ "server/certs" ], "IisConfig": "server/applicationHost.config" }""");
        IVerifyCertCoverage verify = build;

        var options = verify.VerifySettingsBase(new VerifyOptions());

        Assert.Equal([InWorkingDirectory("mine")], options.CertificateFolders);
        Assert.Equal(InRoot("server/applicationHost.config"), options.IisConfigPath);
    }

    [Fact]
    public void A_secret_in_parameters_json_is_decrypted_as_nuke_secrets_stored_it()
    {
        var build = new TestBuild(new NukeInvocation(
            parametersJson: """{ "PfxPassword": "v1:ENCRYPTED" }""",
            decrypt: (name, value) => name == "PfxPassword" && value == "v1:ENCRYPTED" ? "s3cret" : throw new InvalidOperationException(value)));

        Assert.Equal("s3cret", ((IHazIisSslServer)build).PfxPassword);
    }

    [Fact]
    public void Replace_takes_old_and_new_with_the_server_parameters_and_the_dry_run_and_backups_ensure_takes()
    {
        var build = Build(["--iis-config", "applicationHost.config", "--sslcert", "sslcert.json", "--certs", "certs", "--pfx-password-env", "RELEASE_PFX",
            "--old", "0A1B", "--new-pfx", "renewed.pfx", "--dry-run", "--backup-dir", "backups", "--replace-certificate-format", "json"]);
        IReplaceSslCertificate replace = build;
        IEnsureSslHostHeaders ensure = build;

        var options = replace.ReplaceSettings(replace.ReplaceSettingsBase(new ReplaceOptions { OldThumbprint = replace.Old! }));

        Assert.Equal(("0A1B", (string?)null, InWorkingDirectory("renewed.pfx")), (options.OldThumbprint, options.NewThumbprint, options.NewPfxPath));
        Assert.Equal(InWorkingDirectory("applicationHost.config"), options.IisConfigPath);
        Assert.Equal(InWorkingDirectory("sslcert.json"), options.SslCertPath);
        Assert.Equal([InWorkingDirectory("certs")], options.CertificateFolders);
        Assert.Equal((InWorkingDirectory("backups"), "RELEASE_PFX", true), (options.BackupDirectory, options.PfxPasswordVariable, options.DryRun));
        Assert.Equal(ReportFormat.Json, replace.Format);
        Assert.Equal(ReportFormat.Text, ensure.Format);
        Assert.True(ensure.DryRun);
        Assert.Empty(build.Invocation.Warnings);
    }

    [Fact]
    public void Probe_options_take_targets_hosts_and_switches_from_the_command_line()
    {
        var build = Build(["--targets", "10.0.0.5:443", "10.0.0.6:443", "--hosts", "sitev1.mysite.com", "--no-sni", "--connect", "127.0.0.1",
            "--timeout", "2.5", "--concurrency", "4", "--expect-status", "200", "--expect-body", "ok", "--tls-probe-format", "junit"]);
        IProbeTlsEndpoints probe = build;

        var options = probe.ProbeSettings(probe.ProbeSettingsBase(new ProbeOptions()));

        Assert.Equal(["10.0.0.5:443", "10.0.0.6:443"], options.Targets);
        Assert.Equal(["sitev1.mysite.com"], options.Hosts);
        Assert.True(options.NoSniOnly);
        Assert.Equal(("127.0.0.1", TimeSpan.FromSeconds(2.5), 4, 200, "ok"), (options.ConnectAddress, options.Timeout, options.MaxConcurrency, options.ExpectStatus, options.ExpectBodyContains));
        Assert.Equal(ReportFormat.Junit, probe.Format);
    }

    // What issue 17 saw with Nuke.Common 10.1.0 itself: an AbsolutePath[] parameter given as a JSON array in
    // parameters.json is dropped with a warning ("Can not convert Array to String"), and given as a string it fails
    // the build with an InvalidCastException. The reader here does the same, which is why Certs is a string[].
    [Fact]
    public void The_reader_reproduces_nukes_handling_of_an_AbsolutePath_array_in_parameters_json()
    {
        IAbsolutePathArrayBuild asArray = new AbsolutePathArrayBuild(new NukeInvocation(parametersJson: """{ "Folders": [ "server/certs" ] }"""));
        Assert.Null(asArray.Folders);
        Assert.Contains(((TestBuild)asArray).Invocation.Warnings, w => w.Contains("Can not convert Array to String", StringComparison.Ordinal));

        IAbsolutePathArrayBuild asString = new AbsolutePathArrayBuild(new NukeInvocation(parametersJson: """{ "Folders": "server/certs" }"""));
        Assert.Throws<InvalidCastException>(() => asString.Folders);
    }

    [Fact]
    public void The_sample_builds_parameters_json_gives_the_readme_result_HostNotCovered_for_sitev2()
    {
        using var sample = NukeSample.Copy();
        // Run from elsewhere: parameters.json paths start at the root (the folder holding .nuke), not the working directory.
        var build = new TestBuild(new NukeInvocation([], workingDirectory: _workingDirectory.Path, parametersJson: sample.ParametersJson), sample.Path);
        IVerifyCertCoverage verify = build;

        var report = IisSslEngine.Verify(verify.VerifySettings(verify.VerifySettingsBase(new VerifyOptions())));

        Assert.Empty(build.Invocation.Warnings);
        var error = Assert.Single(report.Findings, f => f.Severity == Severity.Error);
        Assert.Equal((FindingCodes.HostNotCovered, "sitev2.mysite.com"), (error.Code, error.HostName));
    }

    private TestBuild Build(string[] commandLine, Dictionary<string, string>? variables = null, string? parametersJson = null) =>
        new(new NukeInvocation(commandLine, variables, _workingDirectory.Path, parametersJson), _root.Path);

    private string InWorkingDirectory(string relative) => Path.GetFullPath(Path.Combine(_workingDirectory.Path, relative));

    private string InRoot(string relative) => Path.GetFullPath(Path.Combine(_root.Path, relative));

    internal interface IAbsolutePathArrayBuild : INukeBuild
    {
        [Parameter("folders as an AbsolutePath[]")]
        AbsolutePath[] Folders => TryGetValue(() => Folders);
    }

    private sealed class AbsolutePathArrayBuild(NukeInvocation invocation) : TestBuild(invocation), IAbsolutePathArrayBuild;
}
