using IisSsl.Reporting;
using Nuke.Common;
using Nuke.Common.IO;
using Nuke.Common.Tooling;

namespace IisSsl.Nuke;

/// <summary>
/// Target <c>EnsureSslHostHeaders</c>: makes the server's https bindings and HTTP.SYS records match the manifest,
/// or refuses and changes nothing. Parameters <c>--ssl-host-headers-manifest</c>, <c>--ssl-host-headers-dry-run</c>,
/// <c>--ssl-host-headers-backup-directory</c>, <c>--ssl-host-headers-format</c>, <c>--ssl-host-headers-output</c>.
/// </summary>
[ParameterPrefix(SslHostHeaders)]
public interface IEnsureSslHostHeaders : IHazIisSslServer
{
    public const string SslHostHeaders = nameof(SslHostHeaders);

    [Parameter("Manifest of the desired sites, host names and certificates (JSON)")]
    AbsolutePath? Manifest => TryGetValue(() => Manifest);

    [Parameter("Plan only: show what would change and the predicted verification, change nothing")]
    bool DryRun => TryGetValue<bool?>(() => DryRun) ?? false;

    [Parameter("Where timestamped backups go (default: beside each file)")]
    AbsolutePath? BackupDirectory => TryGetValue(() => BackupDirectory);

    [Parameter("Format of the report file: Text, Json, Junit, Sarif or Markdown (default Text)")]
    ReportFormat Format => TryGetValue<ReportFormat?>(() => Format) ?? ReportFormat.Text;

    [Parameter("File to write the predicted or resulting verification report to")]
    AbsolutePath? Output => TryGetValue(() => Output);

    sealed Configure<EnsureOptions> EnsureSettingsBase => _ => _ with
    {
        IisConfigPath = IisConfig,
        SslCertPath = SslCert,
        CertificateFolders = Certs.Select(x => x.ToString()).ToArray(),
        CentralCertificateStorePath = Ccs,
        BackupDirectory = BackupDirectory,
        DryRun = DryRun,
        PfxPasswordVariable = PfxPasswordVariable,
        ExpiryWarningDays = ExpiryWarningDays,
    };

    /// <summary>Override to adjust the options after the parameters are applied (e.g. RemoveStaleBindings).</summary>
    Configure<EnsureOptions> EnsureSettings => _ => _;

    Target EnsureSslHostHeaders => _ => _
        .Description("Applies the https host-header bindings and certificate bindings the manifest asks for")
        .Requires(() => Manifest)
        .Executes(() =>
        {
            var options = EnsureSettings(EnsureSettingsBase(new EnsureOptions { ManifestPath = Manifest! }));
            var result = EngineCall.Run(this, () => options.DryRun ? IisSslEngine.Plan(options) : IisSslEngine.Apply(options));
            TargetOutcome.Publish(this, result, Format, Output);
        });
}
