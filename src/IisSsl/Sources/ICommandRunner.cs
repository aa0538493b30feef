namespace IisSsl.Sources;

/// <summary>Runs a program and waits for it (netsh, appcmd). Substituted in tests with recorded output.</summary>
public interface ICommandRunner
{
    /// <exception cref="InvalidInputException">The program cannot be started (e.g. not on the PATH).</exception>
    CommandResult Run(string fileName, IReadOnlyList<string> arguments);
}

/// <summary>What a finished program returned.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
