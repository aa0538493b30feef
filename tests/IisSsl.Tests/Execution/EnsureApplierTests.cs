using System.Net;
using IisSsl.Execution;
using IisSsl.Model;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Execution;

public sealed class EnsureApplierTests : IDisposable
{
    private static readonly Guid IisAppId = Guid.Parse(SslCertBinding.IisAppId);
    private static readonly SslCertBinding OldRecord = new(SslCertBindingKind.IpPort, 443, IPAddress.Any, null, new string('A', 40), "MY", IisAppId);
    private static readonly SslCertBinding SniRecord = new(SslCertBindingKind.HostnamePort, 443, null, HostName.Parse("a.com"), new string('B', 40), "MY", IisAppId);
    private static readonly SslCertBinding StaleRecord = new(SslCertBindingKind.HostnamePort, 443, null, HostName.Parse("old.com"), new string('C', 40), "MY", IisAppId);

    private readonly TempDirectory _temp = new();
    private readonly byte[] _configBytes = "<configuration>\r\n  <!-- keep me -->\r\n</configuration>\r\n"u8.ToArray();
    private readonly byte[] _snapshotBytes = "{ \"version\": 1 }\n"u8.ToArray();

    public void Dispose() => _temp.Dispose();

    private string ConfigPath => _temp.Combine("applicationHost.config");

    private string SnapshotPath => _temp.Combine("sslcert.json");

    /// <summary>A fresh folder holding only the original files, and the request to change both.</summary>
    private ApplyRequest FileRequest(bool snapshotExists = true)
    {
        foreach (var file in Directory.GetFiles(_temp.Path))
            File.Delete(file);
        File.WriteAllBytes(ConfigPath, _configBytes);
        if (snapshotExists)
            File.WriteAllBytes(SnapshotPath, _snapshotBytes);
        return new ApplyRequest
        {
            LockPath = ConfigPath,
            Config = new FileChange(ConfigPath, _configBytes, "<configuration>new</configuration>"u8.ToArray()),
            Snapshot = new FileChange(SnapshotPath, snapshotExists ? _snapshotBytes : null, "{ \"version\": 1, \"sslCertBindings\": [] }"u8.ToArray()),
            Now = new DateTimeOffset(2026, 1, 24, 10, 15, 0, TimeSpan.Zero),
        };
    }

    private (ApplyRequest Request, FakeHttpSys HttpSys, FakeImporter Importer) LiveRequest()
    {
        File.WriteAllBytes(ConfigPath, _configBytes);
        var httpSys = new FakeHttpSys(OldRecord, StaleRecord);
        var importer = new FakeImporter();
        var request = new ApplyRequest
        {
            LockPath = ConfigPath,
            Config = new FileChange(ConfigPath, _configBytes, "<configuration>new</configuration>"u8.ToArray()),
            LiveEdits = [new HttpSysEdit.Update(OldRecord, OldRecord with { Thumbprint = new string('D', 40) }), new HttpSysEdit.Add(SniRecord), new HttpSysEdit.Delete(StaleRecord)],
            Executor = httpSys,
            Imports = [new CertificateImport("v2.pfx", "V2_PFX_PASSWORD", new string('D', 40))],
            Importer = importer,
        };
        return (request, httpSys, importer);
    }

    private static List<string> Checkpoints(Func<ApplyRequest> request)
    {
        var seen = new List<string>();
        Assert.True(EnsureApplier.Apply(request(), () => [], seen.Add).Applied);
        return seen;
    }

    public static TheoryData<bool> SnapshotExists => new() { true, false };

