using System.CommandLine;
using IisSsl.Cli.Commands;

namespace IisSsl.Cli;

/// <summary>
/// The <c>iis-ssl</c> command line: one sub-command per engine entry point. Exit codes: 0 holds, 1 at least one
/// error finding (or apply refused), 2 input could not be read or used. A user mistake never shows a stack trace.
/// </summary>
public static class IisSslCli
{
    public const int Holds = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int InternalError = 70;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var console = new CliConsole(output, error);
        var root = new RootCommand("Verify, plan, apply and probe IIS HTTPS host-header bindings and their certificates.")
        {
            VerifyCommand.Create(console),
            EnsureCommands.CreatePlan(console),
            EnsureCommands.CreateApply(console),
            ProbeCommand.Create(console),
            SnapshotCommand.Create(console),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
                error.WriteLine($"iis-ssl: {parseError.Message}");
            error.WriteLine("Run 'iis-ssl --help' for usage.");
            return BadInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (InvalidInputException ex)
        {
            error.WriteLine($"iis-ssl: error: {ex.Message}");
            return BadInput;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error.WriteLine($"iis-ssl: internal error ({ex.GetType().Name}): {ex.Message}");
            error.WriteLine("This is a bug in iis-ssl, not in your input; please report it with the command line you ran.");
            return InternalError;
        }
    }
}
