using Nuke.Common;
using Nuke.Common.IO;

namespace IisSsl.Nuke;

/// <summary>
/// The server the IisSsl components work on: one set of parameters serves EnsureSslHostHeaders,
/// VerifyCertCoverage and ProbeTlsEndpoints alike, so a build verifies exactly the state it just ensured. They carry
/// no prefix so that they are the same names as in every other host (<c>--iis-config</c>, <c>--sslcert</c>,
/// <c>--certs</c>, <c>--ccs</c>; Nuke ignores dashes and case). Null paths mean the live machine (Windows only).
/// </summary>
public interface IHazIisSslServer : INukeBuild
{
    [Parameter("applicationHost.config to read (default: the live machine's)")]
    AbsolutePath? IisConfig => TryGetValue(() => IisConfig);

    [Parameter("HTTP.SYS certificate bindings: saved 'netsh http show sslcert' text or a JSON snapshot (default: live HTTP.SYS)")]
    AbsolutePath? SslCert => TryGetValue(() => SslCert);

    [Parameter("Folders of .cer/.crt/.pem/.der/.pfx certificates, matched by thumbprint")]
    AbsolutePath[] Certs => TryGetValue(() => Certs) ?? [];

    [Parameter("Central Certificate Store folder")]
    AbsolutePath? Ccs => TryGetValue(() => Ccs);

    [Parameter("Environment variable holding the PFX password (default IIS_SSL_PFX_PASSWORD)")]
    string PfxPasswordVariable => TryGetValue(() => PfxPasswordVariable) ?? VerifyOptions.DefaultPfxPasswordVariable;

    [Parameter("PFX password; handed to the engine through the variable named by --pfx-password-variable")]
    [Secret]
    string? PfxPassword => TryGetValue(() => PfxPassword);

    [Parameter("Warn when a certificate expires within this many days (default 30)")]
    int ExpiryWarningDays => TryGetValue<int?>(() => ExpiryWarningDays) ?? 30;
}
