namespace IisSsl.Execution;

/// <summary>Runs a program and waits for it: the seam that keeps netsh out of the tests.</summary>
public interface ICommandRunner
{
    CommandResult Run(string fileName, IReadOnlyList<string> arguments);
}

public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);
