using IisSsl.Execution;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Execution;

/// <summary>Backups (issue 14): written like the config itself, and a folder that cannot take one stops apply at once.</summary>
public sealed class BackupSafetyTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 24, 10, 15, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [TmpfsFact]
    public void A_full_backup_disk_fails_at_once_naming_the_folder_and_leaves_nothing_behind()
    {
        var config = _temp.Write("applicationHost.config", new string('x', 200_000));
        using var disk = TmpfsMount.Create(_temp.Combine("full"), kilobytes: 64);

        var attempt = Task.Run(() => FileBackup.Create(config, File.ReadAllBytes(config), disk.Path, Now));

        Assert.True(attempt.ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromSeconds(30)), "the backup kept retrying on a full disk");
        var error = Assert.IsType<InvalidInputException>(attempt.Exception?.InnerException);
        Assert.Contains(disk.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("No space left", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(disk.Path));
    }

    [Fact]
    public void A_backup_that_cannot_be_written_leaves_no_file_and_is_not_retried_under_other_names()
    {
        var config = _temp.Write("applicationHost.config", "<configuration/>");
        var writes = 0;
        using var fault = WriteFaults.Inject(step =>
        {
            if (step.StartsWith("write ", StringComparison.Ordinal))
            {
                writes++;
                throw new IOException("No space left on device");
            }
        });

        var error = Assert.Throws<InvalidInputException>(() => FileBackup.Create(config, File.ReadAllBytes(config), _temp.Combine("backups"), Now));

        Assert.Equal(1, writes);
        Assert.Contains(_temp.Combine("backups"), error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Combine("backups")));
    }

    [Fact]
    public void A_backup_interrupted_before_its_rename_never_exists_under_a_backup_name()
    {
        var config = _temp.Write("applicationHost.config", "<configuration/>");
        string[]? namesAtRename = null;
        using (WriteFaults.Inject(step =>
        {
            if (step.StartsWith("backup ", StringComparison.Ordinal))
            {
                namesAtRename = [.. Directory.EnumerateFiles(_temp.Combine("backups")).Select(Path.GetFileName)!];
                throw new IOException("killed");
            }
        }))
        {
            Assert.Throws<InvalidInputException>(() => FileBackup.Create(config, File.ReadAllBytes(config), _temp.Combine("backups"), Now));
        }

        // At the moment of the rename, only the flushed temp file exists; a kill there leaves no truncated ".bak".
        Assert.NotNull(namesAtRename);
        Assert.DoesNotContain(namesAtRename, n => n!.EndsWith(".bak", StringComparison.Ordinal));
        Assert.Contains(namesAtRename, n => n!.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(_temp.Combine("backups")));
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_backup_keeps_the_original_files_mode()
    {
        var config = _temp.Write("applicationHost.config", "secret");
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var backup = FileBackup.Create(config, File.ReadAllBytes(config), null, Now);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
        Assert.Equal("secret", File.ReadAllText(backup));
    }
}
