namespace IisSsl.Cli.Tests.Pipelines;

/// <summary>Where a sample job's publishing steps read results and artifacts, as folder plus file pattern.</summary>
internal static class Publishing
{
    /// <summary>GitHub: mikepenz/action-junit-report's <c>report_paths</c>; Azure: PublishTestResults@2 in JUnit format.</summary>
    public static IEnumerable<(string Folder, string Pattern)> Junit(PipelineJob job) => job.Steps.SelectMany(step => step.Action switch
    {
        { } a when a.StartsWith("mikepenz/action-junit-report@", StringComparison.Ordinal) => [Split(step.Inputs["report_paths"])],
        "PublishTestResults@2" when step.Inputs["testResultsFormat"] == "JUnit" => [(step.Inputs["searchFolder"], step.Inputs["testResultsFiles"].Trim('\''))],
        _ => Array.Empty<(string, string)>(),
    });

    /// <summary>GitHub: codeql-action/upload-sarif's folder; Azure: the CodeAnalysisLogs artifact the SARIF tab reads.</summary>
    public static IEnumerable<(string Folder, string Pattern)> Sarif(PipelineJob job) => job.Steps.SelectMany(step => step.Action switch
    {
        { } a when a.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) => [(step.Inputs["sarif_file"], "*.sarif")],
        "publish" when step.Inputs["artifact"] == "CodeAnalysisLogs" => [(step.Inputs["path"], "*.sarif")],
        _ => Array.Empty<(string, string)>(),
    });

    /// <summary>The folder the Windows job uploads and the folder the Linux job downloads it to (the same artifact).</summary>
    public static (string Uploaded, string Downloaded) SnapshotArtifact(PipelineFile pipeline)
    {
        var download = pipeline.LinuxJob.Steps.Single(s => s.Action is "download" || s.Action?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true);
        if (pipeline.IsAzure)
        {
            var artifact = download.Inputs["artifact"];
            var publish = pipeline.WindowsJob.Steps.Single(s => s.Action == "publish" && s.Inputs["artifact"] == artifact);
            return (publish.Inputs["path"], $"$(Pipeline.Workspace)/{artifact}");
        }

        var upload = pipeline.WindowsJob.Steps.Single(s => s.Action?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true && s.Inputs["name"] == download.Inputs["name"]);
        return (upload.Inputs["path"], download.Inputs["path"]);
    }

    public static bool Reads(this (string Folder, string Pattern) published, string path) =>
        NormalizedFolder(Path.GetDirectoryName(path)!) == NormalizedFolder(published.Folder)
        && System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(published.Pattern, Path.GetFileName(path));

    private static (string, string) Split(string glob) => (Path.GetDirectoryName(glob)!, Path.GetFileName(glob));

    private static string NormalizedFolder(string folder) => folder.Replace('\\', '/').TrimEnd('/');
}
