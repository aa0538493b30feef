using System.Security.Cryptography.X509Certificates;
using IisSsl.Execution;
using IisSsl.Planning;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Execution;

/// <summary>
/// Fault injection for apply (issue 14): a failure at every write step of the file-safety layer, and the disk as a
/// kill at that very step would leave it (copied at the fault, before any rollback). Either way the config and the
/// HTTP.SYS snapshot each hold their old or their new bytes, every backup is whole, and the next run completes,
/// saying what the killed run left.
/// </summary>
public sealed class ApplyFaultInjectionTests : IDisposable
{
    private const string PasswordVariable = "IIS_SSL_FAULT_TESTS_PFX_PASSWORD";
    private const string Password = "fault-tests";
    private static readonly X509Certificate2 San = TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create();
    private static readonly X509Certificate2 V1Only = TestCertificate.For("sitev1.mysite.com").Create();

    private const int DeadProcess = 999_999_999;

    private readonly TempDirectory _temp = new();

    public ApplyFaultInjectionTests() => Environment.SetEnvironmentVariable(PasswordVariable, Password);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_failure_or_a_kill_at_any_write_step_leaves_whole_files_and_the_next_run_completes()
    {
        var base_ = Server("base");
        var first = IisSslEngine.Apply(Options(base_, "v1"));
        Assert.True(first.Outcome == EnsureOutcome.Applied, string.Join("\n", [.. first.Reasons, .. first.Messages]));
        var old = (Config: File.ReadAllBytes(ConfigOf(base_)), Snapshot: File.ReadAllBytes(SnapshotOf(base_)));
        var clean = Copy(base_, "clean");
        var steps = new List<string>();
        using (WriteFaults.Inject(steps.Add))
            Assert.Equal(EnsureOutcome.Applied, IisSslEngine.Apply(Options(clean, "san")).Outcome);
        var @new = (Config: File.ReadAllBytes(ConfigOf(clean)), Snapshot: File.ReadAllBytes(SnapshotOf(clean)));
        Assert.NotEqual(old.Config, @new.Config);
        Assert.NotEqual(old.Snapshot, @new.Snapshot);
        Assert.True(steps.Count >= 10, string.Join("\n", steps));

        for (var i = 0; i < steps.Count; i++)
        {
            var server = Copy(base_, $"fault{i}");
            var killed = _temp.Combine($"killed{i}");
            var seen = 0;
            EnsureResult? result = null;
            InvalidInputException? refused = null;
            using (WriteFaults.Inject(step =>
            {
                if (seen++ != i)
                    return;
                CopyDirectory(server, killed, asKilled: true);
                throw new IOException($"injected failure at {step}");
            }))
            {
                try
                {
                    result = IisSslEngine.Apply(Options(server, "san"));
                }
                catch (InvalidInputException e)
                {
                    refused = e; // the journal or a backup could not be written: exit 2, before anything changed
                }
            }

            var context = $"step {i}: {steps[i]}";
            Assert.True(refused is not null || result!.Outcome is EnsureOutcome.RolledBack or EnsureOutcome.Applied, context + ": " + result?.Outcome);
            if (refused is not null)
            {
                Assert.Equal(old.Config, File.ReadAllBytes(ConfigOf(server)));
                Assert.Equal(old.Snapshot, File.ReadAllBytes(SnapshotOf(server)));
                Assert.Empty(Directory.EnumerateFiles(Path.Combine(server, "backups")));
            }

            AssertWhole(server, old, @new, context + " (failed in process)");
            Assert.False(File.Exists(ApplyJournal.PathFor(ConfigOf(server))), context + ": journal left after a clean rollback");

            AssertWhole(killed, old, @new, context + " (killed)");
            var next = IisSslEngine.Apply(Options(killed, "san"));
            Assert.True(next.Succeeded, $"{context}: the next run did not complete: {string.Join("; ", next.Messages)}");
            Assert.Equal(@new.Config, File.ReadAllBytes(ConfigOf(killed)));
            Assert.Equal(@new.Snapshot, File.ReadAllBytes(SnapshotOf(killed)));
            Assert.Empty(Directory.EnumerateFiles(killed, "*.tmp", SearchOption.AllDirectories));
            Assert.False(File.Exists(ApplyJournal.PathFor(ConfigOf(killed))), context);
        }
    }

