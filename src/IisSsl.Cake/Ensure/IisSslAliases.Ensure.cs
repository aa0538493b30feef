using Cake.Core;
using Cake.Core.Annotations;
using IisSsl.Planning;

namespace IisSsl.Cake;

public static partial class IisSslAliases
{
    /// <summary>
    /// Makes the https host-header bindings and HTTP.SYS certificate bindings match a manifest, idempotently, with
    /// backups and rollback; refuses (and fails the task) when the result would leave a host name uncovered.
    /// </summary>
    /// <example>
    /// <code>
    /// Task("EnsureSslHostHeaders").Does(() => EnsureSslHostHeaders(s => {
    ///     s.Manifest = "deploy/https.json";
    ///     s.DryRun = !IsRunningOnWindows();
    /// }));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("EnsureSslHostHeaders")]
    public static EnsureResult EnsureSslHostHeaders(this ICakeContext context, Action<EnsureSslHostHeadersSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var settings = new EnsureSslHostHeadersSettings();
        configure(settings);
        return EnsureSslHostHeaders(context, settings);
    }

    /// <summary>Ensures with explicit settings; see the overload taking a configurator.</summary>
    [CakeMethodAlias]
    [CakeAliasCategory("EnsureSslHostHeaders")]
    public static EnsureResult EnsureSslHostHeaders(this ICakeContext context, EnsureSslHostHeadersSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var host = new CakeHost(context);
        var result = host.Run(() =>
        {
            var options = new EnsureOptions
            {
                ManifestPath = host.Resolve(settings.Manifest) ?? throw new InvalidInputException("EnsureSslHostHeaders needs a manifest (settings.Manifest / --manifest)."),
                IisConfigPath = host.Resolve(settings.IisConfig),
                SslCertPath = host.Resolve(settings.SslCert),
                CertificateFolders = [.. settings.Certs.Select(d => host.Resolve(d)!)],
                CentralCertificateStorePath = host.Resolve(settings.Ccs),
                BackupDirectory = host.Resolve(settings.BackupDir),
                DryRun = settings.DryRun,
                RemoveStaleBindings = settings.RemoveStale,
                PfxPasswordVariable = settings.PfxPasswordEnv,
                ExpiryWarningDays = settings.ExpiryWarningDays,
            };
            return settings.DryRun ? IisSslEngine.Plan(options) : IisSslEngine.Apply(options);
        });

        host.Publish(result, settings, "EnsureSslHostHeaders");
        return result;
    }
}
