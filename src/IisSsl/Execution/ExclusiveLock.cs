namespace IisSsl.Execution;

/// <summary>
/// One writer at a time: an exclusively opened lock file beside the configuration, removed on dispose. A lock file
/// left by a killed run is not held by anyone (the system released it with the process) and is simply taken over.
/// </summary>
public sealed class ExclusiveLock : IDisposable
{
    public const string Suffix = ".iis-ssl.lock";

    private readonly FileStream _stream;

    private ExclusiveLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    /// <summary>The lock for changes to <paramref name="protectedFile"/>, or null when another writer holds it.</summary>
    /// <exception cref="InvalidInputException">The lock file cannot be created: the folder is read-only or not writable.</exception>
    public static ExclusiveLock? TryAcquire(string protectedFile)
    {
        var path = System.IO.Path.GetFullPath(protectedFile) + Suffix;
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            return new ExclusiveLock(stream, path);
        }
        catch (IOException e) when (IsHeldByAnother(e))
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(
                $"the folder {System.IO.Path.GetDirectoryName(path)} cannot be written ({e.Message}): apply needs to create its lock file {path} there; nothing was changed", inner: e);
        }
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>A sharing violation (Windows) or a refused <c>flock</c> (Unix: EWOULDBLOCK, 11 on Linux, 35 on macOS); anything else is the folder's problem.</summary>
    private static bool IsHeldByAnother(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult is 11 or 35;
}
