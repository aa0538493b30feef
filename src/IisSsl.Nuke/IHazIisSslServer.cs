using Nuke.Common;
using Nuke.Common.IO;

namespace IisSsl.Nuke;

/// <summary>
/// The server the IisSsl components work on: one set of parameters serves EnsureSslHostHeaders,
/// VerifyCertCoverage and ProbeTlsEndpoints alike, so a build verifies exactly the state it just ensured. The names
/// are the project's one vocabulary (README, "Options"): <c>--iis-config</c>, <c>--sslcert</c>, <c>--certs</c>,
/// <c>--ccs</c>, <c>--pfx-password-env</c> as in the CLI, build.sh and the Cake settings (Nuke ignores dashes and
/// case). Null paths mean the live machine (Windows only).
/// </summary>
public interface IHazIisSslServer : INukeBuild
{
    [Parameter("applicationHost.config to read (default: the live machine's)")]
    AbsolutePath? IisConfig => TryGetValue(() => IisConfig);

    [Parameter("HTTP.SYS certificate bindings: saved 'netsh http show sslcert' text or a JSON snapshot (default: live HTTP.SYS)")]
    AbsolutePath? SslCert => TryGetValue(() => SslCert);

    // A list of folders is a string[], not an AbsolutePath[]: Nuke 10.1 reads a path parameter from .nuke/parameters.json
    // as one string, so an array there is dropped; see ParameterPaths for how relative entries are resolved.
    [Parameter("Folders of .cer/.crt/.pem/.der/.pfx certificates, matched by thumbprint")]
    string[] Certs => TryGetValue(() => Certs) ?? [];

    [Parameter("Central Certificate Store folder")]
    AbsolutePath? Ccs => TryGetValue(() => Ccs);

    [Parameter("Environment variable holding the PFX password (default IIS_SSL_PFX_PASSWORD)")]
    string PfxPasswordEnv => TryGetValue(() => PfxPasswordEnv) ?? VerifyOptions.DefaultPfxPasswordVariable;

    [Parameter("PFX password; handed to the engine through the variable named by --pfx-password-env")]
    [Secret]
    string? PfxPassword => TryGetValue(() => PfxPassword);

    [Parameter("Warn when a certificate expires within this many days (default 30)")]
    int ExpiryWarningDays => TryGetValue<int?>(() => ExpiryWarningDays) ?? 30;

    /// <summary><see cref="Certs"/> as absolute folders, each resolved from where its value came from.</summary>
    sealed string[] CertificateFolders => ParameterPaths.Resolve(this, nameof(Certs), Certs);
}
