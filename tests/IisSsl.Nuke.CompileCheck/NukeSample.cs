using IisSsl.TestSupport;

namespace IisSsl.Nuke.CompileCheck;

/// <summary>A copy of samples/nuke-build (its .nuke/parameters.json and server state), so a target's report file lands in the copy.</summary>
internal sealed class NukeSample : IDisposable
{
    private readonly TempDirectory _temp = new();

    private NukeSample()
    {
        var source = RepositoryPaths.Sample("nuke-build");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(_temp.Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        ParametersJson = File.ReadAllText(Combine(".nuke", "parameters.json"));
        ConfigBytes = File.ReadAllBytes(Combine("server", "applicationHost.config"));
    }

    public string Path => _temp.Path;

    public string ParametersJson { get; }

    public byte[] ConfigBytes { get; }

    public static NukeSample Copy() => new();

    public string Combine(params string[] parts) => _temp.Combine(parts);

    public void Dispose() => _temp.Dispose();
}
