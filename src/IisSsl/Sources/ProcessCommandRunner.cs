using System.ComponentModel;
using System.Diagnostics;

namespace IisSsl.Sources;

/// <summary>Runs programs as child processes, capturing both output streams.</summary>
public sealed class ProcessCommandRunner : ICommandRunner
{
    public CommandResult Run(string fileName, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        try
        {
            using var process = Process.Start(start)
                ?? throw new InvalidInputException($"cannot start '{fileName}'");
            // Read stderr concurrently so a chatty child cannot block on a full pipe.
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new CommandResult(process.ExitCode, output, error.GetAwaiter().GetResult());
        }
        catch (Win32Exception e)
        {
            throw new InvalidInputException($"cannot start '{fileName}': {e.Message}", inner: e);
        }
    }
}
