namespace IisSsl;

/// <summary>
/// What ReplaceSslCertificate works on: OLD and NEW (by thumbprint, or NEW as a PFX file to import), and the server
/// as for <see cref="EnsureOptions"/>. Exactly one of <see cref="NewThumbprint"/> and <see cref="NewPfxPath"/> is set.
/// </summary>
public sealed record ReplaceOptions
{
    /// <summary>The certificate being retired (40 hex digits; spaces and colons as the certificate MMC copies them are fine).</summary>
    public required string OldThumbprint { get; init; }

    /// <summary>The replacement, found in <see cref="CertificateFolders"/> (or, on Windows without folders, the store).</summary>
    public string? NewThumbprint { get; init; }

    /// <summary>The replacement as a PFX file, opened with the password in <see cref="PfxPasswordVariable"/> and imported on live Windows.</summary>
    public string? NewPfxPath { get; init; }

    public string? IisConfigPath { get; init; }

    /// <summary>A JSON snapshot to read and write back; saved netsh text can only be planned against; null = live HTTP.SYS on Windows.</summary>
    public string? SslCertPath { get; init; }

    public IReadOnlyList<string> CertificateFolders { get; init; } = [];

    public string? CentralCertificateStorePath { get; init; }

    /// <summary>Where timestamped backups go; null = beside the file.</summary>
    public string? BackupDirectory { get; init; }

    /// <summary>Print the plan only.</summary>
    public bool DryRun { get; init; }

    public string PfxPasswordVariable { get; init; } = VerifyOptions.DefaultPfxPasswordVariable;

    public int ExpiryWarningDays { get; init; } = 30;

    public DateTimeOffset? Now { get; init; }
}
