using System.Globalization;
using System.Text;

namespace IisSsl.Execution;

/// <summary>
/// A note beside the lock (<c>applicationHost.config.iis-ssl.journal</c>) naming what an apply has in flight: its
/// process, when it started, the files it writes, their backups and the step it is on. It is deleted when the apply
/// ends with the server either changed and verified or exactly as before; it stays when a run was killed, or when
/// its rollback left something changed. The next run finds it and says so (<see cref="Interrupted"/>).
/// </summary>
public sealed class ApplyJournal
{
    public const string Suffix = ".iis-ssl.journal";

    private readonly string _path;
    private readonly List<string> _lines;

    private ApplyJournal(string path, List<string> lines) => (_path, _lines) = (path, lines);

    public static string PathFor(string lockedFile) => Path.GetFullPath(lockedFile) + Suffix;

    /// <summary>
    /// Writes the journal of an apply that is about to change <paramref name="files"/> (the caller holds the lock on
    /// <paramref name="lockedFile"/>), with its backups in <paramref name="backupFolder"/> (null = beside each file),
    /// started at <paramref name="now"/>.
    /// </summary>
    public static ApplyJournal Begin(string lockedFile, IReadOnlyList<string> files, string? backupFolder, DateTimeOffset now)
    {
        var lines = new List<string>
        {
            "process: " + Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            "started: " + now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        lines.AddRange(files.Select(f => "file: " + Path.GetFullPath(f)));
        if (backupFolder is not null)
            lines.Add("backups in: " + Path.GetFullPath(backupFolder));
        var journal = new ApplyJournal(PathFor(lockedFile), lines);
        try
        {
            journal.Write("taking backups");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(journal._path))
                journal.Complete();
            throw new InvalidInputException($"the folder {Path.GetDirectoryName(journal._path)} cannot be written ({e.Message}): apply needs to write its journal {journal._path} there; nothing was changed", inner: e);
        }

        return journal;
    }

    public void AddBackup(string backup) => _lines.Add("backup: " + backup);

    /// <summary>Records the step about to run.</summary>
    public void Step(string description) => Write(description);

    /// <summary>The apply ended with the server verified or exactly as before: nothing to tell the next run.</summary>
    public void Complete() => File.Delete(_path);

    /// <summary>
    /// What an apply that did not finish left behind, as one message for the user (empty when there is none, or when
    /// the run that wrote the journal still holds the lock). With <paramref name="cleanUp"/> (apply), the journal and
    /// the temporary files of dead runs are removed; without it (plan), nothing is touched.
    /// </summary>
    public static IReadOnlyList<string> Interrupted(string lockedFile, bool cleanUp)
    {
        var path = PathFor(lockedFile);
        if (!cleanUp && (!File.Exists(path) || IsLockHeld(lockedFile)))
            return [];
        using var held = cleanUp ? ExclusiveLock.TryAcquire(lockedFile) : null;
        if (cleanUp && held is null)
            return [];
        var lines = ReadLines(path);
        if (lines is null)
        {
            // No journal: a run killed before it wrote one can still have left a temp file beside the config.
            var stray = cleanUp ? LeftoverFiles.Clean([lockedFile], []) : 0;
            return stray > 0 ? [$"removed {stray} temporary file(s) that a killed apply left beside {Path.GetFullPath(lockedFile)}; it had changed nothing."] : [];
        }

        string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.Ordinal))?[(name.Length + 2)..] ?? "unknown";
        string[] All(string name) => [.. lines.Where(l => l.StartsWith(name + ": ", StringComparison.Ordinal)).Select(l => l[(name.Length + 2)..])];
        var files = All("file");
        var backups = All("backup");
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"a previous apply (process {Field("process")}, started {Field("started")}) did not finish: it stopped at \"{Field("step")}\". ")
            .Append(CultureInfo.InvariantCulture, $"Each file it was writing ({string.Join(", ", files)}) holds either its old or its new bytes, but they may disagree with each other")
            .Append(backups.Length > 0 ? $"; its backups: {string.Join(", ", backups)}. " : "; it had taken no backups. ");
        if (cleanUp)
        {
            var removed = LeftoverFiles.Clean([lockedFile, .. files], All("backups in"));
            File.Delete(path);
            message.Append("This apply read the files as they are now and plans from them, so it completes the change or says why not")
                .Append(removed > 0 ? $"; it removed {removed} temporary file(s) of the dead run." : ".");
        }
        else
        {
            message.Append("This plan reads the files as they are now; the next apply also removes what the dead run left behind.");
        }

        return [message.ToString()];
    }

    private static string[]? ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private void Write(string step)
    {
        var temp = AtomicFile.TempPath(_path);
        try
        {
            AtomicFile.WriteDurably(temp, Encoding.UTF8.GetBytes(string.Join('\n', [.. _lines, "step: " + step]) + "\n"));
            File.Move(temp, _path, overwrite: true);
            DirectorySync.Of(_path);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>True when a live process holds the lock (the lock file exists and cannot be opened exclusively). Writes nothing.</summary>
    private static bool IsLockHeld(string lockedFile)
    {
        try
        {
            using var probe = new FileStream(Path.GetFullPath(lockedFile) + ExclusiveLock.Suffix, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
