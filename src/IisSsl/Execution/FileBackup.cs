using System.Globalization;

namespace IisSsl.Execution;

/// <summary>Timestamped copies taken before a file is changed: <c>applicationHost.config.20260124T101500Z.bak</c>.</summary>
public static class FileBackup
{
    /// <summary>
    /// Writes <paramref name="content"/> as the backup of <paramref name="path"/> into <paramref name="directory"/>
    /// (null = beside the file); returns the backup's path.
    /// </summary>
    public static string Create(string path, byte[] content, string? directory, DateTimeOffset now)
    {
        var folder = directory ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            Directory.CreateDirectory(folder);
            var stem = Path.Combine(folder, $"{Path.GetFileName(path)}.{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");
            for (var n = 0; ; n++)
            {
                var candidate = n == 0 ? stem + ".bak" : $"{stem}-{n}.bak";
                try
                {
                    using var stream = new FileStream(candidate, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                    stream.Write(content);
                    stream.Flush(flushToDisk: true);
                    return candidate;
                }
                catch (IOException) when (File.Exists(candidate))
                {
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExecutionFailedException($"the backup of {path} could not be written to {folder}: {e.Message}", e);
        }
    }
}
