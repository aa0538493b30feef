using System.Net;
using IisSsl.Model;
using IisSsl.Sources.HttpSys;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.HttpSys;

public sealed class HttpSysSnapshotFormatTests
{
    private const string Documented = """
        {
          "version": 1,
          "sslCertBindings": [
            {
              "ipport": "0.0.0.0:443",
              "certificateHash": "61d34f532da121bbab64723c4871e72c92f03735",
              "certificateStoreName": "MY",
              "appId": "{4dc3e181-e14b-4a21-b022-59fc669b0914}",
              "settings": { "Disable HTTP2": "Set" }
            },
            { "hostnameport": "SiteV2.MySite.com:443", "certificateHash": "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567", "certificateStoreName": "WebHosting" },
            { "ipport": "[2001:db8::1]:8443", "certificateHash": "AA" },
            { "ccs": 443, "appId": "{4dc3e181-e14b-4a21-b022-59fc669b0914}" }
          ]
        }
        """;

    [Fact]
    public void Reads_the_documented_shape()
    {
        var state = HttpSysSnapshotFormat.Parse(Documented, "state.json");

        Assert.Equal(
            ["ipport=0.0.0.0:443", "hostnameport=sitev2.mysite.com:443", "ipport=[2001:db8::1]:8443", "ccs=443"],
            state.Bindings.Select(b => b.Key));
        Assert.Equal("61D34F532DA121BBAB64723C4871E72C92F03735", state.Bindings[0].Thumbprint);
        Assert.Equal(Guid.Parse(SslCertBinding.IisAppId), state.Bindings[0].AppId);
        Assert.Equal("Set", state.Bindings[0].Settings["Disable HTTP2"]);
        Assert.Equal("WebHosting", state.Bindings[1].StoreName);
        Assert.Equal("MY", state.Bindings[2].StoreName);
        Assert.Null(state.Bindings[3].Thumbprint);
        Assert.Equal(new SourceLocation("state.json", 11), state.Bindings[1].Location);
    }

    [Fact]
    public void Serialising_and_reading_back_keeps_every_record()
    {
        var original = HttpSysSnapshotFormat.Parse(Documented, "a.json");

        var again = HttpSysSnapshotFormat.Parse(HttpSysSnapshotFormat.Serialize(original), "b.json");

        Assert.Equal(Facts(original).Order(), Facts(again).Order());
        Assert.Equal(original.Bindings[0].Settings, again.Bindings.Single(b => b.Kind == SslCertBindingKind.IpPort && b.Port == 443).Settings);
    }

