using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IisSsl.Execution;

/// <summary>
/// Whether any process still holds a file open for writing, asked the one way Linux answers it without scanning
/// every process: a read lease (<c>fcntl F_SETLEASE</c>) is granted only while nobody has the file open for writing.
/// The lease is dropped at once; only the answer is kept.
/// </summary>
internal static class OpenWriters
{
    private const int SetLease = 1024;
    private const int ReadLease = 0;
    private const int Unlock = 2;
    private const int TryAgain = 11;

    /// <summary>
    /// <see cref="OpenWriterState.None"/> when nobody (this process included) has the file of <paramref name="readOnly"/>
    /// (opened read-only) open for writing, <see cref="OpenWriterState.Open"/> when someone has, and
    /// <see cref="OpenWriterState.Unknown"/> where the system cannot say (not Linux, leases disabled, a file system
    /// without leases, or a file this user neither owns nor may lease).
    /// </summary>
    public static OpenWriterState Of(SafeFileHandle readOnly)
    {
        if (!OperatingSystem.IsLinux())
            return OpenWriterState.Unknown;
        var fd = (int)readOnly.DangerousGetHandle();
        try
        {
            if (Native.fcntl(fd, SetLease, ReadLease) == 0)
            {
                Native.fcntl(fd, SetLease, Unlock);
                return OpenWriterState.None;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return OpenWriterState.Unknown;
        }

        return Marshal.GetLastPInvokeError() == TryAgain ? OpenWriterState.Open : OpenWriterState.Unknown;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int fcntl(int fd, int command, int argument);
    }
}

internal enum OpenWriterState
{
    None,
    Open,
    Unknown,
}
