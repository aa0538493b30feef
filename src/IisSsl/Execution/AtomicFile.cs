using System.Security.Cryptography;

namespace IisSsl.Execution;

/// <summary>
/// Whole-file replacement that readers never see half-done: the new bytes go to a temp file in the same folder,
/// which then replaces the target in one rename. Right before the rename the target is compared with the bytes
/// the plan was made from; if someone else changed it meanwhile, nothing is replaced.
/// </summary>
public static class AtomicFile
{
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
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            EnsureUnchanged(full, expected);
            if (expected is null)
                File.Move(temp, full);
            else
                File.Replace(temp, full, destinationBackupFileName: null, ignoreMetadataErrors: true);
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

    private static void EnsureUnchanged(string path, byte[]? expected)
    {
        if (!SameBytes(ReadOrNull(path), expected))
            throw new ExecutionFailedException($"{path} changed on disk after it was read; nothing was written to it. Run again to plan against the new content.");
    }
}
