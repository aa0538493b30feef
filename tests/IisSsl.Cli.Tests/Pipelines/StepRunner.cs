using System.Text.RegularExpressions;

namespace IisSsl.Cli.Tests.Pipelines;

/// <summary>
/// Runs a sample step's command lines here, with the built iis-ssl, in a folder standing for the agent's workspace.
/// Azure's macros become folders of that workspace. On the Windows host, what iis-ssl reads from the live machine
/// (applicationHost.config under %windir%, HTTP.SYS, the LocalMachine store) is a sample server's saved files instead.
/// Only the lines these samples use are understood; any other line fails the test rather than being skipped.
/// </summary>
internal sealed partial class StepRunner(string workspace, string? server = null)
{
    private const string LiveConfig = @"$env:windir\System32\inetsrv\config\applicationHost.config";

    // What iis-ssl reads from the machine itself on Windows when the option is left out.
    private static readonly (string Option, string File)[] LiveSources =
        [("--iis-config", "applicationHost.config"), ("--sslcert", "sslcert.txt"), ("--certs", "certs")];

    public string Workspace { get; } = workspace;

    /// <summary>The folder a path written in the sample stands for (macros expanded, relative to the workspace).</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(Workspace, Macro().Replace(path, m => Path.Combine(Workspace, m.Groups[1].Value))));

    /// <summary>Runs every line of the step; returns the last one's result, as the step's exit code is the last command's.</summary>
    public Cli.Result Run(PipelineStep step)
    {
        Cli.Result? last = null;
        foreach (var words in step.CommandLines)
            last = Run(words);
        return last ?? throw new InvalidOperationException($"step '{step.Name}' has no command");
    }

    private Cli.Result Run(string[] words)
    {
        if (words is ["New-Item", "-ItemType", "Directory", "-Force", "-Path", var folder, "|", "Out-Null"])
        {
            Directory.CreateDirectory(Resolve(folder));
            return new Cli.Result(0, "", "");
        }

        if (words[0] != "iis-ssl")
            throw new InvalidOperationException($"not understood here: {string.Join(' ', words)}");
        var args = words[1..].Select(w => w == LiveConfig ? Live("applicationHost.config") : Macro().IsMatch(w) ? Resolve(w) : w).ToList();
        if (server is not null && words[1] is "snapshot" or "verify")
        {
            foreach (var (option, file) in LiveSources.Where(s => !args.Contains(s.Option)))
                args.AddRange([option, Live(file)]);
        }

        return Cli.RunBuiltTool(Workspace, [.. args]);
    }

    private string Live(string file) => server is null
        ? throw new InvalidOperationException("this step reads the live Windows machine; give the runner a server's saved files")
        : Path.Combine(server, file);

    [GeneratedRegex(@"\$\(([A-Za-z.]+)\)")]
    private static partial Regex Macro();
}
