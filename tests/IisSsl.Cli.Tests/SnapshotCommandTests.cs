using System.Text.Json;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

public sealed class SnapshotCommandTests
{
    public static TheoryData<string> Samples() =>
        [.. Directory.GetDirectories(RepositoryPaths.Samples).Where(d => File.Exists(Path.Combine(d, "sslcert.txt"))).Select(Path.GetFileName).OfType<string>()];

    /// <summary>The verdict and findings of a JSON report, without what names the files it came from.</summary>
    private static string Findings(Cli.Result verify)
    {
        Assert.True(verify.ExitCode is 0 or 1, verify.Out + verify.Error);
        using var report = JsonDocument.Parse(verify.Out);
        var root = report.RootElement;
        return root.GetProperty("passed").GetRawText() + "\n" + root.GetProperty("findings").GetRawText();
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Verifying_the_snapshot_gives_the_same_findings_as_verifying_the_netsh_text(string sample)
    {
        using var temp = new TempDirectory();
        var snapshot = temp.Combine("s.json");

        var taken = Cli.Run("snapshot", "--sslcert", RepositoryPaths.Sample(sample, "sslcert.txt"), "--output", snapshot);

        Assert.True(taken.ExitCode == 0, taken.Out + taken.Error);
        SnapshotSchema.AssertValid(File.ReadAllText(snapshot));
        var fromText = Cli.Run(SampleArgs.Verify(sample, "--format", "json"));
        var fromSnapshot = Cli.Run(
            "verify", "--config", RepositoryPaths.Sample(sample, "applicationHost.config"), "--sslcert", snapshot,
            "--certs", RepositoryPaths.Sample(sample, "certs"), "--format", "json");
        Assert.Equal(fromText.ExitCode, fromSnapshot.ExitCode);
        Assert.Equal(Findings(fromText), Findings(fromSnapshot));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_server_captured_with_its_configuration_and_certificates_verifies_the_same_from_that_folder_alone(string sample)
    {
        using var temp = new TempDirectory();
        var folder = temp.CreateDirectory("captured");

        var taken = Cli.Run(
            "snapshot", "--sslcert", RepositoryPaths.Sample(sample, "sslcert.txt"), "--output", Path.Combine(folder, "httpsys.json"),
            "--config", RepositoryPaths.Sample(sample, "applicationHost.config"),
            "--certs", RepositoryPaths.Sample(sample, "certs"), "--certs-out", Path.Combine(folder, "certs"));

        Assert.True(taken.ExitCode == 0, taken.Out + taken.Error);
        Assert.Contains("read from", taken.Out, StringComparison.Ordinal);
        var fromCapture = Cli.Run(
            "verify", "--config", Path.Combine(folder, "applicationHost.config"), "--sslcert", Path.Combine(folder, "httpsys.json"),
            "--certs", Path.Combine(folder, "certs"), "--format", "json");
        Assert.Equal(Findings(Cli.Run(SampleArgs.Verify(sample, "--format", "json"))), Findings(fromCapture));
    }

    [Fact]
    public void Without_output_the_snapshot_goes_to_standard_output_and_the_summary_to_standard_error()
    {
        var result = Cli.Run("snapshot", "--sslcert", RepositoryPaths.Sample("seed-two-sites", "sslcert.txt"));

        Assert.Equal(0, result.ExitCode);
        SnapshotSchema.AssertValid(result.Out);
        Assert.Contains("1 HTTP.SYS record(s)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_netsh_file_is_one_line_and_exit_2_with_nothing_written()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("s.json");

        var result = Cli.Run("snapshot", "--sslcert", temp.Combine("nope.txt"), "--output", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("nope.txt", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Without_sslcert_off_Windows_the_snapshot_asks_for_a_saved_file()
    {
        if (OperatingSystem.IsWindows())
            return;

        var result = Cli.Run("snapshot");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--sslcert", result.Error, StringComparison.Ordinal);
    }
}
