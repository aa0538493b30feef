using Cake.Core;
using Cake.Core.Annotations;
using IisSsl.Planning;

namespace IisSsl.Cake;

public static partial class IisSslAliases
{
    /// <summary>
    /// Renews a certificate everywhere: moves every HTTP.SYS record that serves the old certificate to the new one,
    /// keeping every other setting, with backups and rollback; refuses (and fails the task) when the new certificate
    /// does not cover a host the old one serves. A second run changes nothing.
    /// </summary>
    /// <example>
    /// <code>
    /// Task("ReplaceSslCertificate").Does(() => ReplaceSslCertificate(s => {
    ///     s.Old = "0A1B...";
    ///     s.NewPfx = "artifacts/renewed.pfx";
    /// }));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("ReplaceSslCertificate")]
    public static EnsureResult ReplaceSslCertificate(this ICakeContext context, Action<ReplaceSslCertificateSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var settings = new ReplaceSslCertificateSettings();
        configure(settings);
        return ReplaceSslCertificate(context, settings);
    }

    /// <summary>Replaces with explicit settings; see the overload taking a configurator.</summary>
    [CakeMethodAlias]
    [CakeAliasCategory("ReplaceSslCertificate")]
    public static EnsureResult ReplaceSslCertificate(this ICakeContext context, ReplaceSslCertificateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var host = new CakeHost(context);
        var result = host.Run(() => IisSslEngine.Replace(new ReplaceOptions
        {
            OldThumbprint = settings.Old ?? throw new InvalidInputException("ReplaceSslCertificate needs the old certificate's thumbprint (settings.Old / --old)."),
            NewThumbprint = settings.New,
            NewPfxPath = host.Resolve(settings.NewPfx),
            IisConfigPath = host.Resolve(settings.IisConfig),
            SslCertPath = host.Resolve(settings.SslCert),
            CertificateFolders = [.. settings.Certs.Select(d => host.Resolve(d)!)],
            CentralCertificateStorePath = host.Resolve(settings.Ccs),
            BackupDirectory = host.Resolve(settings.BackupDir),
            DryRun = settings.DryRun,
            PfxPasswordVariable = settings.PfxPasswordEnv,
            ExpiryWarningDays = settings.ExpiryWarningDays,
        }));

        host.Publish(result, settings, "ReplaceSslCertificate");
        return result;
    }
}