    [Theory]
    [MemberData(nameof(SnapshotExists))]
    public void A_failure_at_any_step_leaves_both_files_byte_for_byte_as_they_were(bool snapshotExists)
    {
        var checkpoints = Checkpoints(() => FileRequest(snapshotExists));
        Assert.True(checkpoints.Count >= 5);

        foreach (var failAt in checkpoints)
        {
            var result = EnsureApplier.Apply(FileRequest(snapshotExists), () => [], step =>
            {
                if (step == failAt)
                    throw new ExecutionFailedException("injected fault at " + step);
            });

            Assert.False(result.Applied, failAt);
            Assert.Equal(_configBytes, File.ReadAllBytes(ConfigPath));
            Assert.Equal(snapshotExists ? _snapshotBytes : null, AtomicFile.ReadOrNull(SnapshotPath));
            Assert.Empty(result.Backups);
            Assert.Equal(snapshotExists ? 2 : 1, Directory.GetFiles(_temp.Path).Length);
            Assert.Contains(result.Messages, m => m.Contains("exactly as it was before apply", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_failure_at_any_step_undoes_every_live_http_sys_change_and_import()
    {
        var checkpoints = Checkpoints(() => LiveRequest().Request);

        foreach (var failAt in checkpoints)
        {
            var (request, httpSys, importer) = LiveRequest();
            var before = httpSys.Records.ToDictionary();

            var result = EnsureApplier.Apply(request, () => [], step =>
            {
                if (step == failAt)
                    throw new InvalidOperationException("injected fault at " + step);
            });

            Assert.False(result.Applied, failAt);
            Assert.Equal(before, httpSys.Records);
            Assert.Empty(importer.Imported);
            Assert.Equal(_configBytes, File.ReadAllBytes(ConfigPath));
        }
    }

    [Fact]
    public void Records_are_added_before_the_configuration_and_deleted_after_it()
    {
        var (request, _, _) = LiveRequest();
        var steps = new List<string>();

        EnsureApplier.Apply(request, () => [], s => { if (s.StartsWith("before ", StringComparison.Ordinal)) steps.Add(s[7..]); });

        Assert.StartsWith("import", steps[0], StringComparison.Ordinal);
        Assert.Contains("update sslcert", steps[1], StringComparison.Ordinal);
        Assert.Contains("add sslcert", steps[2], StringComparison.Ordinal);
        Assert.StartsWith("write", steps[3], StringComparison.Ordinal);
        Assert.Contains("delete sslcert", steps[4], StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_does_not_verify_after_applying_is_rolled_back()
    {
        var result = EnsureApplier.Apply(FileRequest(), () => ["HostNotCovered: sitev2.mysite.com"]);

        Assert.False(result.Applied);
        Assert.Contains("does not verify", result.Failure, StringComparison.Ordinal);
        Assert.Equal(_configBytes, File.ReadAllBytes(ConfigPath));
        Assert.Equal(_snapshotBytes, File.ReadAllBytes(SnapshotPath));
    }

    [Fact]
    public void A_successful_apply_writes_both_files_and_keeps_timestamped_backups()
    {
        var request = FileRequest();

        var result = EnsureApplier.Apply(request with { BackupDirectory = _temp.Combine("backups") }, () => []);

        Assert.True(result.Applied);
        Assert.Equal(request.Config!.Updated, File.ReadAllBytes(ConfigPath));
        Assert.Equal(request.Snapshot!.Updated, File.ReadAllBytes(SnapshotPath));
        Assert.Equal([_configBytes, _snapshotBytes], result.Backups.Select(File.ReadAllBytes));
        Assert.All(result.Backups, b => Assert.StartsWith(_temp.Combine("backups"), b, StringComparison.Ordinal));
    }

    [Fact]
    public void A_configuration_changed_by_someone_else_after_planning_is_not_overwritten()
    {
        var request = FileRequest();
        File.WriteAllText(ConfigPath, "<configuration>edited by IIS Manager</configuration>");

        var result = EnsureApplier.Apply(request, () => []);

        Assert.False(result.Applied);
        Assert.Equal("<configuration>edited by IIS Manager</configuration>", File.ReadAllText(ConfigPath));
        Assert.Equal(_snapshotBytes, File.ReadAllBytes(SnapshotPath));
    }

    [Fact]
    public void A_second_writer_is_turned_away_without_changing_anything()
    {
        var request = FileRequest();
        using var held = ExclusiveLock.TryAcquire(ConfigPath);

        var result = EnsureApplier.Apply(request, () => []);

        Assert.True(result.LockBusy);
        Assert.Equal(_configBytes, File.ReadAllBytes(ConfigPath));
    }

    [Fact]
    public void When_an_undo_fails_the_user_is_told_what_is_still_in_effect_and_the_backups_are_kept()
    {
        var (request, httpSys, _) = LiveRequest();
        httpSys.FailUndo = true;

        var result = EnsureApplier.Apply(request, () => ["still wrong"]);

        Assert.False(result.Applied);
        Assert.Contains(result.Messages, m => m.StartsWith("NOT UNDONE:", StringComparison.Ordinal) && m.Contains("add sslcert hostnameport=a.com:443", StringComparison.Ordinal));
        Assert.Contains(result.Messages, m => m.Contains("PARTLY CHANGED", StringComparison.Ordinal));
        Assert.Equal(_configBytes, File.ReadAllBytes(Assert.Single(result.Backups)));
    }

    private sealed class FakeHttpSys(params SslCertBinding[] records) : IHttpSysExecutor
    {
        private int _applied;

        public Dictionary<string, SslCertBinding> Records { get; } = records.ToDictionary(r => r.Key);

        public bool FailUndo { get; set; }

        public void Apply(HttpSysEdit edit)
        {
            if (FailUndo && ++_applied > 3)
                throw new ExecutionFailedException($"{NetshCommands.Line(edit)} failed: access denied (error 5)");
            switch (edit)
            {
                case HttpSysEdit.Delete:
                    Records.Remove(edit.Record.Key);
                    break;
                default:
                    Records[edit.Record.Key] = edit.Record;
                    break;
            }
        }
    }

    private sealed class FakeImporter : ICertificateImporter
    {
        public HashSet<string> Imported { get; } = [];

        public bool Contains(string thumbprint, string storeName) => Imported.Contains(thumbprint);

        public void Import(CertificateImport import) => Imported.Add(import.Thumbprint);

        public void Remove(string thumbprint, string storeName) => Imported.Remove(thumbprint);
    }
}
