using System.Text.Json;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests;

/// <summary><c>iis-ssl probe</c> against a real TLS server on 127.0.0.1 that picks its certificate by SNI.</summary>
public sealed class ProbeCommandTests
{
    [Fact]
    public async Task Passes_when_every_host_gets_a_covering_trusted_certificate()
    {
        await using var server = SniTestServer.Start(new Dictionary<string, System.Security.Cryptography.X509Certificates.X509Certificate2>
        {
            ["a.test"] = TestPki.SiteA,
            ["b.test"] = TestPki.SiteB,
        }, TestPki.Default);
        using var temp = new TempDirectory();
        var bundle = TestPki.WriteAuthorityBundle(temp);

        var result = Cli.Run("probe", "--target", server.Target, "--host", "a.test", "--host", "b.test", "--ca-bundle", bundle);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("a.test", result.Out);
        Assert.Contains("b.test", result.Out);
    }

    [Fact]
    public async Task Fails_with_exit_1_and_a_json_finding_when_the_server_presents_another_sites_certificate()
    {
        await using var server = SniTestServer.Start(new Dictionary<string, System.Security.Cryptography.X509Certificates.X509Certificate2>
        {
            ["a.test"] = TestPki.SiteA,
        }, TestPki.SiteA);
        using var temp = new TempDirectory();
        var bundle = TestPki.WriteAuthorityBundle(temp);

        var result = Cli.Run("probe", "--target", server.Target, "--host", "a.test", "--host", "b.test", "--ca-bundle", bundle, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        ReportSchema.Validate(result.Out);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f =>
            f.GetProperty("code").GetString() == "HostNotCovered" && f.GetProperty("hostname").GetString() == "b.test");
    }

    [Fact]
    public void A_malformed_target_exits_2_naming_it()
    {
        var result = Cli.Run("probe", "--target", "not a target", "--host", "a.test");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a target", result.Error);
    }
}
