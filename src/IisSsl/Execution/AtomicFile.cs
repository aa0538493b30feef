using System.Diagnostics;
using System.Security.Cryptography;

namespace IisSsl.Execution;

/// <summary>
/// Whole-file replacement that readers never see half-done: the new bytes go to a temp file in the same folder,
/// flushed to disk and given the original's mode and owner, which then replaces the target in one rename.
/// Right before the rename the target is compared with the bytes the plan was made from, and once more right after
/// it (the displaced file must be exactly those bytes, and on Linux open for writing by nobody): an edit made by
/// someone else in between is put back, never lost. The folder is flushed after the rename, so the rename is durable.
/// </summary>
public static class AtomicFile
{
    /// <summary>Suffix of this layer's temp files (<c>.NAME.PID-GUID.tmp</c>); a dead run's leftovers are cleaned up by the next apply.</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>How long a replace waits for another process to close the replaced file before it puts it back.</summary>
    private static readonly TimeSpan WriterGrace = TimeSpan.FromSeconds(1);

    /// <summary>The file's bytes, or null when it does not exist.</summary>
    public static byte[]? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    public static bool SameBytes(byte[]? a, byte[]? b) =>
        a is null || b is null ? a is null && b is null : SHA256.HashData(a).AsSpan().SequenceEqual(SHA256.HashData(b));

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> if it still holds <paramref name="expected"/> (null = still absent).</summary>
    /// <exception cref="ExecutionFailedException">The file changed since it was read, or could not be written.</exception>
    public static void Replace(string path, byte[] content, byte[]? expected)
    {
        var full = Path.GetFullPath(path);
        var temp = TempPath(full);
        try
        {
            WriteDurably(temp, content);
            if (expected is not null)
                FileMetadata.CopyUnixModeAndOwner(full, temp, ownerRequired: true);
            WriteFaults.At($"replace {full}: before re-check");
            EnsureUnchanged(full, expected);
            if (expected is null)
                Create(full, temp, content);
            else
                ReplaceChecked(full, temp, expected, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExecutionFailedException($"{full} could not be written: {e.Message}", e);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void Create(string full, string temp, byte[] content)
    {
        File.Move(temp, full, overwrite: false); // link + unlink on Unix: fails instead of replacing a file that just appeared
        try
        {
            DirectorySync.Of(full);
            WriteFaults.At($"replace {full}: after rename");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Delete(full, content);
            throw new ExecutionFailedException($"{full} could not be created for good ({e.Message}); it was removed again", e);
        }
    }

    /// <summary>Deletes <paramref name="path"/> if it still holds <paramref name="expected"/> (undoes creating a file).</summary>
    public static void Delete(string path, byte[] expected)
    {
        EnsureUnchanged(path, expected);
        File.Delete(path);
    }

    /// <summary>Creates <paramref name="path"/> (which must not exist) with <paramref name="content"/>, flushed to disk.</summary>
    internal static void WriteDurably(string path, byte[] content)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        WriteFaults.At($"write {path}");
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    internal static string TempPath(string fullPath) =>
        Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}-{Guid.NewGuid():N}{TempSuffix}");

    /// <summary>
    /// Renames <paramref name="temp"/> over <paramref name="full"/>, keeping the displaced file under a side name
    /// (a hard link on Unix: writes through a handle opened before the rename land in it too). The replace stands only
    /// when the displaced file is exactly <paramref name="expected"/> and, where the system can say (Linux), nobody
    /// still holds it open for writing (a later write through such a handle would land in a file nobody reads).
    /// Otherwise the displaced file goes back, and with it every edit made to it.
    /// </summary>
    private static void ReplaceChecked(string full, string temp, byte[] expected, byte[] content)
    {
        var displaced = Path.ChangeExtension(TempPath(full), ".displaced" + TempSuffix);
        try
        {
            WriteFaults.At($"replace {full}: before rename");
            File.Replace(temp, full, displaced, ignoreMetadataErrors: true);
            string? problem;
            try
            {
                WriteFaults.At($"replace {full}: before displaced check");
                problem = ProblemWithDisplaced(displaced, expected);
                if (problem is null)
                {
                    DirectorySync.Of(full);
                    WriteFaults.At($"replace {full}: after rename");
                    return;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = $"the replace could not be finished ({e.Message})";
            }

            var kept = PutBack(full, displaced, content);
            throw new ExecutionFailedException($"{full}: {problem}; the file as it was on disk was put back and nothing of this run was written to it{kept}. Run again to plan against the new content.");
        }
        finally
        {
            File.Delete(displaced);
        }
    }

    /// <summary>Why the displaced file may hold (or still receive) someone else's edit; null when it is exactly <paramref name="expected"/> for good.</summary>
    private static string? ProblemWithDisplaced(string displaced, byte[] expected)
    {
        using var stream = new FileStream(displaced, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (WritersAfterGrace(stream) == OpenWriterState.Open)
            return $"another process held it open for writing while it was being replaced (still after {WriterGrace.TotalSeconds:0} s), so an edit of theirs could still land in it";

        // From here on only this run knows the displaced name, so nobody can open it anew for writing.
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return SameBytes(bytes, expected) ? null : "it changed on disk while it was being replaced";
    }

    /// <summary>
    /// Whether the file of <paramref name="stream"/> is open for writing, waiting up to <see cref="WriterGrace"/> for
    /// writers to close it: a writer that is just finishing, or a child process another thread of this process is
    /// starting (it holds copies of this process's handles until it runs its program).
    /// </summary>
    private static OpenWriterState WritersAfterGrace(FileStream stream)
    {
        var waited = Stopwatch.StartNew();
        var writers = OpenWriters.Of(stream.SafeFileHandle);
        while (writers == OpenWriterState.Open && waited.Elapsed < WriterGrace)
        {
            WriteFaults.At($"waiting for writers of {stream.Name}");
            Thread.Sleep(10);
            writers = OpenWriters.Of(stream.SafeFileHandle);
        }

        return writers;
    }

    /// <summary>
    /// Puts <paramref name="displaced"/> back at <paramref name="full"/>. Where names can be swapped in one step, the
    /// file it displaces in turn (this run's) is checked too: one that someone edited meanwhile is kept and named.
    /// </summary>
    private static string PutBack(string full, string displaced, byte[] content)
    {
        if (!RenameExchange.TrySwap(displaced, full))
        {
            File.Move(displaced, full, overwrite: true);
            DirectorySync.Of(full);
            return "";
        }

        DirectorySync.Of(full);
        using (var ours = new FileStream(displaced, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            var bytes = new byte[ours.Length];
            ours.ReadExactly(bytes);
            if (SameBytes(bytes, content) && WritersAfterGrace(ours) != OpenWriterState.Open)
                return "";
        }

        var conflict = $"{full}.iis-ssl-conflict-{Environment.ProcessId}-{Guid.NewGuid():N}";
        File.Move(displaced, conflict);
        DirectorySync.Of(full);
        return $" (the file this run had written was edited by someone meanwhile: it is kept as {conflict})";
    }

    private static void EnsureUnchanged(string path, byte[]? expected)
    {
        if (!SameBytes(ReadOrNull(path), expected))
            throw new ExecutionFailedException($"{path} changed on disk after it was read; nothing was written to it. Run again to plan against the new content.");
    }
}
