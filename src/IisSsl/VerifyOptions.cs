namespace IisSsl;

/// <summary>
/// What to verify. Paths are absolute or relative to the working directory. A null
/// <see cref="IisConfigPath"/>/<see cref="SslCertPath"/> means the live machine (Windows only).
/// </summary>
public sealed record VerifyOptions
{
    public const string DefaultPfxPasswordVariable = "IIS_SSL_PFX_PASSWORD";

    /// <summary>applicationHost.config; null = <c>%windir%\System32\inetsrv\config\applicationHost.config</c>.</summary>
    public string? IisConfigPath { get; init; }

    /// <summary>Saved <c>netsh http show sslcert</c> text or a JSON snapshot (<c>.json</c>); null = live HTTP.SYS.</summary>
    public string? SslCertPath { get; init; }

    /// <summary>Folders of .cer/.crt/.pem/.der/.pfx files, matched by computed thumbprint. Empty on Windows = LocalMachine store.</summary>
    public IReadOnlyList<string> CertificateFolders { get; init; } = [];

    /// <summary>A Central Certificate Store folder (<c>host.pfx</c>, <c>_.domain.pfx</c>).</summary>
    public string? CentralCertificateStorePath { get; init; }

    /// <summary>The environment variable holding the PFX password (never the password itself).</summary>
    public string PfxPasswordVariable { get; init; } = DefaultPfxPasswordVariable;

    /// <summary>Warn with <c>CertificateExpiresSoon</c> when fewer days than this remain.</summary>
    public int ExpiryWarningDays { get; init; } = 30;

    /// <summary>The moment validity is judged at; null = now. Tests pin it.</summary>
    public DateTimeOffset? Now { get; init; }
}
