using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;

namespace IisSsl.Cake;

public static partial class IisSslAliases
{
    /// <summary>
    /// Writes HTTP.SYS's certificate bindings as the JSON snapshot (live on Windows, or converted from saved netsh text),
    /// optionally with applicationHost.config and the referenced public certificates beside it, so a later
    /// <c>VerifyCertCoverage</c> can run on any OS.
    /// </summary>
    /// <example>
    /// <code>
    /// Task("SnapshotIisSslState").Does(() => SnapshotIisSslState(s => {
    ///     s.Output = "artifacts/server/httpsys.json";
    ///     s.IisConfig = @"C:\Windows\System32\inetsrv\config\applicationHost.config";
    ///     s.CertsOut = "artifacts/server/certs";
    /// }));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("SnapshotIisSslState")]
    public static SnapshotResult SnapshotIisSslState(this ICakeContext context, Action<SnapshotIisSslStateSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var settings = new SnapshotIisSslStateSettings();
        configure(settings);
        return SnapshotIisSslState(context, settings);
    }

    /// <summary>Snapshots with explicit settings; see the overload taking a configurator.</summary>
    [CakeMethodAlias]
    [CakeAliasCategory("SnapshotIisSslState")]
    public static SnapshotResult SnapshotIisSslState(this ICakeContext context, SnapshotIisSslStateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var host = new CakeHost(context);
        if (settings.Output is null)
            throw new CakeException(CakeHost.BadInputExitCode, "SnapshotIisSslState needs Output: the file to write the snapshot to");
        var result = host.Run(() => IisSslEngine.Snapshot(new SnapshotOptions
        {
            SslCertPath = host.Resolve(settings.SslCert),
            OutputPath = host.Resolve(settings.Output),
            IisConfigPath = host.Resolve(settings.IisConfig),
            CertificateFolders = [.. settings.Certs.Select(d => host.Resolve(d)!)],
            CertificatesOutDirectory = host.Resolve(settings.CertsOut),
            PfxPasswordVariable = settings.PfxPasswordEnv,
        }));
        context.Log.Write(Verbosity.Normal, LogLevel.Information, "{0}", result.Summary);
        return result;
    }
}
