using System.CommandLine;
using System.Xml.Linq;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests.Pipelines;

/// <summary>
/// samples/pipelines: a GitHub Actions workflow and an Azure Pipelines deployment job that run EnsureSslHostHeaders,
/// VerifyCertCoverage and ProbeTlsEndpoints on the Windows IIS host and verify a snapshot of it on Linux. The GitHub
/// workflow passes GitHub's own workflow parser. No Azure Pipelines schema or linter is on the registries here
/// (azure-pipelines-language-service ships none: the schema comes from the server), so that file is held to its
/// structure. In both, every iis-ssl line parses with the real CLI, and the snapshot hand-off runs here for real.
/// </summary>
public sealed class PipelineSampleTests
{
    private static readonly RootCommand Parser = IisSslCli.CreateRoot(new CliConsole(TextWriter.Null, TextWriter.Null));

    public static TheoryData<string> Files => new() { PipelineFile.GitHub, PipelineFile.Azure };

    [WorkflowParserFact]
    public void The_github_workflow_passes_githubs_own_workflow_parser()
    {
        var result = WorkflowParser.Validate(Path.Combine(PipelineFile.Folder, PipelineFile.GitHub));

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("0 error(s)", result.Out, StringComparison.Ordinal);
    }

    [WorkflowParserTheory]
    [InlineData("runs-on: ubuntu-latest", "runs-onn: ubuntu-latest", "Unexpected value 'runs-onn'")]
    [InlineData("${{ secrets.IIS_SSL_PFX_PASSWORD }}", "${{ secret.IIS_SSL_PFX_PASSWORD }}", "Unrecognized named-value: 'secret'")]
    [InlineData("if: ${{ !cancelled() }}", "if: ${{ !cancelled( }}", "Unexpected end of expression")]
    public void A_mistyped_key_context_or_expression_fails_githubs_workflow_parser(string from, string to, string error)
    {
        using var temp = new TempDirectory();
        var workflow = PipelineFile.Load(PipelineFile.GitHub).Text;
        Assert.Contains(from, workflow, StringComparison.Ordinal);
        var broken = temp.Write("broken.yml", workflow.Replace(from, to, StringComparison.Ordinal));

        var result = WorkflowParser.Validate(broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(error, result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_iis_ssl_command_line_parses_with_the_cli(string file)
    {
        var commands = PipelineFile.Load(file).Jobs.SelectMany(j => j.IisSslCommands).ToList();

        Assert.NotEmpty(commands);
        foreach (var (_, words) in commands)
            Assert.True(ParseErrors(words).Count == 0, $"{file}: '{string.Join(' ', words)}': {string.Join("; ", ParseErrors(words))}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_mistyped_option_on_a_sample_line_is_a_parse_error(string file)
    {
        var (_, words) = PipelineFile.Load(file).WindowsJob.IisSslCommands.Single(c => c.Words[1] == "snapshot");

        Assert.NotEmpty(ParseErrors([.. words.Select(w => w == "--iis-config" ? "--iis-confg" : w)]));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_option_on_a_sample_line_is_its_name_in_the_readme_options_table(string file)
    {
        var names = OptionVocabulary.Rows.Select(r => r.Option).OfType<string>().ToHashSet(StringComparer.Ordinal);

        foreach (var (_, words) in PipelineFile.Load(file).Jobs.SelectMany(j => j.IisSslCommands))
        {
            foreach (var option in words.Where(w => w.StartsWith("--", StringComparison.Ordinal)))
                Assert.True(names.Contains(option), $"{file}: {option} is not a name of the README's options table ('{string.Join(' ', words)}')");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Ensure_verify_and_probe_run_on_the_windows_iis_host_and_verify_again_on_linux_from_its_snapshot(string file)
    {
        var pipeline = PipelineFile.Load(file);
        var windows = pipeline.WindowsJob;
        var linux = pipeline.LinuxJob;

        Assert.Equal(["apply", "verify", "probe", "snapshot"], windows.IisSslCommands.Select(c => c.Words[1]));
        Assert.Equal("EnsureSslHostHeaders", windows.StepRunning("apply").Name);
        Assert.Equal("VerifyCertCoverage", windows.StepRunning("verify").Name);
        Assert.Equal("ProbeTlsEndpoints", windows.StepRunning("probe").Name);
        Assert.Equal(["verify"], linux.IisSslCommands.Select(c => c.Words[1]));
        Assert.Equal("VerifyCertCoverage", linux.StepRunning("verify").Name);
        Assert.True(pipeline.Jobs.ToList().IndexOf(windows) < pipeline.Jobs.ToList().IndexOf(linux));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_iis_ssl_command_is_the_last_line_of_its_step_so_its_exit_code_is_the_steps(string file)
    {
        foreach (var job in PipelineFile.Load(file).Jobs)
        {
            foreach (var step in job.Steps.Where(s => s.CommandLines.Any(words => words[0] == "iis-ssl")))
            {
                Assert.Single(step.CommandLines, words => words[0] == "iis-ssl");
                Assert.Equal("iis-ssl", step.CommandLines[^1][0]);
                Assert.Null(step.ContinueOnError);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void After_a_failed_check_the_other_checks_and_the_publishing_still_run_unless_the_run_is_cancelled(string file)
    {
        var pipeline = PipelineFile.Load(file);
        var notCancelled = pipeline.IsAzure ? "succeededOrFailed()" : "!cancelled()";

        foreach (var job in new[] { pipeline.WindowsJob, pipeline.LinuxJob })
        {
            var first = job.Steps.ToList().IndexOf(job.IisSslCommands.First().Step);
            foreach (var step in job.Steps.Skip(first + 1))
                Assert.True(step.Condition?.Contains(notCancelled, StringComparison.Ordinal) == true, $"{file}: step '{step.Name ?? step.Action}' does not run after a failed check");
        }

        Assert.Contains(notCancelled, pipeline.LinuxJob.Condition, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_check_writes_junit_or_sarif_where_a_publishing_step_reads_it(string file)
    {
        var pipeline = PipelineFile.Load(file);

        foreach (var job in pipeline.Jobs)
        {
            foreach (var (_, words) in job.IisSslCommands.Where(c => c.Words[1] != "snapshot"))
            {
                var format = words[Array.IndexOf(words, "--format") + 1];
                var output = words[Array.IndexOf(words, "--output") + 1];
                var published = format switch { "junit" => Publishing.Junit(job), "sarif" => Publishing.Sarif(job), _ => [] };
                Assert.True(published.Any(p => p.Reads(output)), $"{file}: the {format} report {output} of '{words[1]}' is not published by job {job.Id}");
            }
        }

        Assert.NotEmpty(Publishing.Junit(pipeline.WindowsJob));
        Assert.NotEmpty(Publishing.Sarif(pipeline.WindowsJob));
        Assert.NotEmpty(Publishing.Junit(pipeline.LinuxJob));
    }

    [Theory]
    [InlineData(PipelineFile.GitHub, "${{ secrets.IIS_SSL_PFX_PASSWORD }}")]
    [InlineData(PipelineFile.Azure, "$(IIS_SSL_PFX_PASSWORD)")]
    public void The_pfx_password_goes_from_a_secret_into_the_ensure_steps_environment_only_never_onto_a_command_line(string file, string secret)
    {
        var pipeline = PipelineFile.Load(file);
        var withSecret = pipeline.Jobs.SelectMany(j => j.Steps).Where(s => s.Env.Values.Contains(secret)).ToList();

        Assert.Equal([pipeline.WindowsJob.StepRunning("apply")], withSecret);
        Assert.Equal(secret, withSecret[0].Env["IIS_SSL_PFX_PASSWORD"]);
        Assert.Equal(2, pipeline.Text.Split(secret).Length);
        Assert.DoesNotContain(pipeline.Jobs.SelectMany(j => j.Steps).SelectMany(s => s.CommandLines).SelectMany(w => w),
            word => word.Contains("password", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_job_installs_the_cli_package_the_readme_documents_before_it_runs_iis_ssl(string file)
    {
        var package = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "IisSsl.Cli", "IisSsl.Cli.csproj")).Descendants("PackageId").Single().Value;
        Assert.Contains($"dotnet tool install --global {package}", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")), StringComparison.Ordinal);

        foreach (var job in PipelineFile.Load(file).Jobs)
        {
            var install = job.Steps.ToList().FindIndex(s => s.CommandLines.Any(w => w is ["dotnet", "tool", "install", ..] && w.Contains(package) && w.Contains("--version")));
            Assert.True(install >= 0, $"{file}: job {job.Id} does not install {package}");
            Assert.True(install < job.Steps.ToList().IndexOf(job.IisSslCommands.First().Step));
        }
    }

    // Every sample server with saved HTTP.SYS state, in both files; two of them with the outcome the README states.
    public static TheoryData<string, string> HandOffs
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var server in Directory.GetDirectories(RepositoryPaths.Samples).Where(d => File.Exists(Path.Combine(d, "sslcert.txt"))).Select(Path.GetFileName).OfType<string>())
            {
                data.Add(PipelineFile.GitHub, server);
                data.Add(PipelineFile.Azure, server);
            }

            return data;
        }
    }

    private static readonly Dictionary<string, int> KnownOutcomes = new(StringComparer.Ordinal) { ["seed-two-sites"] = 1, ["seed-san-certificate"] = 0 };

    [Theory]
    [MemberData(nameof(HandOffs))]
    public void On_a_server_the_windows_check_and_the_linux_check_of_its_snapshot_agree_and_are_published(string file, string server)
    {
        var pipeline = PipelineFile.Load(file);
        using var temp = new TempDirectory();
        var windows = new StepRunner(temp.CreateDirectory("windows"), RepositoryPaths.Sample(server));
        var linux = new StepRunner(temp.CreateDirectory("linux"));

        var verified = windows.Run(pipeline.WindowsJob.StepRunning("verify"));
        var snapshot = windows.Run(pipeline.WindowsJob.StepRunning("snapshot"));
        var (uploaded, downloaded) = Publishing.SnapshotArtifact(pipeline);
        CopyFolder(windows.Resolve(uploaded), linux.Resolve(downloaded));
        var verifiedOnLinux = linux.Run(pipeline.LinuxJob.StepRunning("verify"));

        Assert.True(snapshot.ExitCode == 0, snapshot.Out + snapshot.Error);
        Assert.True(verified.ExitCode is 0 or 1, verified.Out + verified.Error);
        Assert.True(verifiedOnLinux.ExitCode == verified.ExitCode, verifiedOnLinux.Out + verifiedOnLinux.Error);
        Assert.Equal(KnownOutcomes.GetValueOrDefault(server, verified.ExitCode), verified.ExitCode);
        var sarif = File.ReadAllText(Assert.Single(Reports(windows, Publishing.Sarif(pipeline.WindowsJob))));
        var junit = File.ReadAllText(Assert.Single(Reports(linux, Publishing.Junit(pipeline.LinuxJob))));
        Assert.Equal(verified.ExitCode == 1, junit.Contains("<failure", StringComparison.Ordinal));
        Assert.Equal(verified.ExitCode == 1, sarif.Contains("\"level\": \"error\"", StringComparison.Ordinal));
        if (server == "seed-two-sites")
        {
            Assert.Contains("HostNotCovered", sarif, StringComparison.Ordinal);
            Assert.Contains("HostNotCovered", junit, StringComparison.Ordinal);
            Assert.Contains("sitev2.mysite.com", junit, StringComparison.Ordinal);
        }
    }

    private static IReadOnlyList<string> ParseErrors(string[] words) => [.. Parser.Parse(words[1..]).Errors.Select(e => e.Message)];

    private static IEnumerable<string> Reports(StepRunner runner, IEnumerable<(string Folder, string Pattern)> published) =>
        published.SelectMany(p => Directory.Exists(runner.Resolve(p.Folder)) ? Directory.GetFiles(runner.Resolve(p.Folder), p.Pattern) : []);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
