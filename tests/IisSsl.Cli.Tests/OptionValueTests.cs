using System.CommandLine;
using IisSsl.Cli;

namespace IisSsl.Cli.Tests;

/// <summary>
/// Every option that takes a value, given none (at the end, or followed by another option), is a usage error: exit 2
/// with a line naming the option, never an unhandled exception (issue 14: <c>probe --config</c> crashed with 134);
/// so is an empty value (<c>verify --config ""</c> was exit 70, found by the fuzz harness).
/// </summary>
public sealed class OptionValueTests
{
    /// <summary>Each command's options that take a value, with another of its options to follow one.</summary>
    public static TheoryData<string, string, string> OptionsWithValues()
    {
        var data = new TheoryData<string, string, string>();
        using var quiet = new StringWriter();
        foreach (var command in IisSslCli.CreateRoot(new CliConsole(quiet, quiet)).Subcommands)
        {
            var withValues = command.Options.Where(o => o.Arity.MinimumNumberOfValues > 0).ToList();
            for (var i = 0; i < withValues.Count; i++)
                data.Add(command.Name, withValues[i].Name, withValues[(i + 1) % withValues.Count].Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OptionsWithValues))]
    public void An_option_without_its_value_is_a_usage_error_naming_it(string command, string option, string next)
    {
        foreach (var args in new[] { new[] { command, option }, [command, option, next, "x"] })
        {
            var result = Cli.Run(args);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(option, result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(OptionsWithValues))]
    public void An_option_given_an_empty_value_is_a_usage_error_naming_it(string command, string option, string next)
    {
        _ = next;
        var result = Cli.Run(command, option, "");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option} needs a value, but it was given an empty one", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_name_is_never_taken_as_another_options_value()
    {
        // Taken as the folder, "--dry-run" would turn a dry run into a real apply.
        var result = Cli.Run("apply", "--manifest", "m.json", "--backup-dir", "--dry-run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--backup-dir needs a value, but the next word is the option '--dry-run'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_has_options_with_values_to_check()
    {
        Assert.True(OptionsWithValues().Count >= 20);
    }
}
