namespace IisSsl;

/// <summary>
/// Input that could not be read or used: a missing file, malformed XML or JSON, a bad binding string
/// in a manifest, a wrong PFX password. Hosts print <see cref="Exception.Message"/> as one line and exit 2.
/// </summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(string problem, string? file = null, int? line = null, Exception? inner = null)
        : base(Format(problem, file, line), inner)
    {
        Problem = problem;
        File = file;
        Line = line;
    }

    public string Problem { get; }

    public string? File { get; }

    public int? Line { get; }

    private static string Format(string problem, string? file, int? line) => (file, line) switch
    {
        (null, _) => problem,
        (_, null or <= 0) => $"{file}: {problem}",
        _ => $"{file}:{line}: {problem}",
    };
}
