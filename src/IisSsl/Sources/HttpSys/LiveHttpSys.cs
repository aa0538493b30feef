using IisSsl.Model;

namespace IisSsl.Sources.HttpSys;

/// <summary>
/// The live machine's HTTP.SYS records, read through <c>netsh http show sslcert</c> and the same parser as saved
/// output. Windows only: elsewhere reading fails with a hint to pass a saved file.
/// </summary>
public sealed class LiveHttpSys : IHttpSysSource
{
    public const string Command = "netsh";

    public static readonly IReadOnlyList<string> Arguments = ["http", "show", "sslcert"];

    private readonly ICommandRunner _runner;
    private readonly bool _isWindows;

    public LiveHttpSys()
        : this(new ProcessCommandRunner(), OperatingSystem.IsWindows())
    {
    }

    /// <summary>Reads through <paramref name="runner"/>, which decides where netsh runs.</summary>
    public LiveHttpSys(ICommandRunner runner)
        : this(runner, isWindows: true)
    {
    }

    internal LiveHttpSys(ICommandRunner runner, bool isWindows)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _isWindows = isWindows;
    }

    public static string Source => $"{Command} {string.Join(' ', Arguments)}";

    public HttpSysState Read()
    {
        if (!_isWindows)
            throw new InvalidInputException("reading live HTTP.SYS needs Windows; pass --sslcert FILE");

        var result = _runner.Run(Command, Arguments);
        if (!result.Succeeded)
        {
            var detail = FirstLine(result.StandardError) ?? FirstLine(result.StandardOutput) ?? "no output";
            throw new InvalidInputException($"'{Source}' failed with exit code {result.ExitCode}: {detail}");
        }

        return NetshSslCertParser.Parse(result.StandardOutput, Source);
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
