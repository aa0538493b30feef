namespace IisSsl;

/// <summary>
/// What <c>iis-ssl snapshot</c> captures. Paths are absolute or relative to the working directory. A null
/// <see cref="SslCertPath"/> means the live machine's HTTP.SYS (Windows only).
/// </summary>
public sealed record SnapshotOptions
{
    /// <summary>Saved <c>netsh http show sslcert</c> text or a JSON snapshot to convert; null = live HTTP.SYS.</summary>
    public string? SslCertPath { get; init; }

    /// <summary>The JSON snapshot to write; null = the host prints it.</summary>
    public string? OutputPath { get; init; }

    /// <summary>applicationHost.config to copy beside <see cref="OutputPath"/> (as <c>applicationHost.config</c>).</summary>
    public string? IisConfigPath { get; init; }

    /// <summary>Where the referenced certificates are looked up for <see cref="CertificatesOutDirectory"/>; empty on Windows = LocalMachine store.</summary>
    public IReadOnlyList<string> CertificateFolders { get; init; } = [];

    /// <summary>A folder to export the public certificates the records reference into (DER <c>THUMBPRINT.cer</c>; never a private key).</summary>
    public string? CertificatesOutDirectory { get; init; }

    public string PfxPasswordVariable { get; init; } = VerifyOptions.DefaultPfxPasswordVariable;
}
