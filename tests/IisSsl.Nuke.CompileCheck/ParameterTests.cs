using System.Reflection;
using System.Text.RegularExpressions;
using IisSsl.Reporting;
using IisSsl.TestSupport;
using Nuke.Common;
using Nuke.Common.IO;

namespace IisSsl.Nuke.CompileCheck;

public sealed partial class ParameterTests
{
    private static readonly Type[] Components =
        [typeof(IHazIisSslServer), typeof(IEnsureSslHostHeaders), typeof(IReplaceSslCertificate), typeof(IVerifyCertCoverage), typeof(IProbeTlsEndpoints)];

    private static IEnumerable<PropertyInfo> ParameterMembers => Components
        .SelectMany(x => x.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(x => x.GetCustomAttribute<ParameterAttribute>() is not null);

    [Fact]
    public void Parameter_names_are_the_ones_users_put_in_parameters_json()
    {
        var names = ParameterMembers.Select(TestBuild.ParameterName).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "Ccs", "CertCoverageFormat", "CertCoverageOutput", "Certs", "ExpiryWarningDays",
                "IisConfig", "PfxPassword", "PfxPasswordVariable",
                "ReplaceCertificateBackupDirectory", "ReplaceCertificateDryRun", "ReplaceCertificateFormat", "ReplaceCertificateNew", "ReplaceCertificateNewPfx",
                "ReplaceCertificateOld", "ReplaceCertificateOutput",
                "SslCert",
                "SslHostHeadersBackupDirectory", "SslHostHeadersDryRun", "SslHostHeadersFormat", "SslHostHeadersManifest", "SslHostHeadersOutput",
                "TlsProbeCaBundle", "TlsProbeConnectAddress", "TlsProbeFormat", "TlsProbeHosts", "TlsProbeNoSni", "TlsProbeOutput", "TlsProbeTargets",
            ],
            names);
    }

    [Fact]
    public void Every_parameter_is_documented_under_its_command_line_name()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        var missing = ParameterMembers
            .Select(TestBuild.ParameterName)
            .Select(name => "--" + CamelHump().Replace(name, "-$1").ToLowerInvariant())
            .Where(option => !docs.Contains($"`{option}`", StringComparison.Ordinal));

        Assert.Empty(missing);
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
        var build = new TestBuild();
        IVerifyCertCoverage verify = build;

        var defaults = new VerifyOptions();

        var options = verify.VerifySettings(verify.VerifySettingsBase(new VerifyOptions()));

        Assert.Equal(defaults, options with { CertificateFolders = defaults.CertificateFolders });
        Assert.Empty(options.CertificateFolders);
        Assert.Equal(ReportFormat.Text, verify.Format);
        Assert.Null(verify.Output);
    }

    [Fact]
    public void Shared_server_parameters_reach_both_verify_and_ensure()
    {
        var root = Path.GetTempPath();
        var build = new TestBuild();
        build.Parameters["IisConfig"] = (AbsolutePath)Path.Combine(root, "applicationHost.config");
        build.Parameters["SslCert"] = (AbsolutePath)Path.Combine(root, "sslcert.json");
        build.Parameters["Certs"] = new AbsolutePath[] { Path.Combine(root, "certs"), Path.Combine(root, "more") };
        build.Parameters["Ccs"] = (AbsolutePath)Path.Combine(root, "ccs");
        build.Parameters["PfxPasswordVariable"] = "RELEASE_PFX";
        build.Parameters["ExpiryWarningDays"] = 14;
        build.Parameters["SslHostHeadersManifest"] = (AbsolutePath)Path.Combine(root, "manifest.json");
        build.Parameters["SslHostHeadersDryRun"] = true;
        IVerifyCertCoverage verify = build;
        IEnsureSslHostHeaders ensure = build;

        var verifyOptions = verify.VerifySettingsBase(new VerifyOptions());
        var ensureOptions = ensure.EnsureSettingsBase(new EnsureOptions { ManifestPath = ensure.Manifest! });

        Assert.Equal(Path.Combine(root, "applicationHost.config"), verifyOptions.IisConfigPath);
        Assert.Equal(Path.Combine(root, "sslcert.json"), verifyOptions.SslCertPath);
        Assert.Equal([Path.Combine(root, "certs"), Path.Combine(root, "more")], verifyOptions.CertificateFolders);
        Assert.Equal(Path.Combine(root, "ccs"), verifyOptions.CentralCertificateStorePath);
        Assert.Equal("RELEASE_PFX", verifyOptions.PfxPasswordVariable);
        Assert.Equal(14, verifyOptions.ExpiryWarningDays);
        Assert.Equal(
            (verifyOptions.IisConfigPath, verifyOptions.SslCertPath, verifyOptions.CentralCertificateStorePath, 14, "RELEASE_PFX"),
            (ensureOptions.IisConfigPath, ensureOptions.SslCertPath, ensureOptions.CentralCertificateStorePath, ensureOptions.ExpiryWarningDays, ensureOptions.PfxPasswordVariable));
        Assert.Equal(verifyOptions.CertificateFolders, ensureOptions.CertificateFolders);
        Assert.Equal(Path.Combine(root, "manifest.json"), ensureOptions.ManifestPath);
        Assert.True(ensureOptions.DryRun);
    }

    [Fact]
    public void Replace_options_take_old_and_new_with_the_shared_server_parameters()
    {
        var root = Path.GetTempPath();
        var build = new TestBuild();
        build.Parameters["IisConfig"] = (AbsolutePath)Path.Combine(root, "applicationHost.config");
        build.Parameters["SslCert"] = (AbsolutePath)Path.Combine(root, "sslcert.json");
        build.Parameters["Certs"] = new AbsolutePath[] { Path.Combine(root, "certs") };
        build.Parameters["PfxPasswordVariable"] = "RELEASE_PFX";
        build.Parameters["ReplaceCertificateOld"] = "0A1B";
        build.Parameters["ReplaceCertificateNewPfx"] = (AbsolutePath)Path.Combine(root, "renewed.pfx");
        build.Parameters["ReplaceCertificateDryRun"] = true;
        build.Parameters["ReplaceCertificateBackupDirectory"] = (AbsolutePath)Path.Combine(root, "backups");
        IReplaceSslCertificate replace = build;

        var options = replace.ReplaceSettings(replace.ReplaceSettingsBase(new ReplaceOptions { OldThumbprint = replace.Old! }));

        Assert.Equal("0A1B", options.OldThumbprint);
        Assert.Null(options.NewThumbprint);
        Assert.Equal(Path.Combine(root, "renewed.pfx"), options.NewPfxPath);
        Assert.Equal(Path.Combine(root, "applicationHost.config"), options.IisConfigPath);
        Assert.Equal(Path.Combine(root, "sslcert.json"), options.SslCertPath);
        Assert.Equal([Path.Combine(root, "certs")], options.CertificateFolders);
        Assert.Equal(Path.Combine(root, "backups"), options.BackupDirectory);
        Assert.Equal("RELEASE_PFX", options.PfxPasswordVariable);
        Assert.True(options.DryRun);
    }

    [Fact]
    public void Probe_options_take_targets_hosts_and_the_no_sni_switch()
    {
        var build = new TestBuild();
        build.Parameters["TlsProbeTargets"] = new[] { "10.0.0.5:443", "10.0.0.6:443" };
        build.Parameters["TlsProbeHosts"] = new[] { "sitev1.mysite.com" };
        build.Parameters["TlsProbeNoSni"] = true;
        IProbeTlsEndpoints probe = build;

        var options = probe.ProbeSettings(probe.ProbeSettingsBase(new ProbeOptions()));

        Assert.Equal(["10.0.0.5:443", "10.0.0.6:443"], options.Targets);
        Assert.Equal(["sitev1.mysite.com"], options.Hosts);
        Assert.True(options.NoSniOnly);
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CamelHump();
}
