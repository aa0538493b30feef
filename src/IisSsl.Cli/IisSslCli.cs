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
        var root = CreateRoot(new CliConsole(output, error));
        ParseResult parsed;
        try
        {
            parsed = root.Parse(args);
        }
        catch (InvalidOperationException ex)
        {
            // A validator that reads an option the parser could not convert: still a usage error, never a crash.
            return UsageError(error, [ex.Message]);
        }

        if (parsed.Errors.Count > 0)
            return UsageError(error, parsed.Errors.Select(e => e.Message));

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

    internal static RootCommand CreateRoot(CliConsole console)
    {
        var root = new RootCommand("Verify, plan, apply, replace and probe IIS HTTPS host-header bindings and their certificates.")
        {
            VerifyCommand.Create(console),
            EnsureCommands.CreatePlan(console),
            EnsureCommands.CreateApply(console),
            ReplaceCommand.Create(console),
            ProbeCommand.Create(console),
            SnapshotCommand.Create(console),
        };
        foreach (var command in root.Subcommands)
            RefuseOptionNamesAsValues(command);
        return root;
    }

    /// <summary>True when an option was given without its value, with an empty one, or with another option's name as its value.</summary>
    internal static bool HasMissingOptionValue(System.CommandLine.Parsing.CommandResult result)
    {
        var names = result.Command.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        return result.Children.OfType<System.CommandLine.Parsing.OptionResult>().Any(o =>
            !o.Implicit && o.Option.Arity.MinimumNumberOfValues > 0 && (o.Tokens.Count == 0 || o.Tokens.Any(t => t.Value.Length == 0 || names.Contains(t.Value))));
    }

    /// <summary>
    /// <c>apply --backup-dir --dry-run</c> would otherwise take "--dry-run" as the folder and apply for real: an
    /// option's value that is another option's name means the value was forgotten. So does an empty value
    /// (<c>--config "$UNSET_VARIABLE"</c>), which is no file name.
    /// </summary>
    private static void RefuseOptionNamesAsValues(Command command)
    {
        var names = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var option in command.Options.Where(o => o.Arity.MaximumNumberOfValues > 0))
        {
            option.Validators.Add(result =>
            {
                foreach (var token in result.Tokens.Where(t => names.Contains(t.Value)))
                    result.AddError($"{option.Name} needs a value, but the next word is the option '{token.Value}'.");
                if (result.Tokens.Any(t => t.Value.Length == 0))
                    result.AddError($"{option.Name} needs a value, but it was given an empty one (\"\").");
            });
        }
    }

    private static int UsageError(TextWriter error, IEnumerable<string> messages)
    {
        foreach (var message in messages)
            error.WriteLine($"iis-ssl: {message}");
        error.WriteLine("Run 'iis-ssl --help' for usage.");
        return BadInput;
    }
}
