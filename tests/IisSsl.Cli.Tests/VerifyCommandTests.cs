using System.Text.Json;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

public sealed class VerifyCommandTests
{
    [Fact]
    public void Seed_case_fails_with_exit_1_naming_the_uncovered_host_why_and_the_fixes()
    {
        var result = Cli.Run(SampleArgs.Verify("seed-two-sites"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("sitev2.mysite.com", result.Out);
        Assert.Contains("HostNotCovered", result.Out);
        Assert.Contains("SNI", result.Out);
        Assert.Contains("SAN", result.Out);
    }

    [Theory]
    [InlineData("seed-san-certificate")]
    [InlineData("sni-per-host")]
    [InlineData("wildcard")]
    public void Samples_with_a_covering_certificate_pass_with_exit_0(string sample)
    {
        var result = Cli.Run(SampleArgs.Verify(sample));

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
    }

    [Fact]
    public void Json_format_prints_only_the_report_with_the_contract_fields()
    {
        var result = Cli.Run(SampleArgs.Verify("seed-two-sites", "--format", "json"));

        ReportSchema.Validate(result.Out);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());
        Assert.False(root.GetProperty("passed").GetBoolean());
        var read = root.GetProperty("summary").GetProperty("read");
        Assert.Equal(3, read.GetProperty("sites").GetInt32()); // Default Web Site (http only) and the two https sites
        Assert.Equal(2, read.GetProperty("httpsBindings").GetInt32());
        Assert.Equal(2, root.GetProperty("summary").GetProperty("checked").GetProperty("httpsBindings").GetInt32());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("endpoints").ValueKind);
        var finding = root.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("code").GetString() == "HostNotCovered");
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("MySite V2", finding.GetProperty("site").GetString());
        Assert.Equal("sitev2.mysite.com", finding.GetProperty("hostname").GetString());
        Assert.Equal("*:443", finding.GetProperty("endpoint").GetString());
        Assert.False(string.IsNullOrWhiteSpace(finding.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("junit")]
    [InlineData("sarif")]
    [InlineData("markdown")]
    public void Every_report_format_names_the_uncovered_host(string format)
    {
        var result = Cli.Run(SampleArgs.Verify("seed-two-sites", "--format", format));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("sitev2.mysite.com", result.Out);
    }

    [Fact]
    public void Output_option_writes_the_report_file_and_nothing_else()
    {
        using var temp = new TempDirectory();
        var sampleBefore = Snapshot(RepositoryPaths.Sample("seed-two-sites"));
        var output = temp.Combine("out", "report.xml");

        var result = Cli.Run(SampleArgs.Verify("seed-two-sites", "--format", "junit", "--output", output));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("<testsuite", File.ReadAllText(output));
        Assert.Equal([output], Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories));
        Assert.Equal(sampleBefore, Snapshot(RepositoryPaths.Sample("seed-two-sites")));
    }

    [Fact]
    public void Malformed_config_exits_2_with_file_and_line_and_no_stack_trace()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("applicationHost.config", "<configuration>\n  <system.applicationHost>\n    <sites>\n      <site name=\"a\" id=\"1\">\n    </sites>\n</configuration>\n");

        var result = Cli.Run("verify", "--config", config, "--sslcert", RepositoryPaths.Sample("seed-two-sites", "sslcert.txt"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(config + ":", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void Missing_file_exits_2_naming_it()
    {
        var result = Cli.Run("verify", "--config", "/nowhere/applicationHost.config", "--sslcert", RepositoryPaths.Sample("seed-two-sites", "sslcert.txt"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nowhere/applicationHost.config", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Unknown_flag_exits_2()
    {
        var result = Cli.Run([.. SampleArgs.Verify("seed-san-certificate"), "--frobnicate"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--frobnicate", result.Error);
    }

    [Fact]
    public void Unknown_format_exits_2_listing_the_formats()
    {
        var result = Cli.Run(SampleArgs.Verify("seed-san-certificate", "--format", "yaml"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("sarif", result.Error);
    }

    [Fact]
    public void The_built_tool_returns_the_exit_codes_a_ci_step_sees()
    {
        var failing = Cli.RunBuiltTool(RepositoryPaths.Root, SampleArgs.Verify("seed-two-sites"));
        var passing = Cli.RunBuiltTool(RepositoryPaths.Root, SampleArgs.Verify("seed-san-certificate"));
        var badInput = Cli.RunBuiltTool(RepositoryPaths.Root, "verify", "--config", "missing.config", "--sslcert", "missing.txt");

        Assert.Equal((1, 0, 2), (failing.ExitCode, passing.ExitCode, badInput.ExitCode));
    }

    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
