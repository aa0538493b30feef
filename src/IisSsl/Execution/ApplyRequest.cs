namespace IisSsl.Execution;

/// <summary>A whole-file change: <see cref="Original"/> is what was read (null = the file did not exist).</summary>
public sealed record FileChange(string Path, byte[]? Original, byte[] Updated);

/// <summary>Everything one apply writes, already computed: the executor only writes, in a safe order, and undoes on failure.</summary>
public sealed record ApplyRequest
{
    /// <summary>The file whose lock serialises writers (applicationHost.config).</summary>
    public required string LockPath { get; init; }

    public FileChange? Config { get; init; }

    /// <summary>The HTTP.SYS JSON snapshot, when HTTP.SYS is offline.</summary>
    public FileChange? Snapshot { get; init; }

    /// <summary>Live HTTP.SYS changes (additions and updates run before the config is written, deletions after).</summary>
    public IReadOnlyList<HttpSysEdit> LiveEdits { get; init; } = [];

    public IHttpSysExecutor? Executor { get; init; }

    public IReadOnlyList<CertificateImport> Imports { get; init; } = [];

    public ICertificateImporter? Importer { get; init; }

    /// <summary>Where backups go; null = beside each file.</summary>
    public string? BackupDirectory { get; init; }

    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>What apply did: <see cref="Applied"/> when every change is in effect and verified; otherwise it was undone (see messages).</summary>
public sealed record ApplyResult(bool Applied, bool LockBusy, IReadOnlyList<string> Messages, IReadOnlyList<string> Backups, string? Failure);
