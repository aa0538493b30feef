using System.Runtime.InteropServices;
using System.Xml.Linq;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

/// <summary>
/// A test of the tool package made for this machine's platform: skipped where the tool has none (the platform is not
/// in the CLI project's <c>ToolPackageRuntimeIdentifiers</c>, e.g. win-arm64), since users there get the portable
/// <c>any</c> package, which a test of its own covers.
/// </summary>
public sealed class PackagedPlatformFactAttribute : FactAttribute
{
    public PackagedPlatformFactAttribute()
    {
        if (!PackagedPlatforms.Contains(RuntimeInformation.RuntimeIdentifier))
            Skip = $"the tool has no package of its own for {RuntimeInformation.RuntimeIdentifier} (ToolPackageRuntimeIdentifiers in src/IisSsl.Cli/IisSsl.Cli.csproj).";
    }

    public static IReadOnlyList<string> PackagedPlatforms { get; } =
    [
        .. XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "IisSsl.Cli", "IisSsl.Cli.csproj"))
            .Descendants("ToolPackageRuntimeIdentifiers").Single().Value
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(rid => rid != "any"),
    ];
}
