using IisSsl.Reporting;
using Nuke.Common;
using Nuke.Common.IO;
using Nuke.Common.Tooling;

namespace IisSsl.Nuke;

/// <summary>
/// Target <c>VerifyCertCoverage</c>: fails the build when the certificate a client is served for an https
/// host name does not cover it. Parameters <c>--cert-coverage-format</c>, <c>--cert-coverage-output</c>.
/// </summary>
[ParameterPrefix(CertCoverage)]
public interface IVerifyCertCoverage : IHazIisSslServer
{
    public const string CertCoverage = nameof(CertCoverage);

    [Parameter("Format of the report file: Text, Json, Junit, Sarif or Markdown (default Text)")]
    ReportFormat Format => TryGetValue<ReportFormat?>(() => Format) ?? ReportFormat.Text;

    [Parameter("File to write the report to")]
    AbsolutePath? Output => TryGetValue(() => Output);

    sealed Configure<VerifyOptions> VerifySettingsBase => _ => _ with
    {
        IisConfigPath = IisConfig,
        SslCertPath = SslCert,
        CertificateFolders = Certs.Select(x => x.ToString()).ToArray(),
        CentralCertificateStorePath = Ccs,
        PfxPasswordVariable = PfxPasswordVariable,
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
