using Cake.Core;
using Cake.Core.Annotations;

namespace IisSsl.Cake;

public static partial class IisSslAliases
{
    /// <summary>
    /// Fails the task when the certificate HTTP.SYS presents does not cover every host name bound on its IP:Port.
    /// </summary>
    /// <example>
    /// <code>
    /// Task("VerifyCertCoverage").Does(() => VerifyCertCoverage(s => {
    ///     s.IisConfig = "samples/seed-two-sites/applicationHost.config";
    ///     s.SslCert = "samples/seed-two-sites/sslcert.txt";
    ///     s.Certs.Add("samples/seed-two-sites/certs");
    /// }));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("VerifyCertCoverage")]
    public static Reporting.VerificationReport VerifyCertCoverage(this ICakeContext context, Action<VerifyCertCoverageSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var settings = new VerifyCertCoverageSettings();
        configure(settings);
        return VerifyCertCoverage(context, settings);
    }

    /// <summary>Verifies with explicit settings; see the overload taking a configurator.</summary>
    [CakeMethodAlias]
    [CakeAliasCategory("VerifyCertCoverage")]
    public static Reporting.VerificationReport VerifyCertCoverage(this ICakeContext context, VerifyCertCoverageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var host = new CakeHost(context);
        var report = host.Run(() => IisSslEngine.Verify(new VerifyOptions
        {
            IisConfigPath = host.Resolve(settings.IisConfig),
            SslCertPath = host.Resolve(settings.SslCert),
            CertificateFolders = [.. settings.Certs.Select(d => host.Resolve(d)!)],
            CentralCertificateStorePath = host.Resolve(settings.Ccs),
            PfxPasswordVariable = settings.PfxPasswordEnv,
            ExpiryWarningDays = settings.ExpiryWarningDays,
        }));
        host.Publish(report, settings, "VerifyCertCoverage");
        return report;
    }
}
