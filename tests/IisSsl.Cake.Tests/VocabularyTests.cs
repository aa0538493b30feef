using System.Reflection;
using IisSsl.TestSupport;

namespace IisSsl.Cake.Tests;

/// <summary>The Cake settings carry the README's one vocabulary: each option's PascalCase name, and nothing else.</summary>
public sealed class VocabularyTests
{
    [Fact]
    public void The_settings_properties_are_exactly_the_cake_settings_of_the_readme_table()
    {
        var properties = typeof(ReportSettings).Assembly.GetExportedTypes()
            .Where(t => t.Name.EndsWith("Settings", StringComparison.Ordinal) && !t.IsAbstract)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        var table = OptionVocabulary.Rows.Select(r => r.CakeSetting).OfType<string>().ToHashSet(StringComparer.Ordinal);

        Assert.Equal(table.Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_cake_setting_is_its_options_name_without_dashes()
    {
        var mismatched = OptionVocabulary.Rows
            .Where(r => r.Option is not null && r.CakeSetting is not null)
            .Where(r => !r.Option!.Replace("-", "", StringComparison.Ordinal).Equals(r.CakeSetting, StringComparison.OrdinalIgnoreCase))
            .Select(r => $"{r.Option} -> {r.CakeSetting}");

        Assert.Empty(mismatched);
    }

    // Each project builds Cake.Core's path from NuGetPackageRoot, which CI caches often set without a trailing slash.
    [Theory]
    [InlineData("src/IisSsl.Cake/IisSsl.Cake.csproj")]
    [InlineData("tests/IisSsl.Cake.Tests/IisSsl.Cake.Tests.csproj")]
    public void Cake_core_is_found_when_the_package_root_has_no_trailing_slash(string project)
    {
        var packageRoot = Path.TrimEndingDirectorySeparator(Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));
        Assert.True(File.Exists(Path.Combine(packageRoot, "cake.tool", "7.0.0", "tools", "net10.0", "any", "Cake.Core.dll")), packageRoot);

        var hintPath = MsBuildHintPath(Path.Combine(RepositoryPaths.Root, project), packageRoot);

        Assert.True(File.Exists(hintPath), hintPath);
    }

    private static string MsBuildHintPath(string project, string packageRoot)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "msbuild", project, "-getItem:Reference", $"-p:NuGetPackageRoot={packageRoot}", "-nologo" })
            start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        using var json = System.Text.Json.JsonDocument.Parse(output);
        return json.RootElement.GetProperty("Items").GetProperty("Reference").EnumerateArray()
            .Single(r => r.GetProperty("Identity").GetString() == "Cake.Core")
            .GetProperty("HintPath").GetString()!;
    }
}
