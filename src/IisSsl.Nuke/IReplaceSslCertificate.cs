using IisSsl.Reporting;
using Nuke.Common;
using Nuke.Common.IO;
using Nuke.Common.Tooling;

namespace IisSsl.Nuke;

/// <summary>
/// Target <c>ReplaceSslCertificate</c>: renews a certificate everywhere, moving every HTTP.SYS record that serves the
/// old certificate to the new one, or refuses and changes nothing. Parameters <c>--replace-certificate-old</c>,
/// <c>--replace-certificate-new</c> or <c>--replace-certificate-new-pfx</c>, <c>--replace-certificate-dry-run</c>,
/// <c>--replace-certificate-backup-directory</c>, <c>--replace-certificate-format</c>, <c>--replace-certificate-output</c>.
/// </summary>
[ParameterPrefix(ReplaceCertificate)]
public interface IReplaceSslCertificate : IHazIisSslServer
{
    public const string ReplaceCertificate = nameof(ReplaceCertificate);

    [Parameter("Thumbprint of the certificate to retire")]
    string? Old => TryGetValue(() => Old);

    [Parameter("Thumbprint of the replacement, found in --certs (or the store on Windows)")]
    string? New => TryGetValue(() => New);

    [Parameter("The replacement as a PFX file (password from --pfx-password-variable or --pfx-password)")]
    AbsolutePath? NewPfx => TryGetValue(() => NewPfx);

    [Parameter("Plan only: show what would change and the predicted verification, change nothing")]
    bool DryRun => TryGetValue<bool?>(() => DryRun) ?? false;

    [Parameter("Where timestamped backups go (default: beside each file)")]
    AbsolutePath? BackupDirectory => TryGetValue(() => BackupDirectory);

    [Parameter("Format of the report file: Text, Json, Junit, Sarif or Markdown (default Text)")]
    ReportFormat Format => TryGetValue<ReportFormat?>(() => Format) ?? ReportFormat.Text;

    [Parameter("File to write the predicted or resulting verification report to")]
    AbsolutePath? Output => TryGetValue(() => Output);

    sealed Configure<ReplaceOptions> ReplaceSettingsBase => _ => _ with
    {
        NewThumbprint = New,
        NewPfxPath = NewPfx,
        IisConfigPath = IisConfig,
        SslCertPath = SslCert,
        CertificateFolders = Certs.Select(x => x.ToString()).ToArray(),
        CentralCertificateStorePath = Ccs,
        BackupDirectory = BackupDirectory,
        DryRun = DryRun,
        PfxPasswordVariable = PfxPasswordVariable,
        ExpiryWarningDays = ExpiryWarningDays,
    };

    /// <summary>Override to adjust the options after the parameters are applied.</summary>
    Configure<ReplaceOptions> ReplaceSettings => _ => _;

    Target ReplaceSslCertificate => _ => _
        .Description("Moves every HTTP.SYS certificate binding that serves the old certificate to the new one")
        .Requires(() => Old)
        .Executes(() =>
        {
            var options = ReplaceSettings(ReplaceSettingsBase(new ReplaceOptions { OldThumbprint = Old! }));
            var result = EngineCall.Run(this, () => IisSslEngine.Replace(options));
            TargetOutcome.Publish(this, result, Format, Output);
        });
}
