namespace IisSsl.Execution;

/// <summary>One writer at a time: an exclusively opened lock file beside the configuration, removed on dispose.</summary>
public sealed class ExclusiveLock : IDisposable
{
    private readonly FileStream _stream;

    private ExclusiveLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    /// <summary>The lock for changes to <paramref name="protectedFile"/>, or null when another writer holds it.</summary>
    public static ExclusiveLock? TryAcquire(string protectedFile)
    {
        var path = System.IO.Path.GetFullPath(protectedFile) + ".iis-ssl.lock";
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            return new ExclusiveLock(stream, path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ExecutionFailedException($"the lock file {path} cannot be created: {e.Message}", e);
        }
    }

    public void Dispose() => _stream.Dispose();
}
