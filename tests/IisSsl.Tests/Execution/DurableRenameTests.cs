using System.Text;
using IisSsl.Execution;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Execution;

/// <summary>
/// A rename is on disk only once its folder is flushed (Unix): the config, a created file and every backup are
/// followed by a flush of their folder before the write counts as done, and a flush that fails undoes the write.
/// </summary>
public sealed class DurableRenameTests : IDisposable
{
    private static readonly byte[] Old = Encoding.UTF8.GetBytes("<configuration />\n");
    private static readonly byte[] New = Encoding.UTF8.GetBytes("<configuration><new /></configuration>\n");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_rename_is_followed_by_a_flush_of_its_folder_before_the_write_counts_as_done()
    {
        if (OperatingSystem.IsWindows())
            return; // NTFS journals renames; Windows has no folder flush
        var config = _temp.Combine("applicationHost.config");
        File.WriteAllBytes(config, Old);
        var created = _temp.Combine("sslcert.json");
        var backups = _temp.CreateDirectory("backups");
        var steps = new List<string>();
        string backup;
        using (WriteFaults.Inject(steps.Add))
        {
            AtomicFile.Replace(config, New, Old);
            AtomicFile.Replace(created, New, null);
            backup = FileBackup.Create(config, Old, backups, DateTimeOffset.UnixEpoch);
        }

        AssertFlushedBetween(steps, $"replace {config}: before rename", $"replace {config}: after rename", _temp.Path);
        AssertFlushedBetween(steps, $"write ", $"replace {created}: after rename", _temp.Path, from: steps.FindLastIndex(s => s.StartsWith($"replace {config}", StringComparison.Ordinal)));
        Assert.Equal($"sync folder {backups}", steps[^1]);
        Assert.Equal(Old, File.ReadAllBytes(backup));
    }

    [Fact]
    public void A_folder_that_cannot_be_flushed_after_the_rename_leaves_the_old_config_and_no_new_file()
    {
        if (OperatingSystem.IsWindows())
            return;
        var config = _temp.Combine("applicationHost.config");
        File.WriteAllBytes(config, Old);
        var created = _temp.Combine("sslcert.json");
        var backups = _temp.CreateDirectory("backups");
        using (WriteFaults.Inject(step =>
        {
            if (step.StartsWith("sync folder ", StringComparison.Ordinal))
                throw new IOException("injected: the folder could not be flushed");
        }))
        {
            Assert.Throws<ExecutionFailedException>(() => AtomicFile.Replace(config, New, Old));
            Assert.Throws<ExecutionFailedException>(() => AtomicFile.Replace(created, New, null));
            Assert.Throws<InvalidInputException>(() => FileBackup.Create(config, Old, backups, DateTimeOffset.UnixEpoch));
        }

        Assert.Equal(Old, File.ReadAllBytes(config));
        Assert.False(File.Exists(created));
        Assert.Empty(Directory.EnumerateFileSystemEntries(backups));
        Assert.Equal(["applicationHost.config"], Directory.EnumerateFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_that_does_not_exist_cannot_be_flushed()
    {
        if (OperatingSystem.IsWindows())
            return;
        var error = Assert.Throws<IOException>(() => DirectorySync.Of(_temp.Combine("gone", "file")));
        Assert.Contains("could not be opened", error.Message, StringComparison.Ordinal);
    }

    private static void AssertFlushedBetween(List<string> steps, string afterPrefix, string before, string folder, int from = 0)
    {
        var start = steps.FindIndex(from, s => s.StartsWith(afterPrefix, StringComparison.Ordinal));
        var end = steps.IndexOf(before);
        Assert.True(start >= 0 && end > start, string.Join("\n", steps));
        Assert.Contains($"sync folder {folder}", steps.GetRange(start, end - start));
    }
}
