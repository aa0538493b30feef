using IisSsl.Reporting;
using Nuke.Common;
using Nuke.Common.IO;
using Nuke.Common.Tooling;

namespace IisSsl.Nuke;

/// <summary>
/// Target <c>VerifyCertCoverage</c>: fails the build when the certificate a client is served for an https
/// host name does not cover it. The report file: <c>--cert-coverage-format</c>, <c>--cert-coverage-output</c>.
/// </summary>
public interface IVerifyCertCoverage : IHazIisSslServer
{
    /// <summary>The prefix of this target's report parameters: each target of a build writes its own report.</summary>
    public const string CertCoverage = nameof(CertCoverage);

    [Parameter("Format of the report file: Text, Json, Junit, Sarif or Markdown (default Text)", Name = CertCoverage + "Format")]
    ReportFormat Format => TryGetValue<ReportFormat?>(() => Format) ?? ReportFormat.Text;

    [Parameter("File to write the report to", Name = CertCoverage + "Output")]
    AbsolutePath? Output => TryGetValue(() => Output);

    sealed Configure<VerifyOptions> VerifySettingsBase => _ => _ with
    {
        IisConfigPath = IisConfig,
        SslCertPath = SslCert,
        CertificateFolders = CertificateFolders,
        CentralCertificateStorePath = Ccs,
        PfxPasswordVariable = PfxPasswordEnv,
        ExpiryWarningDays = ExpiryWarningDays,
    };

    /// <summary>Override to adjust the options after the parameters are applied.</summary>
    Configure<VerifyOptions> VerifySettings => _ => _;

    Target VerifyCertCoverage => _ => _
        .Description("Verifies that every https host name is served a certificate that covers it")
        .TryAfter<IEnsureSslHostHeaders>(x => x.EnsureSslHostHeaders)
        .TryAfter<IReplaceSslCertificate>(x => x.ReplaceSslCertificate)
        .Executes(() =>
        {
            var report = EngineCall.Run(this, () => IisSslEngine.Verify(VerifySettings(VerifySettingsBase(new VerifyOptions()))));
            TargetOutcome.Publish(this, report, Format, Output);
        });
}
