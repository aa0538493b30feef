using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

/// <summary>
/// Issue 12, the applicationHost.config half, through <c>iis-ssl</c>: configSource and shared configuration are
/// followed by verify and by apply (which edits the file that really holds the sites), and what IIS itself would
/// refuse is exit 2 with one line naming the file and line.
/// </summary>
public sealed partial class ConfigInputCommandTests : IDisposable
{
    private readonly TempDirectory _server = new();

    public ConfigInputCommandTests()
    {
        // The sample PFX files are protected with the sample password "sample".
        Environment.SetEnvironmentVariable("IIS_SSL_PFX_PASSWORD", "sample");
        var sample = RepositoryPaths.Sample("ensure-from-http");
        foreach (var file in Directory.GetFiles(sample, "*", SearchOption.AllDirectories))
        {
            var target = _server.Combine("server", Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private string ServerFile(string name) => _server.Combine("server", name);

    private Cli.Result Apply(string config) => Cli.Run(
        "apply", "--manifest", ServerFile("https-san.json"), "--config", config, "--sslcert", ServerFile("httpsys.json"),
        "--certs", ServerFile("certs"), "--backup-dir", _server.Combine("backups"));

    private Cli.Result Verify(string config) =>
        Cli.Run("verify", "--config", config, "--sslcert", ServerFile("httpsys.json"), "--certs", ServerFile("certs"));

    private static Cli.Result VerifyWithSampleRecords(string config) =>
        Cli.Run("verify", "--config", config, "--sslcert", RepositoryPaths.Sample("seed-two-sites", "sslcert.txt"));

    /// <summary>Moves the sample's sites section to sites.config, leaving <c>&lt;sites configSource="sites.config" /&gt;</c>.</summary>
    private string SplitSitesIntoConfigSource()
    {
        var main = ServerFile("applicationHost.config");
        var text = File.ReadAllText(main);
        var sites = SitesSection().Match(text).Value;
        File.WriteAllText(ServerFile("sites.config"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n" + sites + "\r\n");
        File.WriteAllText(main, text.Replace(sites, "<sites configSource=\"sites.config\" />", StringComparison.Ordinal));
        return main;
    }

    private string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public void Apply_through_configSource_edits_the_sites_file_and_leaves_applicationHost_config_as_it_was()
    {
        var main = SplitSitesIntoConfigSource();
        var mainBefore = Hash(main);

        var applied = Apply(main);

        Assert.True(applied.ExitCode == 0, applied.Out + applied.Error);
        Assert.Equal(mainBefore, Hash(main));
        Assert.Contains("bindingInformation=\"*:443:sitev2.mysite.com\"", File.ReadAllText(ServerFile("sites.config")));
        var verified = Verify(main);
        Assert.True(verified.ExitCode == 0, verified.Out + verified.Error);
    }

    [Fact]
    public void Apply_through_a_redirection_config_edits_the_shared_applicationHost_config()
    {
        var shared = ServerFile("applicationHost.config");
        var redirection = _server.Write("local/redirection.config", $"""
            <configuration>
                <configSections><section name="configurationRedirection" /></configSections>
                <configurationRedirection enabled="true" path="{Path.GetDirectoryName(shared)}" />
            </configuration>
            """);
        var redirectionBefore = Hash(redirection);

        var applied = Apply(redirection);

        Assert.True(applied.ExitCode == 0, applied.Out + applied.Error);
        Assert.Equal(redirectionBefore, Hash(redirection));
        Assert.Contains("bindingInformation=\"*:443:sitev2.mysite.com\"", File.ReadAllText(shared));
        Assert.Equal(0, Verify(redirection).ExitCode);
    }

    [Fact]
    public void Verify_reads_the_sites_of_a_configSource_file()
    {
        var main = SplitSitesIntoConfigSource();
        File.WriteAllText(ServerFile("sites.config"), File.ReadAllText(ServerFile("sites.config"))
            .Replace("<binding protocol=\"http\" bindingInformation=\"*:80:sitev2.mysite.com\" />", "<binding protocol=\"https\" bindingInformation=\"*:443:sitev2.mysite.com\" />", StringComparison.Ordinal));

        var result = Verify(main);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("sitev2.mysite.com", result.Out);
    }

    public static TheoryData<string, string, string, int> RefusedInputs => new()
    {
        { "not-apphost.config", "<foo/>", "not an applicationHost.config", 0 },
        { "typo.config", "<configuration>\n<system.applicationHost>\n<sites>\n<site name=\"a\" id=\"1\">\n<bindings>\n<bindng protocol=\"https\" bindingInformation=\"*:443:a.example.com\" />\n</bindings>\n</site>\n</sites>\n</system.applicationHost>\n</configuration>\n", "<bindng>", 6 },
        { "attribute.config", "<configuration>\n<system.applicationHost>\n<sites>\n<site name=\"a\" id=\"1\">\n<bindings>\n<binding protocl=\"https\" bindingInformation=\"*:443:a.example.com\" />\n</bindings>\n</site>\n</sites>\n</system.applicationHost>\n</configuration>\n", "'protocl'", 6 },
        { "twice.config", "<configuration>\n<system.applicationHost>\n<sites>\n<site name=\"a\" id=\"1\" />\n<site name=\"a\" id=\"2\" />\n</sites>\n</system.applicationHost>\n</configuration>\n", "site name", 5 },
        { "missing-source.config", "<configuration>\n<system.applicationHost>\n<sites configSource=\"nowhere.config\" />\n</system.applicationHost>\n</configuration>\n", "does not exist", 3 },
        { "outside.config", "<configuration>\n<system.applicationHost>\n<sites configSource=\"../sites.config\" />\n</system.applicationHost>\n</configuration>\n", "outside", 3 },
        { "redirection.config", "<configuration>\n<configurationRedirection enabled=\"false\" />\n</configuration>\n", "shared configuration disabled", 2 },
        { "unreachable.config", "<configuration>\n<configurationRedirection enabled=\"true\" path=\"\\\\fileserver\\iis\" />\n</configuration>\n", "cannot be reached", 2 },
    };

    [Theory]
    [MemberData(nameof(RefusedInputs))]
    public void Verify_refuses_what_iis_would_refuse_with_exit_2_and_one_line_naming_file_and_line(string name, string content, string problem, int line)
    {
        var config = _server.Write(Path.Combine("inputs", name), content);

        var result = VerifyWithSampleRecords(config);

        Assert.Equal(2, result.ExitCode);
        var message = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains(line == 0 ? config + ":" : $"{config}:{line}:", message);
        Assert.Contains(problem, message);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void Apply_refused_for_bad_input_changes_nothing()
    {
        var main = SplitSitesIntoConfigSource();
        File.WriteAllText(ServerFile("sites.config"), File.ReadAllText(ServerFile("sites.config")).Replace("<bindings>", "<bindings><bindng />", StringComparison.Ordinal));
        var before = Directory.GetFiles(_server.Path, "*", SearchOption.AllDirectories).ToDictionary(f => f, Hash);

        var result = Apply(main);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(ServerFile("sites.config") + ":", result.Error);
        Assert.Equal(before, Directory.GetFiles(_server.Path, "*", SearchOption.AllDirectories).ToDictionary(f => f, Hash));
    }

    public void Dispose() => _server.Dispose();

    [GeneratedRegex(@"<sites>.*</sites>", RegexOptions.Singleline)]
    private static partial Regex SitesSection();
}
