using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests.Pipelines;

/// <summary>
/// GitHub's own workflow parser (@actions/workflow-parser, the one behind the Actions language service), run by node
/// from tests/pipelines, where .ci/run installs it with <c>npm ci --prefix tests/pipelines</c>. The tests never run npm.
/// </summary>
internal static class WorkflowParser
{
    public static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "pipelines");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why it cannot run here, or null when it can.</summary>
    public static string? Missing { get; } = FindMissing();

    /// <summary>Validates a workflow file: one line per error and "N error(s)" on standard output, exit code 1 when there is any.</summary>
    public static Cli.Result Validate(string workflow)
    {
        Assert.True(Missing is null, $"{Missing}; .ci/run installs it.");
        return Cli.RunProcess(Folder, "node", [Path.Combine(Folder, "validate-workflow.mjs"), workflow]);
    }

    private static string? FindMissing()
    {
        var node = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "node")) || File.Exists(Path.Combine(dir, "node.exe")));
        if (!node)
            return "node is not installed (apt-get install -y nodejs npm)";
        return Directory.Exists(Path.Combine(Folder, "node_modules", "@actions", "workflow-parser"))
            ? null
            : "GitHub's workflow parser is not installed (npm ci --prefix tests/pipelines)";
    }
}

/// <summary>
/// A test that needs GitHub's workflow parser: skipped with the reason on a machine without node or the parser, but run
/// (and failing) when <c>CI=true</c>, so CI never skips it silently; .ci/run installs both.
/// </summary>
public sealed class WorkflowParserFactAttribute : FactAttribute
{
    public WorkflowParserFactAttribute()
    {
        if (WorkflowParser.Missing is { } missing && !WorkflowParser.IsCi)
            Skip = $"{missing}; with CI=true this test fails instead.";
    }
}

/// <inheritdoc cref="WorkflowParserFactAttribute"/>
public sealed class WorkflowParserTheoryAttribute : TheoryAttribute
{
    public WorkflowParserTheoryAttribute()
    {
        if (WorkflowParser.Missing is { } missing && !WorkflowParser.IsCi)
            Skip = $"{missing}; with CI=true this test fails instead.";
    }
}