    [Fact]
    public void The_run_after_a_killed_apply_names_what_was_in_flight_and_removes_its_leftovers()
    {
        var server = Server("server");
        Assert.Equal(EnsureOutcome.Applied, IisSslEngine.Apply(Options(server, "v1")).Outcome);
        var config = ConfigOf(server);
        const int deadPid = DeadProcess;
        File.WriteAllText(ApplyJournal.PathFor(config), $"process: {deadPid}\nstarted: 2026-01-24T10:15:00Z\nfile: {config}\nbackup: /somewhere/applicationHost.config.20260124T101500Z.bak\nstep: write {config}\n");
        File.WriteAllText(config + ExclusiveLock.Suffix, "");
        var leftover = Path.Combine(server, $".applicationHost.config.{deadPid}-0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllText(leftover, "half");
        var alive = Path.Combine(server, $".applicationHost.config.{Environment.ProcessId}-0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllText(alive, "a live run's");

        var planned = IisSslEngine.Apply(Options(server, "san") with { DryRun = true });
        Assert.Contains(planned.Messages, m => m.Contains($"a previous apply (process {deadPid}", StringComparison.Ordinal));
        Assert.True(File.Exists(leftover), "plan changed the disk");

        var result = IisSslEngine.Apply(Options(server, "san"));

        Assert.True(result.Succeeded);
        var notice = Assert.Single(result.Messages, m => m.StartsWith("a previous apply", StringComparison.Ordinal));
        Assert.Contains($"stopped at \"write {config}\"", notice, StringComparison.Ordinal);
        Assert.Contains("removed 1 temporary file", notice, StringComparison.Ordinal);
        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(alive), "a file of a live process was removed");
        Assert.False(File.Exists(ApplyJournal.PathFor(config)));
        Assert.False(File.Exists(config + ExclusiveLock.Suffix));
    }

    private static void AssertWhole(string server, (byte[] Config, byte[] Snapshot) old, (byte[] Config, byte[] Snapshot) @new, string context)
    {
        var config = File.ReadAllBytes(ConfigOf(server));
        var snapshot = File.ReadAllBytes(SnapshotOf(server));
        Assert.True(config.AsSpan().SequenceEqual(old.Config) || config.AsSpan().SequenceEqual(@new.Config), context + ": config is neither old nor new");
        Assert.True(snapshot.AsSpan().SequenceEqual(old.Snapshot) || snapshot.AsSpan().SequenceEqual(@new.Snapshot), context + ": snapshot is neither old nor new");
        var backups = Path.Combine(server, "backups");
        foreach (var backup in Directory.Exists(backups) ? Directory.EnumerateFiles(backups, "*.bak") : [])
        {
            var expected = Path.GetFileName(backup).StartsWith("applicationHost.config.", StringComparison.Ordinal) ? old.Config : old.Snapshot;
            Assert.True(File.ReadAllBytes(backup).AsSpan().SequenceEqual(expected), $"{context}: backup {backup} is not whole");
        }
    }

    private string Server(string name)
    {
        var folder = _temp.CreateDirectory(name);
        File.Copy(RepositoryPaths.Sample("ensure-from-http", "applicationHost.config"), Path.Combine(folder, "applicationHost.config"));
        Directory.CreateDirectory(Path.Combine(folder, "certs"));
        CertificateFiles.WritePfx(San, Path.Combine(folder, "certs", "san.pfx"), Password);
        CertificateFiles.WritePfx(V1Only, Path.Combine(folder, "certs", "v1.pfx"), Password);
        File.WriteAllText(Path.Combine(folder, "v1.json"), $$"""
            { "certificates": { "c": { "file": "certs/v1.pfx", "passwordEnv": "{{PasswordVariable}}" } },
              "sites": [ { "name": "MySite V1", "hostNames": ["sitev1.mysite.com"], "certificate": "c", "sni": "never" } ] }
            """);
        File.WriteAllText(Path.Combine(folder, "san.json"), $$"""
            { "certificates": { "c": { "file": "certs/san.pfx", "passwordEnv": "{{PasswordVariable}}" } },
              "sites": [ { "name": "MySite V1", "hostNames": ["sitev1.mysite.com"], "certificate": "c", "sni": "never" },
                         { "name": "MySite V2", "hostNames": ["sitev2.mysite.com"], "certificate": "c", "sni": "never" } ] }
            """);
        return folder;
    }

    private string Copy(string server, string name)
    {
        var target = _temp.Combine(name);
        CopyDirectory(server, target);
        foreach (var backup in Directory.EnumerateFiles(Path.Combine(target, "backups")))
            File.Delete(backup);
        return target;
    }

    /// <param name="asKilled">Name temp files as a killed process's (whose id no live process has) rather than this one's.</param>
    private static void CopyDirectory(string from, string to, bool asKilled = false)
    {
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            if (asKilled)
                target = target.Replace($".{Environment.ProcessId}-", $".{DeadProcess}-", StringComparison.Ordinal);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Copy(file, target);
            }
            catch (IOException)
            {
                // Held exclusively by the run (its lock file, a temp file it is writing): a kill leaves it as
                // it is now, and at a fault point both are still empty.
                File.WriteAllBytes(target, []);
            }

            // The journal names the files by path: the copy's journal names the copy's.
            if (asKilled && target.EndsWith(ApplyJournal.Suffix, StringComparison.Ordinal))
                File.WriteAllText(target, File.ReadAllText(target).Replace(from, to, StringComparison.Ordinal));
        }
    }

    private static string ConfigOf(string server) => Path.Combine(server, "applicationHost.config");

    private static string SnapshotOf(string server) => Path.Combine(server, "sslcert.json");

    private static EnsureOptions Options(string server, string manifest) => new()
    {
        ManifestPath = Path.Combine(server, manifest + ".json"),
        IisConfigPath = ConfigOf(server),
        SslCertPath = SnapshotOf(server),
        CertificateFolders = [Path.Combine(server, "certs")],
        PfxPasswordVariable = PasswordVariable,
        BackupDirectory = Path.Combine(server, "backups"),
    };
}
