namespace IisSsl.Sources;

/// <summary>
/// Reads a file the user named. A missing or unreadable file becomes one <see cref="InvalidInputException"/> that
/// names the file and says which, never a raw I/O exception.
/// </summary>
internal static class InputFile
{
    public static byte[] ReadAllBytes(string path, string what = "the file") => Guard(path, what, () => File.ReadAllBytes(path));

    /// <summary>Text with the encoding its byte order mark names (UTF-8 without one).</summary>
    public static string ReadAllText(string path, string what = "the file") => Guard(path, what, () => File.ReadAllText(path));

    /// <summary>Whether <paramref name="e"/> is a failure to open or read a file, which <see cref="Refusal"/> words.</summary>
    public static bool IsReadFailure(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>The one line that says why <paramref name="path"/> could not be read.</summary>
    public static InvalidInputException Refusal(Exception e, string path, string what) => e is FileNotFoundException or DirectoryNotFoundException
        ? new InvalidInputException($"{what} was not found", path, inner: e)
        : new InvalidInputException($"{what} cannot be read: {e.Message}", path, inner: e);

    /// <summary>What <paramref name="read"/> returns; a failure to read becomes its <see cref="Refusal"/>.</summary>
    public static T Guard<T>(string path, string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw Refusal(e, path, what);
        }
    }
}
