using System.Globalization;

namespace IisSsl.Execution;

/// <summary>
/// Timestamped copies taken before a file is changed: <c>applicationHost.config.20260124T101500Z.bak</c>. Written like
/// the file itself (temp file, flushed to disk, then renamed to its name, with the original's mode and owner), so a
/// backup that exists under its name is whole and a restore can trust it.
/// </summary>
public static class FileBackup
{
    /// <summary>Names tried when backups of the same second already exist; more means something is wrong, not busy.</summary>
    private const int MaxNamesPerSecond = 100;

    /// <summary>
    /// Writes <paramref name="content"/> as the backup of <paramref name="path"/> into <paramref name="directory"/>
    /// (null = beside the file); returns the backup's path.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// The folder cannot take the backup (full disk, read-only, no permission): nothing is left behind in it.
    /// </exception>
    public static string Create(string path, byte[] content, string? directory, DateTimeOffset now)
    {
        var folder = Path.GetFullPath(directory ?? Path.GetDirectoryName(Path.GetFullPath(path))!);
        var name = Path.GetFileName(path);
        var stem = Path.Combine(folder, $"{name}.{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");
        string? temp = null;
        try
        {
            Directory.CreateDirectory(folder);
            var written = temp = AtomicFile.TempPath(Path.Combine(folder, name + ".bak"));
            AtomicFile.WriteDurably(written, content);
            if (File.Exists(path))
                FileMetadata.CopyUnixModeAndOwner(path, written, ownerRequired: false);
            for (var n = 0; n < MaxNamesPerSecond; n++)
            {
                var candidate = n == 0 ? stem + ".bak" : $"{stem}-{n}.bak";
                if (File.Exists(candidate))
                    continue;
                try
                {
                    WriteFaults.At($"backup {candidate}: before rename");
                    File.Move(written, candidate, overwrite: false);
                    temp = candidate; // not a backup until its name is on disk too
                    DirectorySync.Of(candidate);
                    temp = null;
                    return candidate;
                }
                catch (IOException) when (File.Exists(candidate))
                {
                    // Another backup took this name between the check and the rename: try the next one.
                }
            }

            throw new IOException($"{MaxNamesPerSecond} backups of {name} already exist for this second");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"the backup of {path} could not be written to the folder {folder} ({e.Message}); nothing was changed", inner: e);
        }
        finally
        {
            if (temp is not null)
                TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
