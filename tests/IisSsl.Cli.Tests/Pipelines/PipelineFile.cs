using System.Text.RegularExpressions;
using IisSsl.TestSupport;
using YamlDotNet.RepresentationModel;

namespace IisSsl.Cli.Tests.Pipelines;

/// <summary>
/// One of samples/pipelines' files read as its CI system reads it: jobs in document order, each with the machine it
/// runs on and its steps. GitHub Actions: <c>jobs.ID.steps</c>; Azure Pipelines: <c>stages[].jobs[]</c>, a
/// deployment job's steps under <c>strategy.runOnce.deploy</c>.
/// </summary>
internal sealed record PipelineFile(string Name, string Text, IReadOnlyList<PipelineJob> Jobs)
{
    public const string GitHub = "github-actions.yml";
    public const string Azure = "azure-pipelines.yml";

    public static readonly string Folder = RepositoryPaths.Sample("pipelines");

    public bool IsAzure => Name == Azure;

    public PipelineJob WindowsJob => Jobs.Single(j => j.OnWindowsIisHost);

    public PipelineJob LinuxJob => Jobs.Single(j => j.OnLinux);

    public static PipelineFile Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder, name));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        var jobs = name == Azure
            ? Sequence(root, "stages").SelectMany(stage => Sequence(stage, "jobs").Select(job => AzureJob(job, Scalar(stage, "condition"))))
            : ((YamlMappingNode)root["jobs"]).Children.Select(job => GitHubJob(job.Key.ToString(), (YamlMappingNode)job.Value));
        return new PipelineFile(name, text, [.. jobs]);
    }

    private static PipelineJob GitHubJob(string id, YamlMappingNode job)
    {
        var runsOn = job["runs-on"] is YamlSequenceNode labels ? labels.Select(l => l.ToString()).ToList() : [job["runs-on"].ToString()];
        return new PipelineJob(
            id,
            OnWindowsIisHost: runsOn.Contains("self-hosted") && runsOn.Contains("windows"),
            OnLinux: runsOn.Any(l => l.StartsWith("ubuntu-", StringComparison.Ordinal)),
            Condition: Scalar(job, "if"),
            [.. Sequence(job, "steps").Select(Step)]);
    }

    private static PipelineJob AzureJob(YamlMappingNode job, string? stageCondition)
    {
        var environment = Child(job, "environment") as YamlMappingNode;
        var steps = Scalar(job, "deployment") is null
            ? Sequence(job, "steps")
            : Sequence((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)job["strategy"])["runOnce"])["deploy"], "steps");
        return new PipelineJob(
            Scalar(job, "deployment") ?? Scalar(job, "job")!,
            OnWindowsIisHost: environment is not null && Scalar(environment, "resourceType") == "VirtualMachine",
            OnLinux: Child(job, "pool") is YamlMappingNode pool && Scalar(pool, "vmImage")?.StartsWith("ubuntu-", StringComparison.Ordinal) == true,
            Condition: Scalar(job, "condition") ?? stageCondition,
            [.. steps.Select(Step)]);
    }

    private static PipelineStep Step(YamlMappingNode step) => new(
        Scalar(step, "name") ?? Scalar(step, "displayName"),
        Scalar(step, "run") ?? Scalar(step, "powershell") ?? Scalar(step, "pwsh") ?? Scalar(step, "bash") ?? Scalar(step, "script"),
        Scalar(step, "uses") ?? Scalar(step, "task") ?? (Scalar(step, "publish") is null ? null : "publish") ?? (Scalar(step, "download") is null ? null : "download"),
        Scalar(step, "if") ?? Scalar(step, "condition"),
        Map(step, "with") ?? Map(step, "inputs") ?? Shortcut(step) ?? new Dictionary<string, string>(),
        Map(step, "env") ?? new Dictionary<string, string>(),
        Scalar(step, "continue-on-error") ?? Scalar(step, "continueOnError"));

    // Azure's `publish: PATH` and `download: current` shortcuts, with the artifact they name.
    private static Dictionary<string, string>? Shortcut(YamlMappingNode step) => (Scalar(step, "publish") ?? Scalar(step, "download")) is { } path
        ? new Dictionary<string, string> { ["path"] = path, ["artifact"] = Scalar(step, "artifact") ?? "" }
        : null;

    private static IEnumerable<YamlMappingNode> Sequence(YamlNode node, string key) =>
        Child((YamlMappingNode)node, key) is YamlSequenceNode sequence ? sequence.Children.OfType<YamlMappingNode>() : [];

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static Dictionary<string, string>? Map(YamlMappingNode map, string key) =>
        Child(map, key) is YamlMappingNode child ? child.Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString()) : null;
}

internal sealed record PipelineJob(string Id, bool OnWindowsIisHost, bool OnLinux, string? Condition, IReadOnlyList<PipelineStep> Steps)
{
    public IEnumerable<(PipelineStep Step, string[] Words)> IisSslCommands =>
        Steps.SelectMany(step => step.CommandLines.Where(words => words[0] == "iis-ssl").Select(words => (step, words)));

    public PipelineStep StepRunning(string subcommand) => IisSslCommands.Single(c => c.Words[1] == subcommand).Step;
}

internal sealed partial record PipelineStep(
    string? Name,
    string? Script,
    string? Action,
    string? Condition,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string> Env,
    string? ContinueOnError)
{
    /// <summary>The script's command lines split into words as PowerShell and bash split these simple ones: "quoted" or bare.</summary>
    public IReadOnlyList<string[]> CommandLines => Script is null
        ? []
        : [.. Script.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(line => Word().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value).ToArray())];

    [GeneratedRegex("\"([^\"]*)\"|\\S+")]
    private static partial Regex Word();
}
