using System.Diagnostics;
using System.Globalization;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

/// <summary>
/// kill -9 of a real <c>iis-ssl apply</c> process (issue 14), at seeded moments: anywhere in the run, and just after
/// it began writing (its journal appeared). After each kill the config and the HTTP.SYS snapshot each hold their old
/// or their new bytes, every backup is whole, and the next apply completes, saying what the killed run left when it
/// left a journal. The suite makes a short run; longer ones: IIS_SSL_KILL_RUNS, IIS_SSL_KILL_SEED (RELIABILITY.md).
/// </summary>
public sealed class ApplyKillTests : IDisposable
{
    private const string PasswordVariable = "IIS_SSL_PFX_PASSWORD"; // the sample manifest's passwordEnv, password "sample"
    private static readonly int Runs = Setting("IIS_SSL_KILL_RUNS", 6);
    private static readonly int Seed = Setting("IIS_SSL_KILL_SEED", 14);
    private readonly TempDirectory _temp = new();

    public ApplyKillTests() => Environment.SetEnvironmentVariable(PasswordVariable, "sample");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_kill_at_any_moment_of_apply_leaves_whole_files_and_the_next_run_completes_or_explains()
    {
        var reference = Server("reference");
        var old = File.ReadAllBytes(ConfigOf(reference));
        var clock = Stopwatch.StartNew();
        var completed = Cli.RunProcess(reference, "dotnet", [Path.Combine(AppContext.BaseDirectory, "iis-ssl.dll"), .. Args(reference)], (PasswordVariable, "sample"));
        var duration = clock.Elapsed; // a whole run as a process: the span the kills are spread over
        Assert.True(completed.ExitCode == 0, completed.Out + completed.Error);
        var @new = (Config: File.ReadAllBytes(ConfigOf(reference)), Snapshot: File.ReadAllBytes(SnapshotOf(reference)));

        var random = new Random(Seed);
        var outcomes = new List<string>();
        for (var run = 0; run < Runs; run++)
        {
            var server = Server($"run{run}");
            var afterJournal = run % 2 == 1;
            var delay = afterJournal ? TimeSpan.FromMilliseconds(random.Next(0, 40)) : duration * random.NextDouble();
            var context = $"seed {Seed} run {run}: killed {(afterJournal ? "after the journal appeared" : "after start")} + {delay.TotalMilliseconds:0} ms";
            var exited = KillDuringApply(server, afterJournal, delay);

            var config = File.ReadAllBytes(ConfigOf(server));
            Assert.True(config.AsSpan().SequenceEqual(old) || config.AsSpan().SequenceEqual(@new.Config), context + ": config is neither old nor new");
            if (File.Exists(SnapshotOf(server)))
                Assert.True(File.ReadAllBytes(SnapshotOf(server)).AsSpan().SequenceEqual(@new.Snapshot), context + ": snapshot is neither absent (old) nor new");
            foreach (var backup in Directory.Exists(BackupsOf(server)) ? Directory.EnumerateFiles(BackupsOf(server), "*.bak") : [])
                Assert.True(File.ReadAllBytes(backup).AsSpan().SequenceEqual(old), $"{context}: backup {backup} is not whole");
            var journal = File.Exists(ConfigOf(server) + ".iis-ssl.journal");
            var left = $"config {(config.AsSpan().SequenceEqual(old) ? "old" : "new")}, snapshot {(File.Exists(SnapshotOf(server)) ? "new" : "absent")}";

            var next = Apply(server);
            Assert.True(next.ExitCode == 0, $"{context}: the next apply did not complete: {next.Out}{next.Error}");
            Assert.Equal(@new.Config, File.ReadAllBytes(ConfigOf(server)));
            Assert.Equal(@new.Snapshot, File.ReadAllBytes(SnapshotOf(server)));
            if (journal)
                Assert.Contains("did not finish", next.Out, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(server, "*.tmp", SearchOption.AllDirectories));
            Assert.False(File.Exists(ConfigOf(server) + ".iis-ssl.journal"), context);
            outcomes.Add($"{context}: {(exited ? "finished before the kill" : journal ? "killed while writing" : "killed before writing")}; {left}");
        }

        if (Environment.GetEnvironmentVariable("IIS_SSL_KILL_REPORT") is { Length: > 0 } report)
            File.AppendAllLines(report, outcomes);
    }

    /// <summary>Starts apply as a process and kills it (SIGKILL) after <paramref name="delay"/>; true when it had already exited.</summary>
    private bool KillDuringApply(string server, bool afterJournal, TimeSpan delay)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "iis-ssl.dll"), .. Args(server)])
            start.ArgumentList.Add(arg);
        start.Environment[PasswordVariable] = "sample";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (afterJournal)
        {
            var journal = ConfigOf(server) + ".iis-ssl.journal";
            var waited = Stopwatch.StartNew();
            while (!File.Exists(journal) && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
                Thread.SpinWait(1000);
        }

        Thread.Sleep(delay);
        var exited = process.HasExited;
        if (!exited)
            process.Kill();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "a killed apply did not exit");
        return exited;
    }

    private Cli.Result Apply(string server) => Cli.Run(Args(server));

    private static string[] Args(string server) =>
    [
        "apply", "--manifest", Path.Combine(server, "https-san.json"), "--config", ConfigOf(server), "--sslcert", SnapshotOf(server),
        "--certs", Path.Combine(server, "certs"), "--backup-dir", BackupsOf(server),
    ];

    private string Server(string name)
    {
        var server = _temp.CreateDirectory(name);
        var sample = RepositoryPaths.Sample("ensure-from-http");
        foreach (var file in Directory.GetFiles(sample, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(server, Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return server;
    }

    private static string ConfigOf(string server) => Path.Combine(server, "applicationHost.config");

    private static string SnapshotOf(string server) => Path.Combine(server, "sslcert.json");

    private static string BackupsOf(string server) => Path.Combine(server, "backups");

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
