using System.CommandLine;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

/// <summary>The CLI takes the README's one vocabulary of option names, and keeps its older spellings as aliases.</summary>
public sealed class VocabularyTests
{
    private static readonly RootCommand Root = IisSslCli.CreateRoot(new CliConsole(TextWriter.Null, TextWriter.Null));

    [Fact]
    public void Every_cli_option_is_a_name_or_alias_in_the_readme_table_and_every_shared_name_is_a_cli_option()
    {
        var cli = Root.Subcommands
            .SelectMany(c => c.Options)
            .Where(o => o.Name != "--help")
            .SelectMany(o => o.Aliases.Append(o.Name))
            .ToHashSet(StringComparer.Ordinal);
        var table = OptionVocabulary.Rows
            .Where(r => r.Option is not null && !r.IsHostSpecific)
            .SelectMany(r => r.Aliases.Prepend(r.Option!))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(table.Order(StringComparer.Ordinal), cli.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--iis-config")]
    [InlineData("--config")]
    public void Verify_reads_the_configuration_under_its_vocabulary_name_and_its_old_one(string option)
    {
        var result = Cli.Run("verify", option, RepositoryPaths.Sample("seed-two-sites", "applicationHost.config"),
            "--sslcert", RepositoryPaths.Sample("seed-two-sites", "sslcert.txt"), "--certs", RepositoryPaths.Sample("seed-two-sites", "certs"));

        Assert.True(result.ExitCode == 1, result.Out + result.Error);
        Assert.Contains("sitev2.mysite.com", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("Json")]
    [InlineData("json")]
    public void The_format_is_accepted_in_any_case_like_build_sh_cake_and_nuke(string format)
    {
        var result = Cli.Run(SampleArgs.Verify("seed-san-certificate", "--format", format));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("{", result.Out.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--targets", "--hosts")]
    [InlineData("--target", "--host")]
    public void Probe_takes_targets_and_hosts_under_the_vocabulary_names_and_the_old_ones(string targets, string hosts)
    {
        var parsed = Root.Parse(["probe", targets, "10.0.0.11:443", targets, "10.0.0.12:443", hosts, "a.test", hosts, "b.test"]);
        var probe = Root.Subcommands.Single(c => c.Name == "probe");

        Assert.Empty(parsed.Errors);
        Assert.Equal(["10.0.0.11:443", "10.0.0.12:443"], parsed.GetValue<string[]>("--targets")!);
        Assert.Equal(["a.test", "b.test"], parsed.GetValue<string[]>("--hosts")!);
        Assert.Contains(probe.Options, o => o.Name == "--targets" && o.Aliases.Contains("--target"));
    }

    [Fact]
    public void With_output_the_text_report_still_goes_to_standard_output_as_the_help_says()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("report.xml");
        var help = Root.Subcommands.Single(c => c.Name == "verify").Options.Single(o => o.Name == "--output").Description;

        var result = Cli.Run(SampleArgs.Verify("seed-two-sites", "--format", "junit", "--output", file));

        Assert.Contains("<testsuite", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Contains("Endpoint *:443", result.Out, StringComparison.Ordinal);
        Assert.Contains("the readable text report still goes to standard output", help, StringComparison.Ordinal);
    }
}
