using System.Text;
using IisSsl.Execution;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Execution;

/// <summary>
/// Lost edits (issue 14): another process writing the config while apply replaces it. The re-check right before the
/// rename and the check of the displaced file right after it mean an edit is either kept (apply refuses, exit 1) or
/// made after the replace (to the new file): never silently overwritten.
/// </summary>
public sealed class LostEditTests : IDisposable
{
    private static readonly byte[] Old = Encoding.UTF8.GetBytes("<configuration>\n" + new string(' ', 4096) + "</configuration>\n");
    private static readonly byte[] New = Encoding.UTF8.GetBytes("<configuration><new/>\n" + new string(' ', 4096) + "</configuration>\n");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_append_between_the_recheck_and_the_rename_is_put_back_and_the_replace_refused()
    {
        var path = _temp.Combine("applicationHost.config");
        File.WriteAllBytes(path, Old);
        using (WriteFaults.Inject(step =>
        {
            if (step.EndsWith("before rename", StringComparison.Ordinal))
                File.AppendAllText(path, "<!-- someone else's edit -->");
        }))
        {
            var error = Assert.Throws<ExecutionFailedException>(() => AtomicFile.Replace(path, New, Old));
            Assert.Contains("changed on disk while it was being replaced", error.Message, StringComparison.Ordinal);
        }

        Assert.EndsWith("<!-- someone else's edit -->", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(["applicationHost.config"], Directory.EnumerateFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_write_through_a_handle_opened_before_the_rename_is_put_back()
    {
        var path = _temp.Combine("applicationHost.config");
        File.WriteAllBytes(path, Old);
        using var editor = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        using (WriteFaults.Inject(step =>
        {
            if (step.EndsWith("before displaced check", StringComparison.Ordinal))
            {
                editor.Write("<!-- late -->"u8);
                editor.Flush();
            }
        }))
        {
            Assert.Throws<ExecutionFailedException>(() => AtomicFile.Replace(path, New, Old));
        }

        Assert.EndsWith("<!-- late -->", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_handle_still_open_for_writing_after_the_rename_keeps_the_old_file_in_place_and_the_replace_refused()
    {
        if (!OperatingSystem.IsLinux())
            return; // only Linux can say whether a file is open for writing (a read lease); elsewhere the window stays (RELIABILITY.md)
        var path = _temp.Combine("applicationHost.config");
        File.WriteAllBytes(path, Old);
        using var editor = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);

        var error = Assert.Throws<ExecutionFailedException>(() => AtomicFile.Replace(path, New, Old));
        editor.Write("<!-- written after apply checked the file -->"u8);
        editor.Flush();

        Assert.Contains("held it open for writing", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("<!-- written after apply checked the file -->", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(["applicationHost.config"], Directory.EnumerateFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_handle_opened_for_writing_and_closed_within_the_grace_lets_the_replace_stand()
    {
        if (!OperatingSystem.IsLinux())
            return; // only Linux can say whether a file is open for writing
        var path = _temp.Combine("applicationHost.config");
        File.WriteAllBytes(path, Old);
        using var editor = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        var waited = false;
        using (WriteFaults.Inject(step =>
        {
            if (!step.StartsWith("waiting for writers", StringComparison.Ordinal))
                return;
            waited = true;
            editor.Dispose(); // the writer closes while apply waits for it
        }))
        {
            AtomicFile.Replace(path, New, Old);
        }

        Assert.True(waited, "apply did not wait for the open writer");
        Assert.Equal(New, File.ReadAllBytes(path));
        Assert.Equal(["applicationHost.config"], Directory.EnumerateFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_edit_to_the_new_file_made_while_the_old_one_is_put_back_is_kept_and_named()
    {
        if (!OperatingSystem.IsLinux())
            return; // the one-step swap of names (renameat2) is Linux's
        var path = _temp.Combine("applicationHost.config");
        File.WriteAllBytes(path, Old);
        using (WriteFaults.Inject(step =>
        {
            if (!step.EndsWith("before displaced check", StringComparison.Ordinal))
                return;
            File.AppendAllText(path, "<!-- second editor, on the new file -->");
            var displaced = Directory.EnumerateFiles(_temp.Path, "*.displaced.tmp").Single();
            File.AppendAllText(displaced, "<!-- first editor, on the old file -->");
        }))
        {
            var error = Assert.Throws<ExecutionFailedException>(() => AtomicFile.Replace(path, New, Old));
            Assert.Contains("it is kept as", error.Message, StringComparison.Ordinal);
        }

        Assert.EndsWith("<!-- first editor, on the old file -->", File.ReadAllText(path), StringComparison.Ordinal);
        var conflict = Assert.Single(Directory.EnumerateFiles(_temp.Path, "*.iis-ssl-conflict-*"));
        Assert.EndsWith("<!-- second editor, on the new file -->", File.ReadAllText(conflict), StringComparison.Ordinal);
    }

    /// <summary>
    /// An appender racing real replaces: every edit must survive. A measurement outside the suite (CPU heavy; its
    /// figure is in RELIABILITY.md); the deterministic tests above pin each window it once found open.
    /// Run it with <c>IIS_SSL_STRESS_RUNS=500</c>.
    /// </summary>
    [StressFact]
    public void An_appender_racing_apply_never_loses_an_edit()
    {
        var runs = int.Parse(Environment.GetEnvironmentVariable(StressFactAttribute.RunsVariable)!, System.Globalization.CultureInfo.InvariantCulture);
        var lost = new List<string>();
        var (applied, refused) = (0, 0);
        for (var run = 0; run < runs; run++)
        {
            var path = _temp.Combine($"run{run}.config");
            File.WriteAllBytes(path, Old);
            var marker = $"<!-- edit {run} -->";
            using var start = new Barrier(2);
            var appender = new Thread(() =>
            {
                start.SignalAndWait();
                Thread.SpinWait(Random.Shared.Next(0, 20_000));
                File.AppendAllText(path, marker);
            });
            appender.Start();
            start.SignalAndWait();
            try
            {
                AtomicFile.Replace(path, New, Old);
                applied++;
            }
            catch (ExecutionFailedException)
            {
                refused++;
            }

            appender.Join();
            if (!File.ReadAllText(path).Contains(marker, StringComparison.Ordinal))
                lost.Add($"run {run}");
        }

        var figures = $"{runs} runs: {applied} applied, {refused} refused, {lost.Count} lost edits";
        if (Environment.GetEnvironmentVariable("IIS_SSL_STRESS_REPORT") is { Length: > 0 } report)
            File.AppendAllText(report, figures + (lost.Count > 0 ? " (" + string.Join(", ", lost) + ")" : "") + "\n");
        Assert.True(applied + refused == runs, figures);
        Assert.True(lost.Count == 0, figures + ": " + string.Join(", ", lost));
    }
}
