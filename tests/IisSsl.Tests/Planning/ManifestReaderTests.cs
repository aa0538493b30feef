using System.Net;
using IisSsl.Model;
using IisSsl.Planning;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Planning;

public sealed class ManifestReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private EnsureManifest Read(string json) => ManifestReader.Read(_temp.Write("manifest.json", json));

    private InvalidInputException Rejects(string json) => Assert.Throws<InvalidInputException>(() => Read(json));

    [Fact]
    public void Reads_the_documented_manifest_shape()
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "IisSsl.Tests", "Fixtures", "Ensure", "manifest-documented.json");

        var manifest = ManifestReader.Read(path);

        var main = Assert.IsType<ManifestCertificate.InStore>(manifest.Certificates["main"]);
        Assert.Equal(("0123456789ABCDEF0123456789ABCDEF01234567", "My"), (main.Thumbprint, main.StoreName));
        var v2 = Assert.IsType<ManifestCertificate.FromFile>(manifest.Certificates["v2"]);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(path)!, "certs", "v2.pfx"), v2.FilePath);
        Assert.Equal("V2_PFX_PASSWORD", v2.PasswordVariable);
        var site = manifest.Sites[0];
        Assert.Equal(("MySite V1", "main", SniMode.Auto, 4), (site.Name, site.Certificate, site.Sni, site.Line));
        Assert.Equal([HostName.Parse("sitev1.mysite.com")], site.HostNames);
        Assert.Equal(Endpoint.AllUnassigned(443), site.Endpoint);
        Assert.Equal(new Endpoint(IPAddress.Parse("2001:db8::1"), 8443), manifest.Sites[1].Endpoint);
        Assert.Equal(SniMode.Always, manifest.Sites[1].Sni);
    }

    [Fact]
    public void Defaults_are_all_unassigned_port_443_and_sni_auto()
    {
        var manifest = Read("""{ "certificates": { "c": { "thumbprint": "0123456789abcdef0123456789abcdef01234567" } }, "sites": [ { "name": "S", "hostNames": ["a.com"], "certificate": "c" } ] }""");

        Assert.Equal((Endpoint.AllUnassigned(443), SniMode.Auto), (manifest.Sites[0].Endpoint, manifest.Sites[0].Sni));
        Assert.Equal("MY", ((ManifestCertificate.InStore)manifest.Certificates["c"]).StoreName);
    }

    [Fact]
    public void Thumbprints_pasted_with_spaces_and_an_invisible_mark_are_normalised()
    {
        var manifest = Read("{ \"certificates\": { \"c\": { \"thumbprint\": \"\u200e01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67\" } }, \"sites\": [] }");

        Assert.Equal("0123456789ABCDEF0123456789ABCDEF01234567", ((ManifestCertificate.InStore)manifest.Certificates["c"]).Thumbprint);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        var error = Rejects("{\n  \"sites\": [\n    { \"name\": \"S\" \n  ]\n}");

        Assert.EndsWith("manifest.json", error.File, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
        Assert.Contains("not well-formed JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"hostNames\": [\"bad_host.com\"], \"certificate\": \"c\"", "not a valid host name")]
    [InlineData("\"hostNames\": [\"a.com\"], \"certificate\": \"nope\"", "certificate \"nope\", which \"certificates\" does not define")]
    [InlineData("\"hostNames\": [], \"certificate\": \"c\"", "non-empty \"hostNames\"")]
    [InlineData("\"hostNames\": [\"a.com\"], \"certificate\": \"c\", \"sni\": \"sometimes\"", "\"sni\" must be")]
    [InlineData("\"hostNames\": [\"a.com\"], \"certificate\": \"c\", \"port\": 70000", "1 to 65535")]
    [InlineData("\"hostNames\": [\"a.com\"], \"certificate\": \"c\", \"ip\": \"10.0.0\"", "not an IP address")]
    [InlineData("\"hostName\": [\"a.com\"], \"certificate\": \"c\"", "unknown property \"hostName\"")]
    public void An_invalid_site_entry_is_rejected_at_its_line(string entry, string expected)
    {
        var error = Rejects("{\n \"certificates\": { \"c\": { \"thumbprint\": \"0123456789abcdef0123456789abcdef01234567\" } },\n \"sites\": [\n  { \"name\": \"S\",\n " + entry + " }\n ]\n}");

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line ?? 0, 4, 5);
    }

    [Fact]
    public void Two_sites_listing_one_host_on_one_endpoint_are_rejected()
    {
        var error = Rejects("""
            {
              "certificates": { "c": { "thumbprint": "0123456789abcdef0123456789abcdef01234567" } },
              "sites": [
                { "name": "A", "hostNames": ["www.a.com"], "certificate": "c" },
                { "name": "B", "hostNames": ["WWW.A.COM."], "certificate": "c" }
              ]
            }
            """);

        Assert.Equal(5, error.Line);
        Assert.Contains("listed by two sites", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_needs_exactly_one_of_thumbprint_or_file()
    {
        Assert.Contains("exactly one of", Rejects("""{ "certificates": { "c": { "thumbprint": "0123456789abcdef0123456789abcdef01234567", "file": "a.pfx" } }, "sites": [] }""").Message, StringComparison.Ordinal);
        Assert.Contains("not a SHA-1 thumbprint", Rejects("""{ "certificates": { "c": { "thumbprint": "abc" } }, "sites": [] }""").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_manifest_is_bad_input_naming_the_file()
    {
        var error = Assert.Throws<InvalidInputException>(() => ManifestReader.Read(_temp.Combine("absent.json")));

        Assert.EndsWith("absent.json", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_central_certificate_store_certificate_takes_no_thumbprint_or_store()
    {
        var manifest = Read("""{ "certificates": { "ccs": { "centralCertificateStore": true } }, "sites": [ { "name": "S", "hostNames": ["a.com"], "certificate": "ccs" } ] }""");

        Assert.IsType<ManifestCertificate.CentralStore>(manifest.Certificates["ccs"]);
        Assert.Contains("exactly one of", Rejects("""{ "certificates": { "c": { "centralCertificateStore": true, "file": "a.pfx" } }, "sites": [] }""").Message, StringComparison.Ordinal);
        Assert.Contains("no \"store\"", Rejects("""{ "certificates": { "c": { "centralCertificateStore": true, "store": "My" } }, "sites": [] }""").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_with_invalid_utf8_in_a_string_is_bad_input_naming_its_line()
    {
        var path = _temp.Combine("manifest.json");
        File.WriteAllBytes(path, [.. "{\n  \"sites\": [ { \"name\": \""u8, 0xC3, 0x28, .. "\" } ]\n}"u8]);

        var error = Assert.Throws<InvalidInputException>(() => ManifestReader.Read(path));

        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData("{ \"sites\": [ { \"name\": \"\\ud800\" } ] }")]
    [InlineData("{ \"\\udc00\": 1, \"sites\": [] }")]
    public void A_manifest_with_a_lone_surrogate_escape_is_bad_input(string json)
    {
        var error = Rejects(json);

        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_lists_several_endpoints_and_a_catch_all_host()
    {
        var manifest = Read("""
            {
              "certificates": { "c": { "thumbprint": "0123456789abcdef0123456789abcdef01234567" } },
              "sites": [ { "name": "A", "hostNames": ["www.a.com", ""], "certificate": "c",
                           "endpoints": [ { "ip": "*", "port": 443 }, { "ip": "[2001:db8::1]" }, { "ip": "10.0.0.5", "port": 8443 } ] } ]
            }
            """);

        var site = Assert.Single(manifest.Sites);
        Assert.Equal([Endpoint.AllUnassigned(443), new Endpoint(IPAddress.Parse("2001:db8::1"), 443), new Endpoint(IPAddress.Parse("10.0.0.5"), 8443)], site.Endpoints);
        Assert.True(site.CatchAll);
        Assert.Equal([HostName.Parse("www.a.com"), null], site.Hosts);
    }

    [Fact]
    public void The_same_host_on_two_ips_of_two_sites_is_expressible()
    {
        var manifest = Read("""
            {
              "certificates": { "c": { "thumbprint": "0123456789abcdef0123456789abcdef01234567" } },
              "sites": [
                { "name": "A", "hostNames": ["www.a.com"], "certificate": "c", "ip": "10.0.0.5" },
                { "name": "B", "hostNames": ["www.a.com"], "certificate": "c", "ip": "10.0.0.6" }
              ]
            }
            """);

        Assert.Equal(2, manifest.Sites.Count);
    }

    [Fact]
    public void The_same_site_listed_twice_is_rejected_at_its_second_line()
    {
        var error = Rejects("""
            {
              "certificates": { "c": { "thumbprint": "0123456789abcdef0123456789abcdef01234567" } },
              "sites": [
                { "name": "A", "hostNames": ["www.a.com"], "certificate": "c" },
                { "name": "a", "hostNames": ["www.b.com"], "certificate": "c" }
              ]
            }
            """);

        Assert.Equal(5, error.Line);
        Assert.Contains("listed twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData(""", "server": { "iisVersion": 7 }""", 7)]
    [InlineData(""", "server": { "iisVersion": 8.5 }""", 8)]
    public void The_server_block_says_the_iis_version_and_defaults_to_10(string server, int expected)
    {
        var manifest = Read("""{ "certificates": { "c": { "thumbprint": "0123456789abcdef0123456789abcdef01234567" } }, "sites": [ { "name": "A", "hostNames": ["a.com"], "certificate": "c" } ]""" + server + " }");

        Assert.Equal(expected, manifest.Server.IisVersion);
    }

    [Theory]
    [InlineData("\"server\": { \"iisVersion\": 9 }", "\"iisVersion\" must be 7, 7.5, 8, 8.5 or 10")]
    [InlineData("\"server\": { \"iis\": 10 }", "unknown property \"iis\"")]
    [InlineData("\"sites\": [ { \"name\": \"A\", \"hostNames\": [\"a.com\"], \"certificate\": \"c\", \"ip\": \"*\", \"endpoints\": [ { \"port\": 443 } ] } ]", "either \"ip\"/\"port\" or \"endpoints\"")]
    [InlineData("\"sites\": [ { \"name\": \"A\", \"hostNames\": [\"a.com\"], \"certificate\": \"c\", \"endpoints\": [ { \"port\": 443 }, { \"ip\": \"*\" } ] } ]", "lists endpoint *:443 twice")]
    public void Bad_server_and_endpoint_blocks_are_one_clear_line(string member, string expected)
    {
        var sites = member.StartsWith("\"sites\"", StringComparison.Ordinal) ? member : "\"sites\": [ { \"name\": \"A\", \"hostNames\": [\"a.com\"], \"certificate\": \"c\" } ], " + member;
        var error = Rejects("""{ "certificates": { "c": { "thumbprint": "0123456789abcdef0123456789abcdef01234567" } }, """ + sites + " }");

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
