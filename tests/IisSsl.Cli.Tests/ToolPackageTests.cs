using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

/// <summary>
/// End to end, like <see cref="BuildScriptTests"/>: packs the tool as <c>./build.sh Pack</c> does, installs it from the
/// package folder into a temporary <c>--tool-path</c> as a user would, and runs it. To keep the run short each test
/// packs only the platforms it needs (<c>-p:ToolPackageRuntimeIdentifiers=…</c>; <c>./build.sh Pack</c> packs them all),
/// and builds under its own <c>--artifacts-path</c>, away from the repository's bin/ and obj/.
/// </summary>
[Collection(BuildScriptCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ToolPackageTests
{
    private const string Version = "1.0.0-e2e";

    private static readonly string[] ManagedAssemblies = ["iis-ssl.dll", "IisSsl.dll", "System.CommandLine.dll"];

    [PackagedPlatformFact]
    public void The_tool_installed_for_this_platform_is_ReadyToRun_and_fails_verify_on_the_seed_case_naming_sitev2()
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        using var temp = new TempDirectory();

        var tool = PackAndInstall(temp, $"{rid};any");

        Assert.EndsWith(Path.Combine($"iisssl.cli.{rid}", Version, "tools", "net10.0", rid), tool.PackageFolder, StringComparison.OrdinalIgnoreCase);
        foreach (var assembly in ManagedAssemblies)
            Assert.True(IsReadyToRun(Path.Combine(tool.PackageFolder, assembly)), $"{assembly} in the {rid} package is not ReadyToRun.");
        AssertFrameworkDependent(tool.PackageFolder);
        AssertVerifyFailsOnTheSeedCase(tool.Command);
    }

    [Fact]
    public void A_platform_without_a_package_of_its_own_installs_the_portable_any_package()
    {
        using var temp = new TempDirectory();

        var tool = PackAndInstall(temp, "any");

        Assert.EndsWith(Path.Combine("iisssl.cli.any", Version, "tools", "net10.0", "any"), tool.PackageFolder, StringComparison.OrdinalIgnoreCase);
        Assert.False(IsReadyToRun(Path.Combine(tool.PackageFolder, "IisSsl.dll")), "the any package should be portable IL.");
        AssertPublishable(temp, "IisSsl.Cli", "IisSsl.Cli.any");
        AssertFrameworkDependent(tool.PackageFolder);
        AssertVerifyFailsOnTheSeedCase(tool.Command);
    }

    private sealed record InstalledTool(string Command, string PackageFolder);

    private static InstalledTool PackAndInstall(TempDirectory temp, string runtimeIdentifiers)
    {
        var packages = temp.CreateDirectory("packages");
        var pack = Cli.RunProcess(RepositoryPaths.Root, "dotnet",
        [
            "pack", Path.Combine(RepositoryPaths.Root, "src", "IisSsl.Cli", "IisSsl.Cli.csproj"),
            "-c", "Release", "-o", packages, "--artifacts-path", temp.Combine("build"), "--nologo",
            $"-p:MinVerVersionOverride={Version}", $"-p:ToolPackageRuntimeIdentifiers=\"{runtimeIdentifiers}\"",
        ]);
        Assert.True(pack.ExitCode == 0, pack.Out + pack.Error);

        // Only the packed folder as a source: nothing comes from elsewhere, and nothing is left in the user's NuGet cache.
        var config = temp.Write("nuget.config", NuGetConfig.WithOnlySource(packages));
        var toolPath = temp.Combine("tools");
        var install = Cli.RunProcess(temp.Path, "dotnet",
            ["tool", "install", "IisSsl.Cli", "--configfile", config, "--tool-path", toolPath, "--version", Version]);
        Assert.True(install.ExitCode == 0, install.Out + install.Error);

        var entryAssemblies = Directory.GetFiles(Path.Combine(toolPath, ".store"), "iis-ssl.dll", SearchOption.AllDirectories);
        var entryAssembly = Assert.Single(entryAssemblies);
        var command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "iis-ssl.exe" : "iis-ssl");
        return new InstalledTool(command, Path.GetDirectoryName(entryAssembly)!);
    }

    // The pointer package and a platform package: metadata a feed shows, and nothing to restore besides themselves.
    private static void AssertPublishable(TempDirectory temp, params string[] ids)
    {
        foreach (var id in ids)
        {
            var manifest = PackageManifest.Read(temp.Combine("packages", $"{id}.{Version}.nupkg"));
            Assert.Equal((id, Version), (manifest.Id, manifest.Version));
            Assert.Empty(manifest.DependencyIds);
            manifest.AssertPublishable("dotnet-tool", "iis");
        }
    }

    private static bool IsReadyToRun(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    // Framework-dependent: the tool runs on the user's shared .NET runtime instead of carrying its own.
    private static void AssertFrameworkDependent(string packageFolder)
    {
        Assert.False(File.Exists(Path.Combine(packageFolder, "System.Private.CoreLib.dll")), "the package carries a runtime.");
        Assert.Contains("\"Microsoft.NETCore.App\"", File.ReadAllText(Path.Combine(packageFolder, "iis-ssl.runtimeconfig.json")));
    }

    private static void AssertVerifyFailsOnTheSeedCase(string command)
    {
        var result = Cli.RunProcess(RepositoryPaths.Root, command,
        [
            "verify",
            "--config", "samples/seed-two-sites/applicationHost.config",
            "--sslcert", "samples/seed-two-sites/sslcert.txt",
            "--certs", "samples/seed-two-sites/certs",
        ]);

        Assert.True(result.ExitCode == 1, result.Out + result.Error);
        Assert.Contains("NOT COVERED", result.Out);
        Assert.Contains("sitev2.mysite.com", result.Out);
    }
}
