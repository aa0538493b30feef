using Nuke.Common;
using Nuke.Common.IO;

namespace IisSsl.Nuke;

/// <summary>
/// The server the IisSsl components work on: one set of parameters (<c>--iis-config</c>, <c>--iis-ssl-cert</c>,
/// <c>--iis-certs</c>, ...) serves EnsureSslHostHeaders, VerifyCertCoverage and ProbeTlsEndpoints alike, so a
/// build verifies exactly the state it just ensured. Null paths mean the live machine (Windows only).
/// </summary>
[ParameterPrefix(Iis)]
public interface IHazIisSslServer : INukeBuild
{
    public const string Iis = nameof(Iis);

    [Parameter("applicationHost.config to read (default: the live machine's)")]
    AbsolutePath? Config => TryGetValue(() => Config);

    [Parameter("HTTP.SYS certificate bindings: saved 'netsh http show sslcert' text or a JSON snapshot (default: live HTTP.SYS)")]
    AbsolutePath? SslCert => TryGetValue(() => SslCert);

    [Parameter("Folders of .cer/.crt/.pem/.der/.pfx certificates, matched by thumbprint")]
    AbsolutePath[] Certs => TryGetValue(() => Certs) ?? [];

    [Parameter("Central Certificate Store folder")]
    AbsolutePath? Ccs => TryGetValue(() => Ccs);

    [Parameter("Environment variable holding the PFX password (default IIS_SSL_PFX_PASSWORD)")]
    string PfxPasswordVariable => TryGetValue(() => PfxPasswordVariable) ?? VerifyOptions.DefaultPfxPasswordVariable;

    [Parameter("PFX password; handed to the engine through the variable named by --iis-pfx-password-variable")]
    [Secret]
    string? PfxPassword => TryGetValue(() => PfxPassword);

    [Parameter("Warn when a certificate expires within this many days (default 30)")]
    int ExpiryWarningDays => TryGetValue<int?>(() => ExpiryWarningDays) ?? 30;
}
