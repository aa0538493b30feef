using Newtonsoft.Json.Linq;
using Nuke.Common.IO;

namespace IisSsl.Nuke.CompileCheck.NukeReading;

/// <summary>
/// What a Nuke build process reads its parameters from: the command line, the environment, the working directory,
/// and <c>.nuke/parameters.json</c> with the password of its secrets. The shim's EnvironmentInfo answers from
/// <see cref="Current"/>, as Nuke's answers from the real process.
/// </summary>
internal sealed class NukeInvocation
{
    public NukeInvocation(
        IReadOnlyList<string>? commandLine = null,
        IReadOnlyDictionary<string, string>? variables = null,
        string? workingDirectory = null,
        string? parametersJson = null,
        Func<string, string, string>? decrypt = null)
    {
        Arguments = new NukeArgumentParser(commandLine ?? []);
        // Nuke copies the process's variables with StringComparer.CurrentCulture (EnvironmentInfo.Variables).
        Variables = new Dictionary<string, string>(variables ?? new Dictionary<string, string>(), StringComparer.CurrentCulture);
        WorkingDirectory = workingDirectory ?? Path.GetTempPath();
        ParametersFile = parametersJson is null ? null : JObject.Parse(parametersJson);
        Decrypt = decrypt ?? ((name, _) => throw new InvalidOperationException($"no password to decrypt '{name}' (nuke :secrets)"));
    }

    public static NukeInvocation Current { get; set; } = new();

    public NukeArgumentParser Arguments { get; }

    public Dictionary<string, string> Variables { get; }

    public AbsolutePath WorkingDirectory { get; }

    public JObject? ParametersFile { get; }

    /// <summary>(parameter name, encrypted value) to plain text: what <c>nuke :secrets</c> stored.</summary>
    public Func<string, string, string> Decrypt { get; }

    /// <summary>What Nuke would log as "Could not inject value for …" (the parameter is then null).</summary>
    public List<string> Warnings { get; } = [];
}
