using System.Security.Cryptography;

namespace IisSsl.Execution;

/// <summary>
/// Whole-file replacement that readers never see half-done: the new bytes go to a temp file in the same folder,
/// flushed to disk and given the original's mode and owner, which then replaces the target in one rename.
/// Right before the rename the target is compared with the bytes the plan was made from, and once more right after
/// it (the displaced file must be exactly those bytes): an edit made by someone else in between is put back, never lost.
/// </summary>
public static class AtomicFile
{
    /// <summary>Suffix of this layer's temp files (<c>.NAME.PID-GUID.tmp</c>); a dead run's leftovers are cleaned up by the next apply.</summary>
    public const string TempSuffix = ".tmp";

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
                File.Move(temp, full, overwrite: false); // link + unlink on Unix: fails instead of replacing a file that just appeared
            else
                ReplaceChecked(full, temp, expected);
            WriteFaults.At($"replace {full}: after rename");
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
    /// (a hard link on Unix: writes through a handle opened before the rename land in it too). If the displaced
    /// file is not <paramref name="expected"/>, someone wrote between the re-check and the rename: it goes back.
    /// </summary>
    private static void ReplaceChecked(string full, string temp, byte[] expected)
    {
        var displaced = Path.ChangeExtension(TempPath(full), ".displaced" + TempSuffix);
        try
        {
            WriteFaults.At($"replace {full}: before rename");
            File.Replace(temp, full, displaced, ignoreMetadataErrors: true);
            WriteFaults.At($"replace {full}: before displaced check");
            if (SameBytes(File.ReadAllBytes(displaced), expected))
                return;

            File.Move(displaced, full, overwrite: true);
            throw new ExecutionFailedException($"{full} changed on disk while it was being replaced; the other edit was put back and nothing of this run was written to it. Run again to plan against the new content.");
        }
        finally
        {
            File.Delete(displaced);
        }
    }

    private static void EnsureUnchanged(string path, byte[]? expected)
    {
        if (!SameBytes(ReadOrNull(path), expected))
            throw new ExecutionFailedException($"{path} changed on disk after it was read; nothing was written to it. Run again to plan against the new content.");
    }
}
