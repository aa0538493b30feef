using IisSsl.Reporting;
using Nuke.Common;
using Nuke.Common.IO;
using Nuke.Common.Tooling;

namespace IisSsl.Nuke;

/// <summary>
/// Target <c>ReplaceSslCertificate</c>: renews a certificate everywhere, moving every HTTP.SYS record that serves the
/// old certificate to the new one, or refuses and changes nothing. Parameters <c>--old</c>, <c>--new</c> or
/// <c>--new-pfx</c>, the shared <c>--dry-run</c>, <c>--backup-dir</c> and <c>--shell</c>, and the report file's
/// <c>--replace-certificate-format</c> and <c>--replace-certificate-output</c>.
/// </summary>
public interface IReplaceSslCertificate : IHazIisSslChanges
{
    /// <summary>The prefix of this target's report parameters: each target of a build writes its own report.</summary>
    public const string ReplaceCertificate = nameof(ReplaceCertificate);

    [Parameter("Thumbprint of the certificate to retire")]
    string? Old => TryGetValue(() => Old);

    [Parameter("Thumbprint of the replacement, found in --certs (or the store on Windows)")]
    string? New => TryGetValue(() => New);

    [Parameter("The replacement as a PFX file (password from --pfx-password-env or --pfx-password)")]
    AbsolutePath? NewPfx => TryGetValue(() => NewPfx);

    [Parameter("Format of the report file: Text, Json, Junit, Sarif or Markdown (default Text)", Name = ReplaceCertificate + "Format")]
    ReportFormat Format => TryGetValue<ReportFormat?>(() => Format) ?? ReportFormat.Text;

    [Parameter("File to write the predicted or resulting verification report to", Name = ReplaceCertificate + "Output")]
    AbsolutePath? Output => TryGetValue(() => Output);

    sealed Configure<ReplaceOptions> ReplaceSettingsBase => _ => _ with
    {
        NewThumbprint = New,
        NewPfxPath = NewPfx,
        IisConfigPath = IisConfig,
        SslCertPath = SslCert,
        CertificateFolders = CertificateFolders,
        CentralCertificateStorePath = Ccs,
        BackupDirectory = BackupDir,
        DryRun = DryRun,
        PfxPasswordVariable = PfxPasswordEnv,
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
            TargetOutcome.Publish(this, result, Format, Output, Shell);
        });
}
