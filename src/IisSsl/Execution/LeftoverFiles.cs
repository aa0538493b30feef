using System.Diagnostics;
using System.Globalization;

namespace IisSsl.Execution;

/// <summary>
/// The temporary files (<c>.NAME.PID-GUID.tmp</c>, <c>.NAME.bak.PID-GUID.tmp</c>, the journal's) of runs that were killed. Only
/// provably dead ones are removed: the caller holds the lock, and the process whose id the name carries is gone.
/// </summary>
internal static class LeftoverFiles
{
    /// <summary>Removes the dead runs' temp files of <paramref name="files"/> beside them and in <paramref name="backupFolders"/>; returns how many.</summary>
    public static int Clean(IReadOnlyList<string> files, IEnumerable<string> backupFolders)
    {
        var names = files.Select(Path.GetFileName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var folders = files.Select(f => Path.GetDirectoryName(Path.GetFullPath(f))).OfType<string>().Concat(backupFolders).Distinct(StringComparer.Ordinal);
        var removed = 0;
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var name in names)
            {
                foreach (var leftover in Directory.EnumerateFiles(folder, $".{name}.*{AtomicFile.TempSuffix}").ToList())
                {
                    if (OwnerProcess(leftover, name) is not { } pid || IsAlive(pid))
                        continue;
                    try
                    {
                        File.Delete(leftover);
                        removed++;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                    }
                }
            }
        }

        return removed;
    }

    /// <summary>The process id in <c>.NAME.[bak.]PID-GUID...tmp</c>, or null when the name is not one of ours.</summary>
    internal static int? OwnerProcess(string path, string name)
    {
        var rest = Path.GetFileName(path)[(name.Length + 2)..];
        foreach (var tag in (string[])["bak.", "iis-ssl.journal."])
        {
            if (rest.StartsWith(tag, StringComparison.Ordinal))
                rest = rest[tag.Length..];
        }

        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId)
            return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
