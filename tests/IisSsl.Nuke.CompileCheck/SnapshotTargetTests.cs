using IisSsl.TestSupport;
using Nuke.Common.IO;

namespace IisSsl.Nuke.CompileCheck;

public sealed class SnapshotTargetTests
{
    [Fact]
    public async Task SnapshotIisSslState_writes_the_snapshot_from_the_shared_server_parameters_and_its_own()
    {
        using var temp = new TempDirectory();
        var build = new TestBuild();
        build.Parameters["SslCert"] = (AbsolutePath)RepositoryPaths.Sample("sni-per-host", "sslcert.txt");
        build.Parameters["IisConfig"] = (AbsolutePath)RepositoryPaths.Sample("sni-per-host", "applicationHost.config");
        build.Parameters["Certs"] = new AbsolutePath[] { RepositoryPaths.Sample("sni-per-host", "certs") };
        build.Parameters["IisSslSnapshotOutput"] = (AbsolutePath)temp.Combine("httpsys.json");
        build.Parameters["IisSslSnapshotCertsOut"] = (AbsolutePath)temp.Combine("certs");
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
        var build = new TestBuild();
        build.Parameters["SslCert"] = (AbsolutePath)temp.Combine("missing.txt");
        build.Parameters["IisSslSnapshotOutput"] = (AbsolutePath)temp.Combine("httpsys.json");
        var snapshot = RecordingTargetDefinition.Of(((ISnapshotIisSslState)build).SnapshotIisSslState);

        var failure = await Assert.ThrowsAsync<TargetFailedException>(() => Assert.Single(snapshot.Actions)());

        Assert.Contains("missing.txt", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, build.ExitCode);
    }
}
