using System.Buffers;

namespace IisSsl.Sources;

/// <summary>
/// Reads a file the user named. A missing or unreadable file becomes one <see cref="InvalidInputException"/> that
/// names the file and says which, never a raw I/O exception.
/// </summary>
internal static class InputFile
{
    public static byte[] ReadAllBytes(string path, string what = "the file") => Guard(path, what, () => File.ReadAllBytes(path));

    /// <summary>The file's bytes in a buffer from the shared pool, given back when the result is disposed.</summary>
    public static PooledBytes ReadPooled(string path, string what = "the file") => Guard(path, what, () =>
    {
        using var file = File.OpenHandle(path);
        var length = checked((int)RandomAccess.GetLength(file));
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        var read = 0;
        while (read < length)
        {
            var n = RandomAccess.Read(file, buffer.AsSpan(read, length - read), read);
            if (n == 0)
                break;
            read += n;
        }

        return new PooledBytes(buffer, read);
    });

    /// <summary>Text with the encoding its byte order mark names (UTF-8 without one).</summary>
    public static string ReadAllText(string path, string what = "the file") => Guard(path, what, () => File.ReadAllText(path));

    private static T Guard<T>(string path, string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidInputException($"{what} was not found", path, inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{what} cannot be read: {e.Message}", path, inner: e);
        }
    }
}
