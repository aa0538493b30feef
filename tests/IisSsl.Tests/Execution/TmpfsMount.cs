using System.Diagnostics;

namespace IisSsl.Tests.Execution;

/// <summary>
/// A small tmpfs mounted on a fresh folder: a real full disk or a real read-only file system (refused even to root).
/// Needs root and the right to mount, as on the CI machine; <see cref="TmpfsFactAttribute"/> skips elsewhere.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    public static TmpfsMount Create(string path, int kilobytes, bool readOnly = false)
    {
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k{(readOnly ? ",ro" : "")}", "tmpfs", path);
        return new TmpfsMount(path);
    }

    /// <summary>Remounts read-only (after files were put in).</summary>
    public void MakeReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void Dispose() => Run("umount", "-l", Path);

    public static bool Available()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            return false;
        var probe = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iis-ssl-tests", "tmpfs-probe-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (Create(probe, 16))
            {
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        finally
        {
            try
            {
                Directory.Delete(probe);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }
}

/// <summary>A fact that needs a real tmpfs (root with the right to mount): skipped, not passed, where there is none.</summary>
internal sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> CanMount = new(TmpfsMount.Available);

    public TmpfsFactAttribute()
    {
        if (!CanMount.Value)
            Skip = "needs root and the right to mount a tmpfs (as on CI)";
    }
}

/// <summary>A fact about Unix file modes and owners: skipped on Windows, where ACLs take their place.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "Unix file modes and owners";
    }
}

/// <summary>A fact that gives files other owners: needs root on Linux (as on CI); skipped elsewhere.</summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            Skip = "giving a file another owner needs root on Linux (as on CI)";
    }
}
