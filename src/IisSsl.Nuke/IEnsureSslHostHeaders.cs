using IisSsl.Reporting;
using Nuke.Common;
using Nuke.Common.IO;
using Nuke.Common.Tooling;

namespace IisSsl.Nuke;

/// <summary>
/// Target <c>EnsureSslHostHeaders</c>: makes the server's https bindings and HTTP.SYS records match the manifest,
/// or refuses and changes nothing. Parameters <c>--manifest</c>, <c>--remove-stale</c>, the shared <c>--dry-run</c>,
/// <c>--backup-dir</c> and <c>--shell</c>, and the report file's <c>--ssl-host-headers-format</c> and <c>--ssl-host-headers-output</c>.
/// </summary>
public interface IEnsureSslHostHeaders : IHazIisSslChanges
{
    /// <summary>The prefix of this target's report parameters: each target of a build writes its own report.</summary>
    public const string SslHostHeaders = nameof(SslHostHeaders);

    [Parameter("Manifest of the desired sites, host names and certificates (JSON)")]
    AbsolutePath? Manifest => TryGetValue(() => Manifest);

    [Parameter("Also remove https bindings of manifest sites that the manifest no longer lists")]
    bool RemoveStale => TryGetValue<bool?>(() => RemoveStale) ?? false;

    [Parameter("Format of the report file: Text, Json, Junit, Sarif or Markdown (default Text)", Name = SslHostHeaders + "Format")]
    ReportFormat Format => TryGetValue<ReportFormat?>(() => Format) ?? ReportFormat.Text;

    [Parameter("File to write the predicted or resulting verification report to", Name = SslHostHeaders + "Output")]
    AbsolutePath? Output => TryGetValue(() => Output);

    sealed Configure<EnsureOptions> EnsureSettingsBase => _ => _ with
    {
        IisConfigPath = IisConfig,
        SslCertPath = SslCert,
        CertificateFolders = CertificateFolders,
        CentralCertificateStorePath = Ccs,
        BackupDirectory = BackupDir,
        DryRun = DryRun,
        RemoveStaleBindings = RemoveStale,
        PfxPasswordVariable = PfxPasswordEnv,
        ExpiryWarningDays = ExpiryWarningDays,
    };

    /// <summary>Override to adjust the options after the parameters are applied.</summary>
    Configure<EnsureOptions> EnsureSettings => _ => _;

    Target EnsureSslHostHeaders => _ => _
        .Description("Applies the https host-header bindings and certificate bindings the manifest asks for")
        .Requires(() => Manifest)
        .Executes(() =>
        {
            var options = EnsureSettings(EnsureSettingsBase(new EnsureOptions { ManifestPath = Manifest! }));
            var result = EngineCall.Run(this, () => options.DryRun ? IisSslEngine.Plan(options) : IisSslEngine.Apply(options));
            TargetOutcome.Publish(this, result, Format, Output, Shell);
        });
}
