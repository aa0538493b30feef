using IisSsl.Execution;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Execution;

public sealed class FileSafetyTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Replace_writes_the_new_bytes_and_leaves_no_temp_file()
    {
        var path = _temp.Write("applicationHost.config", "old");

        AtomicFile.Replace(path, "new"u8.ToArray(), "old"u8.ToArray());

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["applicationHost.config"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Replace_refuses_when_the_file_changed_after_it_was_read()
    {
        var path = _temp.Write("applicationHost.config", "someone else's edit");

        var error = Assert.Throws<ExecutionFailedException>(() => AtomicFile.Replace(path, "new"u8.ToArray(), "old"u8.ToArray()));

        Assert.Contains("changed on disk", error.Message, StringComparison.Ordinal);
        Assert.Equal("someone else's edit", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void Replace_creates_a_file_that_was_absent_but_not_over_one_that_appeared()
    {
        var path = _temp.Combine("sslcert.json");
        AtomicFile.Replace(path, "{}"u8.ToArray(), expected: null);
        Assert.Equal("{}", File.ReadAllText(path));

        Assert.Throws<ExecutionFailedException>(() => AtomicFile.Replace(path, "[]"u8.ToArray(), expected: null));
        Assert.Equal("{}", File.ReadAllText(path));
    }

    [Fact]
    public void Backups_are_timestamped_and_never_overwrite_each_other()
    {
        var path = _temp.Write("site/applicationHost.config", "v1");
        var now = new DateTimeOffset(2026, 1, 24, 10, 15, 0, TimeSpan.Zero);

        var first = FileBackup.Create(path, "v1"u8.ToArray(), null, now);
        var second = FileBackup.Create(path, "v2"u8.ToArray(), _temp.Combine("backups"), now);
        var third = FileBackup.Create(path, "v3"u8.ToArray(), _temp.Combine("backups"), now);

        Assert.Equal(_temp.Combine("site", "applicationHost.config.20260124T101500Z.bak"), first);
        Assert.Equal(_temp.Combine("backups", "applicationHost.config.20260124T101500Z.bak"), second);
        Assert.NotEqual(second, third);
        Assert.Equal(["v1", "v2", "v3"], new[] { first, second, third }.Select(File.ReadAllText));
    }

    [Fact]
    public void Only_one_writer_holds_the_lock_at_a_time()
    {
        var path = _temp.Write("applicationHost.config", "x");

        using (var first = ExclusiveLock.TryAcquire(path))
        {
            Assert.NotNull(first);
            Assert.Null(ExclusiveLock.TryAcquire(path));
        }

        using var again = ExclusiveLock.TryAcquire(path);
        Assert.NotNull(again);
    }
}
