using IisSsl.Execution;
using IisSsl.Sources;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Execution;

/// <summary>
/// Permissions (issue 14): a replaced config keeps its mode and owner; a read-only config or folder is refused as
/// such (exit 2), never reported as a held lock or an internal error. Windows keeps ACLs and attributes through
/// File.Replace, behind the same code path; that is not exercised here (Linux).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PermissionTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [UnixFact]
    public void A_replaced_file_keeps_its_mode()
    {
        var path = _temp.Write("applicationHost.config", "old");
        File.SetUnixFileMode(path, OwnerOnly);

        AtomicFile.Replace(path, "new"u8.ToArray(), "old"u8.ToArray());

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
    }

    [RootFact]
    public void A_replaced_file_keeps_its_owner()
    {
        var path = _temp.Write("applicationHost.config", "old");
        Assert.True(UnixFileStatus.TryChown(path, 1234, 2345, out _));

        AtomicFile.Replace(path, "new"u8.ToArray(), "old"u8.ToArray());

        var status = UnixFileStatus.TryGet(path)!.Value;
        Assert.Equal((1234u, 2345u), (status.UserId, status.GroupId));
    }

    [UnixFact]
    public void A_read_only_config_is_refused_as_bad_input_and_left_alone()
    {
        var path = _temp.Write("applicationHost.config", "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var request = new ApplyRequest { LockPath = path, Config = new FileChange(path, "old"u8.ToArray(), "new"u8.ToArray()) };

        var error = Assert.Throws<InvalidInputException>(() => EnsureApplier.Apply(request, () => []));

        Assert.Contains("read-only (mode 0444)", error.Message, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["applicationHost.config"], Directory.EnumerateFiles(_temp.Path).Select(Path.GetFileName));
    }

    [TmpfsFact]
    public void A_read_only_folder_says_so_rather_than_that_the_lock_is_held()
    {
        using var disk = TmpfsMount.Create(_temp.Combine("ro"), kilobytes: 64);
        var path = Path.Combine(disk.Path, "applicationHost.config");
        File.WriteAllText(path, "old");
        disk.MakeReadOnly();
        var request = new ApplyRequest { LockPath = path, Config = new FileChange(path, "old"u8.ToArray(), "new"u8.ToArray()) };

        var error = Assert.Throws<InvalidInputException>(() => EnsureApplier.Apply(request, () => []));

        Assert.Contains($"the folder {disk.Path} cannot be written", error.Message, StringComparison.Ordinal);
        Assert.Contains("Read-only file system", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("held", error.Message, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(path));
    }
}
