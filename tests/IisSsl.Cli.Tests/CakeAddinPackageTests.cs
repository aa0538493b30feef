using System.Text.RegularExpressions;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

/// <summary>
/// The Cake addin as a user gets it: <c>dotnet pack</c> of src/IisSsl.Cake (once for the class, <see cref="PackedAddin"/>),
/// then a build.cake in a folder of its own that loads it with the README's <c>#addin</c> line from a local feed and runs
/// every alias, as a separate repository would.
/// </summary>
[Collection(BuildScriptCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed partial class CakeAddinPackageTests(CakeAddinPackageTests.PackedAddin addin) : IClassFixture<CakeAddinPackageTests.PackedAddin>
{
    [Fact]
    public void The_addin_packs_as_Cake_IisSsl_with_the_engine_inside_and_no_dependency_on_a_package_called_IisSsl()
    {
        var manifest = PackageManifest.Read(addin.Package);

        Assert.Equal($"Cake.IisSsl.{manifest.Version}.nupkg", Path.GetFileName(addin.Package));
        Assert.Equal("Cake.IisSsl", manifest.Id);
        Assert.DoesNotContain("IisSsl", manifest.DependencyIds, StringComparer.OrdinalIgnoreCase);
        Assert.Empty(manifest.DependencyIds);
        Assert.Contains("lib/net10.0/IisSsl.Cake.dll", manifest.Files);
        Assert.Contains("lib/net10.0/IisSsl.dll", manifest.Files);
        Assert.DoesNotContain(manifest.Files, f => f.EndsWith("Cake.Core.dll", StringComparison.OrdinalIgnoreCase));
        manifest.AssertPublishable("cake-addin", "cake", "iis");
    }

    [Fact]
    public void The_version_comes_from_git_tags_and_a_clone_without_one_packs_a_pre_release_of_0_0_0()
    {
        var version = PackageManifest.Read(addin.Package).Version;
        var tags = Cli.RunProcess(RepositoryPaths.Root, "git", ["tag", "--list", "v*", "--merged", "HEAD"]);

        Assert.Matches(SemanticVersion(), version);
        // Untagged: 0.0.0-alpha.0.N, N the commits below HEAD; a one-commit (shallow) clone has none, so no N.
        if (tags.Out.Trim().Length == 0)
            Assert.Matches(UntaggedVersion(), version);
    }

    [Fact]
    public async Task A_build_cake_in_another_folder_runs_every_alias_from_a_local_feed_with_the_readme_addin_line()
    {
        using var user = new TempDirectory();
        var renewed = TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create();
        CertificateFiles.WriteDer(renewed, Path.Combine(user.CreateDirectory("renewed"), "renewed.cer"));
        var served = TestCertificate.For("sitev1.mysite.com").Create();
        await using var server = SniTestServer.Start(new Dictionary<string, System.Security.Cryptography.X509Certificates.X509Certificate2> { ["sitev1.mysite.com"] = served });
        // The user's repository has Cake as a local tool, as this one does.
        File.Copy(Path.Combine(RepositoryPaths.Root, ".config", "dotnet-tools.json"), Path.Combine(user.CreateDirectory(".config"), "dotnet-tools.json"));
        user.Write("nuget.config", NuGetConfig.WithOnlySource(addin.Feed));
        user.Write("build.cake", Script(ReadmeAddinLine().Replace("version=X", $"version={addin.Version}", StringComparison.Ordinal)));

        var restore = Cli.RunProcess(user.Path, "dotnet", ["tool", "restore"]);
        Assert.True(restore.ExitCode == 0, restore.Out + restore.Error);
        var run = Cli.RunProcess(user.Path, "dotnet",
        [
            "cake", "build.cake", $"--repo={RepositoryPaths.Root}", $"--out={user.Combine("out")}", $"--renewed={user.Combine("renewed")}",
            $"--new={renewed.Thumbprint}", $"--probe={server.Target}",
        ], ("IIS_SSL_PFX_PASSWORD", "sample"));
        var log = run.Out + run.Error;

        // The last task reads a missing file: through the README's exit-code wrapper the build exits 2, naming it.
        Assert.True(run.ExitCode == 2, log);
        Assert.Contains("no-such-file.config", log);
        Assert.Contains("RESULT verify passed=False errors=HostNotCovered:sitev2.mysite.com", log);
        Assert.Contains("RESULT ensure outcome=Planned", log);
        Assert.Contains("RESULT replace outcome=Planned", log);
        Assert.Contains($"netsh http update sslcert ipport=0.0.0.0:443 certhash={renewed.Thumbprint}", log);
        Assert.Contains("RESULT snapshot records=3", log);
        Assert.True(File.Exists(user.Combine("out", "state", "httpsys.json")), log);
        Assert.Contains("RESULT probe passed=", log);
        Assert.Contains("sitev1.mysite.com", server.ServerNames);
        Assert.StartsWith("<?xml", File.ReadAllText(user.Combine("out", "verify.xml")), StringComparison.Ordinal);
    }

    // The README's line, e.g. "#addin nuget:?package=Cake.IisSsl&version=1.0.0", with its version as a placeholder.
    private static string ReadmeAddinLine()
    {
        var line = File.ReadLines(Path.Combine(RepositoryPaths.Root, "README.md")).First(l => l.StartsWith("#addin ", StringComparison.Ordinal));
        Assert.Matches(AddinLine(), line);
        return AddinLine().Replace(line, "${head}version=X");
    }

    // The README's wrapper that makes the build exit with the alias's code (1 findings, 2 bad input) instead of Cake's 1.
    private static string ReadmeExitCodeWrapper()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        return CodeBlocks().Matches(readme).Select(m => m.Groups[1].Value).Single(b => b.Contains("CakeReportException", StringComparison.Ordinal));
    }

    private static string Script(string addinLine) => addinLine + "\n" + """
        var repo = Argument<string>("repo");
        var output = Argument<string>("out");
        string Sample(string sample, string file) => System.IO.Path.Combine(repo, "samples", sample, file);

        Task("Verify").Does(() =>
        {
            var report = VerifyCertCoverage(s =>
            {
                s.IisConfig = Sample("seed-two-sites", "applicationHost.config");
                s.SslCert = Sample("seed-two-sites", "sslcert.txt");
                s.Certs.Add(Sample("seed-two-sites", "certs"));
                s.Format = ReportFormat.Junit;
                s.Output = System.IO.Path.Combine(output, "verify.xml");
                s.FailOnError = false;
            });
            Information("RESULT verify passed={0} errors={1}", report.Passed,
                string.Join(",", report.Findings.Where(f => f.Severity.ToString() == "Error").Select(f => f.Code + ":" + f.HostName)));
        });

        Task("Ensure").IsDependentOn("Verify").Does(() =>
        {
            var result = EnsureSslHostHeaders(s =>
            {
                s.Manifest = Sample("ensure-from-http", "https-san.json");
                s.IisConfig = Sample("ensure-from-http", "applicationHost.config");
                s.SslCert = System.IO.Path.Combine(output, "empty-httpsys.json");
                s.DryRun = true;
            });
            Information("RESULT ensure outcome={0}", result.Outcome);
        });

        Task("Replace").IsDependentOn("Ensure").Does(() =>
        {
            var result = ReplaceSslCertificate(s =>
            {
                s.IisConfig = Sample("seed-san-certificate", "applicationHost.config");
                s.SslCert = Sample("seed-san-certificate", "sslcert.txt");
                s.Certs.Add(Sample("seed-san-certificate", "certs"));
                s.Certs.Add(Argument<string>("renewed"));
                s.Old = "E196A9544631A9129F9F34FFEA4A6BEBEB84B0FC";
                s.New = Argument<string>("new");
                s.DryRun = true;
            });
            Information("RESULT replace outcome={0}", result.Outcome);
        });

        Task("Snapshot").IsDependentOn("Replace").Does(() =>
        {
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(output, "state"));
            var result = SnapshotIisSslState(s =>
            {
                s.SslCert = Sample("sni-per-host", "sslcert.txt");
                s.Output = System.IO.Path.Combine(output, "state", "httpsys.json");
            });
            Information("RESULT snapshot records={0}", result.State.Bindings.Count);
        });

        Task("Probe").IsDependentOn("Snapshot").Does(() =>
        {
            var report = ProbeTlsEndpoints(s =>
            {
                s.Targets.Add(Argument<string>("probe"));
                s.Hosts.Add("sitev1.mysite.com");
                s.Timeout = TimeSpan.FromSeconds(30);
                s.FailOnError = false;
            });
            Information("RESULT probe passed={0} findings={1}", report.Passed, report.Findings.Count);
        });

        Task("BadInput").IsDependentOn("Probe").Does(() =>
            VerifyCertCoverage(s => s.IisConfig = System.IO.Path.Combine(output, "no-such-file.config")));

        var target = Argument("target", "BadInput");

        """ + ReadmeExitCodeWrapper();

    [GeneratedRegex(@"^(?<head>#addin nuget:\?package=Cake\.IisSsl&)version=\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex AddinLine();

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlocks();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemanticVersion();

    [GeneratedRegex(@"^0\.0\.0-alpha\.0(\.\d+)?$")]
    private static partial Regex UntaggedVersion();

    /// <summary>One <c>dotnet pack</c> of the addin for the whole class, into a folder used as the local feed.</summary>
    public sealed class PackedAddin : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public PackedAddin()
        {
            Feed = _temp.CreateDirectory("packages");
            var pack = Cli.RunProcess(RepositoryPaths.Root, "dotnet",
            [
                "pack", Path.Combine(RepositoryPaths.Root, "src", "IisSsl.Cake", "IisSsl.Cake.csproj"),
                "-c", "Release", "-o", Feed, "--artifacts-path", _temp.Combine("build"), "--nologo",
            ]);
            Assert.True(pack.ExitCode == 0, pack.Out + pack.Error);
            Package = Assert.Single(Directory.GetFiles(Feed, "*.nupkg"));
            Version = PackageManifest.Read(Package).Version;
        }

        public string Feed { get; }

        public string Package { get; }

        public string Version { get; }

        public void Dispose() => _temp.Dispose();
    }
}
