using System.Runtime.InteropServices;

namespace IisSsl.Execution;

/// <summary>
/// Swaps two names in one step (Linux <c>renameat2</c> with <c>RENAME_EXCHANGE</c>): both files survive, each under
/// the other's name, so putting an old file back never destroys the file it displaces.
/// </summary>
internal static class RenameExchange
{
    private const int CurrentDirectory = -100;
    private const uint Exchange = 2;

    /// <summary>True when the names were swapped; false when this system or file system cannot swap (nothing changed).</summary>
    /// <exception cref="IOException">The system can swap but refused these files.</exception>
    public static bool TrySwap(string first, string second)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            if (Native.renameat2(CurrentDirectory, first, CurrentDirectory, second, Exchange) == 0)
                return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }

        var errno = Marshal.GetLastPInvokeError();
        const int NotSupported = 22, NoSystemCall = 38, OperationNotSupported = 95;
        if (errno is NotSupported or NoSystemCall or OperationNotSupported)
            return false;
        throw new IOException($"{first} and {second} could not be swapped (errno {errno})");
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int renameat2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
    }
}
