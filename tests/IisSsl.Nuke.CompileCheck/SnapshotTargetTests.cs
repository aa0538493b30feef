using IisSsl.Nuke.CompileCheck.NukeReading;
using IisSsl.TestSupport;

namespace IisSsl.Nuke.CompileCheck;

public sealed class SnapshotTargetTests
{
    [Fact]
    public async Task SnapshotIisSslState_writes_the_snapshot_from_the_shared_server_parameters_and_its_own()
    {
        using var temp = new TempDirectory();
        var build = new TestBuild(new NukeInvocation(
        [
            "SnapshotIisSslState", "--sslcert", "sslcert.txt", "--iis-config", "applicationHost.config", "--certs", "certs",
            "--iis-ssl-snapshot-output", temp.Combine("httpsys.json"), "--certs-out", temp.Combine("certs"),
        ], workingDirectory: RepositoryPaths.Sample("sni-per-host")));
        var snapshot = RecordingTargetDefinition.Of(((ISnapshotIisSslState)build).SnapshotIisSslState);

        await Assert.Single(snapshot.Actions)();

        SnapshotSchema.AssertValid(File.ReadAllText(temp.Combine("httpsys.json")));
        Assert.True(File.Exists(temp.Combine("applicationHost.config")));
        Assert.Equal(2, Directory.GetFiles(temp.Combine("certs"), "*.cer").Length);
        Assert.Equal(["Output"], snapshot.Requirements);
        Assert.False(string.IsNullOrWhiteSpace(snapshot.DescriptionText));
    }

    [Fact]
    public async Task Bad_input_fails_SnapshotIisSslState_with_one_line_and_exit_code_2()
    {
        using var temp = new TempDirectory();
        var build = new TestBuild(new NukeInvocation(["--sslcert", temp.Combine("missing.txt"), "--iis-ssl-snapshot-output", temp.Combine("httpsys.json")]));
        var snapshot = RecordingTargetDefinition.Of(((ISnapshotIisSslState)build).SnapshotIisSslState);

        var failure = await Assert.ThrowsAsync<TargetFailedException>(() => Assert.Single(snapshot.Actions)());

        Assert.Contains("missing.txt", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, build.ExitCode);
    }
}
