using System.Runtime.InteropServices;

namespace IisSsl.Execution;

/// <summary>
/// Makes a rename durable. On Unix a rename is a change to the folder, which is on disk only once the folder itself
/// is flushed (<c>fsync</c> of the directory); until then a power cut can bring back the old name. Windows has no
/// such call for a folder: NTFS journals the rename itself, so there this does nothing.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnlyCloseOnExec = 0x80000;

    /// <summary>Flushes the folder that holds <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The folder could not be opened or flushed.</exception>
    public static void Of(string path)
    {
        if (OperatingSystem.IsWindows())
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        WriteFaults.At($"sync folder {folder}");
        var fd = Native.open(folder, ReadOnlyCloseOnExec);
        if (fd < 0)
            throw new IOException($"the folder {folder} could not be opened to flush a rename to disk (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Native.fsync(fd) != 0)
                throw new IOException($"the folder {folder} could not be flushed to disk after a rename (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            _ = Native.close(fd);
        }
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);
    }
}
