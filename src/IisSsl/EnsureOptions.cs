namespace IisSsl;

/// <summary>What EnsureSslHostHeaders (plan/apply) works on. Paths as in <see cref="VerifyOptions"/>.</summary>
public sealed record EnsureOptions
{
    /// <summary>The desired state (ARCHITECTURE.md "Manifest").</summary>
    public required string ManifestPath { get; init; }

    public string? IisConfigPath { get; init; }

    /// <summary>A JSON snapshot to read and write back (a missing file is an empty HTTP.SYS); null = live HTTP.SYS on Windows.</summary>
    public string? SslCertPath { get; init; }

    public IReadOnlyList<string> CertificateFolders { get; init; } = [];

    public string? CentralCertificateStorePath { get; init; }

    /// <summary>Where timestamped backups go; null = beside the file.</summary>
    public string? BackupDirectory { get; init; }

    /// <summary>Print the plan only (apply --dry-run, and plan).</summary>
    public bool DryRun { get; init; }

    /// <summary>Also remove https bindings of manifest sites that the manifest no longer lists.</summary>
    public bool RemoveStaleBindings { get; init; }

    public string PfxPasswordVariable { get; init; } = VerifyOptions.DefaultPfxPasswordVariable;

    public int ExpiryWarningDays { get; init; } = 30;

    public DateTimeOffset? Now { get; init; }
}