    [Fact]
    public void Serialising_gives_the_same_text_whatever_the_record_order()
    {
        var state = HttpSysSnapshotFormat.Parse(Documented, "a.json");
        var reversed = state with { Bindings = [.. state.Bindings.Reverse()] };

        var text = HttpSysSnapshotFormat.Serialize(state);

        Assert.Equal(text, HttpSysSnapshotFormat.Serialize(reversed));
        Assert.True(text.IndexOf("\"ipport\": \"0.0.0.0:443\"", StringComparison.Ordinal) < text.IndexOf("\"hostnameport\"", StringComparison.Ordinal));
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialises_netsh_records_in_the_documented_shape()
    {
        var state = new HttpSysState("x", [new SslCertBinding(SslCertBindingKind.IpPort, 443, IPAddress.IPv6Any, Thumbprint: "AB", AppId: Guid.Parse(SslCertBinding.IisAppId))]);

        var text = HttpSysSnapshotFormat.Serialize(state);

        Assert.Equal(
            """
            {
              "version": 1,
              "sslCertBindings": [
                {
                  "ipport": "[::]:443",
                  "certificateHash": "AB",
                  "certificateStoreName": "MY",
                  "appId": "{4dc3e181-e14b-4a21-b022-59fc669b0914}"
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Theory]
    [InlineData("{\n  \"version\": 1,\n  \"sslCertBindings\": [\n    { \"ipport\": \"0.0.0.0:443\" \n    \"x\": 1 }\n  ]\n}", 5)]
    [InlineData("{\n  \"version\": 1,\n  \"sslCertBindings\": [\n", 4)]
    [InlineData("{ \"version\": 1, \"sslCertBindings\": [] }\n\n{}", 3)]
    public void Malformed_json_is_reported_with_its_line(string json, int line)
    {
        var error = Assert.Throws<InvalidInputException>(() => HttpSysSnapshotFormat.Parse(json, "state.json"));

        Assert.Equal("state.json", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains("is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"version\": 1,\n \"sslCertBindings\": [\n {\n \"certificateHash\": \"AA\" } ] }", 3, "needs one of")]
    [InlineData("{ \"version\": 1,\n \"sslCertBindings\": [\n { \"ipport\": \"0.0.0.0:443\",\n \"ccs\": 443 } ] }", 4, "exactly one")]
    [InlineData("{ \"version\": 1,\n \"sslCertBindings\": [\n { \"ipport\": \"localhost:443\" } ] }", 3, "is not IP:port")]
    [InlineData("{ \"version\": 1,\n \"sslCertBindings\": [\n { \"hostnameport\": \"a.com\" } ] }", 3, "is not name:port")]
    [InlineData("{ \"version\": 1,\n \"sslCertBindings\": [\n { \"ccs\": 0 } ] }", 3, "port number")]
    [InlineData("{ \"version\": 1,\n \"sslCertBindings\": [\n { \"ccs\": 443,\n \"certificateHash\": \"xyz\" } ] }", 4, "hexadecimal")]
    [InlineData("{ \"version\": 1,\n \"sslCertBindings\": [\n { \"ccs\": 443,\n \"appid\": \"nope\" } ] }", 4, "GUID")]
    [InlineData("{ \"version\": 1,\n \"sslCertBindings\": [\n { \"ccs\": 443,\n \"certhash\": \"AA\" } ] }", 4, "unknown record property 'certhash'")]
    [InlineData("{ \"version\": 2,\n \"sslCertBindings\": [] }", 1, "'version' must be 1")]
    [InlineData("{ \"sslCertBindings\": [] }", 1, "'version' is missing")]
    [InlineData("[]", 1, "JSON object")]
    [InlineData("{ \"version\": 1,\n \"sslCertBindings\": [\n { \"ccs\": 443,\n \"appId\": \"\\ud800\" } ] }", 4, "lone surrogate")]
    [InlineData("{ \"version\": 1,\n \"\\udc00\": [] }", 2, "lone surrogate")]
    [InlineData("{ \"version\": 1,\n \"sslCertBindings\": [\n { \"ccs\": 443,\n \"settings\": {\n \"x\": \"\\ud800\" } } ] }", 5, "lone surrogate")]
    [InlineData("{ \"version\": 1,\n \"sslCertBindings\": [\n { \"ccs\": 443,\n \"settings\": {\n \"x\": 1e309 } } ] }", 5, "finite number")]
    public void A_record_that_breaks_the_format_is_reported_with_its_line(string json, int line, string problem)
    {
        var error = Assert.Throws<InvalidInputException>(() => HttpSysSnapshotFormat.Parse(json, "state.json"));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_snapshot_file_is_an_empty_http_sys()
    {
        using var dir = new TempDirectory();

        var state = new HttpSysJsonSnapshot(dir.Combine("state.json")).Read();

        Assert.Empty(state.Bindings);
    }

    [Fact]
    public void A_written_snapshot_reads_back_the_same_records()
    {
        using var dir = new TempDirectory();
        var snapshot = new HttpSysJsonSnapshot(dir.Combine("state.json"));
        var state = HttpSysSnapshotFormat.Parse(Documented, "in.json");

        snapshot.Write(state);

        Assert.Equal(Facts(state).Order(), Facts(snapshot.Read()).Order());
        Assert.Equal(["state.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Netsh_output_converts_to_a_snapshot_without_losing_fields()
    {
        var netsh = NetshSslCertParser.Parse(NetshFixtures.Text("server2022-ipport-and-sni.txt"), "sslcert.txt");

        var snapshot = HttpSysSnapshotFormat.Parse(HttpSysSnapshotFormat.Serialize(netsh), "state.json");

        Assert.Equal(Facts(netsh).Order(), Facts(snapshot).Order());
        Assert.Equal(netsh.Bindings[1].Settings.OrderBy(s => s.Key), snapshot.Bindings[1].Settings.OrderBy(s => s.Key));
    }

    private static IEnumerable<string> Facts(HttpSysState state) =>
        state.Bindings.Select(b => $"{b.Key}|{b.Thumbprint}|{b.StoreName}|{b.AppId}|{string.Join(",", b.Settings.OrderBy(s => s.Key, StringComparer.Ordinal))}");
}
