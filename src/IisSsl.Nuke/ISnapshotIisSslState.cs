using Nuke.Common;
using Nuke.Common.IO;
using Nuke.Common.Tooling;
using Serilog;

namespace IisSsl.Nuke;

/// <summary>
/// Target <c>SnapshotIisSslState</c>: writes HTTP.SYS's certificate bindings as the JSON snapshot (live on Windows, or
/// converted from <c>--sslcert</c> text), with <c>--iis-config</c> copied beside it and, with
/// <c>--certs-out</c>, the referenced public certificates exported, so a later VerifyCertCoverage can run on any OS.
/// Parameters <c>--iis-ssl-snapshot-output</c> (required; like every target's output file, it carries the target's
/// prefix) and <c>--certs-out</c>.
/// </summary>
public interface ISnapshotIisSslState : IHazIisSslServer
{
    /// <summary>The prefix of this target's output parameter: each target of a build writes its own file.</summary>
    public const string IisSslSnapshot = nameof(IisSslSnapshot);

    [Parameter("The JSON snapshot file to write", Name = IisSslSnapshot + "Output")]
    AbsolutePath? Output => TryGetValue(() => Output);

    [Parameter("Folder to export the referenced public certificates into (THUMBPRINT.cer, never a private key)")]
    AbsolutePath? CertsOut => TryGetValue(() => CertsOut);

    sealed Configure<SnapshotOptions> SnapshotSettingsBase => _ => _ with
    {
        SslCertPath = SslCert,
        OutputPath = Output,
        IisConfigPath = IisConfig,
        CertificateFolders = CertificateFolders,
        CertificatesOutDirectory = CertsOut,
        PfxPasswordVariable = PfxPasswordEnv,
    };

    /// <summary>Override to adjust the options after the parameters are applied.</summary>
    Configure<SnapshotOptions> SnapshotSettings => _ => _;

    Target SnapshotIisSslState => _ => _
        .Description("Writes HTTP.SYS's certificate bindings as a JSON snapshot that VerifyCertCoverage reads on any OS")
        .Requires(() => Output)
        .Executes(() =>
        {
            var result = EngineCall.Run(this, () => IisSslEngine.Snapshot(SnapshotSettings(SnapshotSettingsBase(new SnapshotOptions()))));
            Log.Information("{Summary}", result.Summary);
        });
}
