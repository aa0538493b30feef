using System.IO.Compression;
using System.Xml.Linq;

namespace IisSsl.Cli.Tests;

/// <summary>What a .nupkg says about itself: its nuspec (id, version, dependencies, metadata) and the files it holds.</summary>
internal sealed class PackageManifest
{
    private PackageManifest(XElement metadata, IReadOnlyList<string> files)
    {
        Metadata = metadata;
        Files = files;
    }

    public XElement Metadata { get; }

    public IReadOnlyList<string> Files { get; }

    public string Id => Value("id")!;

    public string Version => Value("version")!;

    /// <summary>Every package this one depends on, in any target framework group.</summary>
    public IReadOnlyList<string> DependencyIds =>
        [.. Metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!)];

    public string? Value(string element) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == element)?.Value;

    public XElement? Element(string element) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == element);

    public static PackageManifest Read(string nupkg)
    {
        using var archive = ZipFile.OpenRead(nupkg);
        var nuspec = archive.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = nuspec.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        return new PackageManifest(metadata, [.. archive.Entries.Select(e => e.FullName)]);
    }

    /// <summary>
    /// The metadata every package of this repository carries (license, readme inside the package, description, tags),
    /// and a repository URL only when the clone's git remote gives one (SourceLink), never an invented one.
    /// </summary>
    public void AssertPublishable(params string[] tags)
    {
        Assert.Equal("MIT", Element("license") is { } license && (string?)license.Attribute("type") == "expression" ? license.Value : null);
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("README.md", Files);
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")));
        var packageTags = (Value("tags") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(tags, tag => Assert.Contains(tag, packageTags));
        var url = (string?)Element("repository")?.Attribute("url");
        if (url is not null)
            Assert.Contains(url, GitRemotes());
    }

    private static string GitRemotes()
    {
        var remotes = Cli.RunProcess(IisSsl.TestSupport.RepositoryPaths.Root, "git", ["remote", "-v"]);
        return remotes.Out;
    }
}
