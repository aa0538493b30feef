using IisSsl.Sources;

namespace IisSsl.Execution;

/// <summary>
/// Keeps a replaced file's permissions. On Unix a rename gives the target the new file's mode and owner, so the new
/// file takes the original's before the rename. On Windows <see cref="File.Replace(string, string, string?, bool)"/>
/// keeps the target's ACL and attributes itself (not exercised here: the tests run on Linux).
/// </summary>
internal static class FileMetadata
{
    /// <summary>
    /// Gives <paramref name="target"/> the mode and owner of <paramref name="original"/>.
    /// With <paramref name="ownerRequired"/>, an owner that cannot be kept is an error; otherwise only the mode is.
    /// </summary>
    public static void CopyUnixModeAndOwner(string original, string target, bool ownerRequired)
    {
        if (OperatingSystem.IsWindows())
            return;
        File.SetUnixFileMode(target, File.GetUnixFileMode(original));
        if (UnixFileStatus.TryGet(original) is not { } source || UnixFileStatus.TryGet(target) is not { } written)
            return;
        if (source.UserId == written.UserId && source.GroupId == written.GroupId)
            return;
        if (!UnixFileStatus.TryChown(target, source.UserId, source.GroupId, out var error) && ownerRequired)
            throw new ExecutionFailedException($"{original} is owned by {source.UserId}:{source.GroupId} and its replacement could not be given that owner ({error}); nothing was replaced");
    }

    /// <summary>
    /// Refuses a file nobody may write: a read-only config (Unix mode without the owner's write bit, or the Windows
    /// read-only attribute) is someone's decision, not something apply overrides, even when it runs as root.
    /// </summary>
    /// <exception cref="InvalidInputException">The file is read-only.</exception>
    public static void EnsureNotReadOnly(string path)
    {
        if (!File.Exists(path))
            return;
        if (OperatingSystem.IsWindows())
        {
            if (File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly))
                throw new InvalidInputException("is read-only (its read-only attribute is set); apply does not replace a read-only file: clear the attribute first", path);
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserWrite))
            throw new InvalidInputException($"is read-only (mode {Octal(mode)}); apply does not replace a read-only file: make it writable (chmod u+w) first", path);
    }

    public static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);
}
