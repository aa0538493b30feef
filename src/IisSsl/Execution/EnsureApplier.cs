namespace IisSsl.Execution;

/// <summary>
/// Writes a computed plan to the server as one unit: under an exclusive lock, after timestamped backups, in the order
/// that never leaves a binding without its certificate record (imports, record additions, files, record deletions),
/// and verified by re-reading. Any failure, including a failed re-verification, undoes every change already made.
/// </summary>
public static class EnsureApplier
{
    /// <param name="request">The changes.</param>
    /// <param name="verifyAfter">Re-reads the server and returns why it does not verify (empty = fine).</param>
    /// <param name="checkpoint">Called before and after every step; tests throw from it to inject faults.</param>
    /// <param name="verified">The last message when everything is applied and verified.</param>
    public static ApplyResult Apply(
        ApplyRequest request,
        Func<IReadOnlyList<string>> verifyAfter,
        Action<string>? checkpoint = null,
        string verified = "the server now matches the manifest and verifies")
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(verifyAfter);
        var files = new[] { request.Config, request.Snapshot }.OfType<FileChange>().ToList();
        foreach (var file in files)
            FileMetadata.EnsureNotReadOnly(file.Path);
        using var writerLock = ExclusiveLock.TryAcquire(request.LockPath);
        if (writerLock is null)
        {
            return new ApplyResult(false, true, [$"another apply is changing this server (the lock file {request.LockPath}{ExclusiveLock.Suffix} is held); nothing was changed"], [], "lock busy");
        }

        var journal = ApplyJournal.Begin(request.LockPath, [.. files.Select(f => f.Path)], request.BackupDirectory, request.Now);
        var backups = TakeBackups(request, files, journal);
        var messages = new List<string>();
        var transaction = new ApplyTransaction(step =>
        {
            if (step.StartsWith("before ", StringComparison.Ordinal))
                journal.Step(step["before ".Length..]);
            checkpoint?.Invoke(step);
        });
        try
        {
            checkpoint?.Invoke("after backups");
            foreach (var import in request.Imports)
            {
                var importer = request.Importer ?? throw new InvalidOperationException("Certificate imports need an importer.");
                if (importer.Contains(import.Thumbprint, import.StoreName))
                    continue;
                transaction.Run($"import {import.FilePath} into LocalMachine\\{import.StoreName}", () => importer.Import(import), () => importer.Remove(import.Thumbprint, import.StoreName));
            }

            RunLive(request, transaction, request.LiveEdits.Where(e => e is not HttpSysEdit.Delete));
            if (request.Snapshot is { } snapshot)
                transaction.Run($"write {snapshot.Path}", () => AtomicFile.Replace(snapshot.Path, snapshot.Updated, snapshot.Original), () => Restore(snapshot));
            if (request.Config is { } config)
                transaction.Run($"write {config.Path}", () => AtomicFile.Replace(config.Path, config.Updated, config.Original), () => Restore(config));
            RunLive(request, transaction, request.LiveEdits.Where(e => e is HttpSysEdit.Delete));

            checkpoint?.Invoke("before verification");
            var problems = verifyAfter();
            if (problems.Count > 0)
                throw new ExecutionFailedException("the server re-read after applying does not verify: " + string.Join("; ", problems));
            messages.AddRange(transaction.Done.Select(step => "done: " + step));
            messages.Add(verified);
            journal.Complete();
            return new ApplyResult(true, false, messages, backups, null);
        }
        catch (Exception e)
        {
            var done = transaction.Done;
            var failures = transaction.Rollback();
            messages.Add($"apply failed: {e.Message}");
            if (failures.Count == 0)
            {
                messages.AddRange(done.Reverse().Select(step => "undone: " + step));
                messages.Add(done.Count == 0
                    ? "nothing had been changed yet: the server is exactly as it was before apply"
                    : "every change was undone: the server is exactly as it was before apply");
                DeleteBackups(backups);
                backups.Clear();
                journal.Complete();
            }
            else
            {
                messages.AddRange(failures.Select(f => "NOT UNDONE: " + f));
                messages.Add("the server is PARTLY CHANGED: the steps above marked NOT UNDONE are still in effect; "
                    + (backups.Count > 0 ? "the original files are saved as " + string.Join(", ", backups) : "no file had been written"));
            }

            return new ApplyResult(false, false, messages, backups, e.Message);
        }
    }

    /// <summary>
    /// Backs up every file that exists before anything changes. A backup that cannot be written (full disk, read-only
    /// folder) stops apply at once with the server untouched and no backup or journal left behind.
    /// </summary>
    private static List<string> TakeBackups(ApplyRequest request, IEnumerable<FileChange> files, ApplyJournal journal)
    {
        var backups = new List<string>();
        try
        {
            foreach (var file in files)
            {
                if (file.Original is null)
                    continue;
                var backup = FileBackup.Create(file.Path, file.Original, request.BackupDirectory, request.Now);
                backups.Add(backup);
                journal.AddBackup(backup);
            }

            return backups;
        }
        catch
        {
            DeleteBackups(backups);
            journal.Complete();
            throw;
        }
    }

    private static void RunLive(ApplyRequest request, ApplyTransaction transaction, IEnumerable<HttpSysEdit> edits)
    {
        foreach (var edit in edits)
        {
            var executor = request.Executor ?? throw new InvalidOperationException("Live HTTP.SYS edits need an executor.");
            transaction.Run(NetshCommands.Line(edit), () => executor.Apply(edit), () => executor.Apply(edit.Inverse));
        }
    }

    private static void Restore(FileChange file)
    {
        if (file.Original is null)
            AtomicFile.Delete(file.Path, file.Updated);
        else
            AtomicFile.Replace(file.Path, file.Original, file.Updated);
    }

    private static void DeleteBackups(IEnumerable<string> backups)
    {
        foreach (var backup in backups)
        {
            try
            {
                File.Delete(backup);
            }
            catch (IOException)
            {
            }
        }
    }
}
