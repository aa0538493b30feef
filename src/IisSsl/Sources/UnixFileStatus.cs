using System.Runtime.InteropServices;

namespace IisSsl.Sources;

/// <summary>
/// What the BCL does not say about a Unix file: its type (regular file, FIFO, device...) and its owner (and its size, from the same call). Linux only,
/// through <c>statx</c>, whose buffer layout is the same on every architecture; elsewhere <see cref="TryGet"/>
/// answers null and callers fall back to what the BCL offers.
/// </summary>
internal readonly record struct UnixFileStatus(UnixFileKind Kind, uint UserId, uint GroupId, long Size)
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint WantTypeModeOwnerSize = 0x1 | 0x2 | 0x8 | 0x10 | 0x200;
    private const int TypeMask = 0xF000;

    /// <summary>The status of <paramref name="path"/> (of the link itself when <paramref name="followLinks"/> is false), or null when unknown.</summary>
    public static UnixFileStatus? TryGet(string path, bool followLinks = true)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var buffer = new byte[256];
        try
        {
            if (Native.statx(AtCurrentDirectory, path, followLinks ? 0 : AtSymlinkNoFollow, WantTypeModeOwnerSize, buffer) != 0)
                return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }

        var mode = BitConverter.ToUInt16(buffer, 28);
        var kind = (mode & TypeMask) switch
        {
            0x8000 => UnixFileKind.Regular,
            0x4000 => UnixFileKind.Directory,
            0xA000 => UnixFileKind.SymbolicLink,
            0x1000 => UnixFileKind.Fifo,
            0x2000 => UnixFileKind.CharacterDevice,
            0x6000 => UnixFileKind.BlockDevice,
            0xC000 => UnixFileKind.Socket,
            _ => UnixFileKind.Other,
        };
        return new UnixFileStatus(kind, BitConverter.ToUInt32(buffer, 20), BitConverter.ToUInt32(buffer, 24), BitConverter.ToInt64(buffer, 40));
    }

    /// <summary>Gives <paramref name="path"/> this owner; false (with errno in the message) when the system refuses.</summary>
    public static bool TryChown(string path, uint userId, uint groupId, out string? error)
    {
        error = null;
        if (Native.chown(path, userId, groupId) == 0)
            return true;
        error = $"chown failed (errno {Marshal.GetLastPInvokeError()})";
        return false;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        public static extern int chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);
    }
}

internal enum UnixFileKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}
