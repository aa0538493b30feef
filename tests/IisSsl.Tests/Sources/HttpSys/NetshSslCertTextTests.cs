using System.Net;
using System.Text;
using IisSsl.Model;
using IisSsl.Sources.HttpSys;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.HttpSys;

public sealed class NetshSslCertTextTests
{
    private static readonly Guid IisAppId = Guid.Parse(SslCertBinding.IisAppId);

    private static HttpSysState ReadFixture(string name) => new NetshSslCertText(NetshFixtures.Path(name)).Read();

    [Fact]
    public void Reads_ipport_and_hostnameport_records_of_a_current_windows_server()
    {
        var state = ReadFixture("server2022-ipport-and-sni.txt");

        Assert.Collection(
            state.Bindings,
            ipport =>
            {
                Assert.Equal(SslCertBindingKind.IpPort, ipport.Kind);
                Assert.Equal(IPAddress.Any, ipport.Address);
                Assert.Equal(443, ipport.Port);
                Assert.Equal("61D34F532DA121BBAB64723C4871E72C92F03735", ipport.Thumbprint);
                Assert.Equal("MY", ipport.StoreName);
                Assert.Equal(IisAppId, ipport.AppId);
                Assert.Equal(5, ipport.Location?.Line);
            },
            sni =>
            {
                Assert.Equal(SslCertBindingKind.HostnamePort, sni.Kind);
                Assert.Equal(HostName.Parse("sitev2.mysite.com"), sni.Host);
                Assert.Null(sni.Address);
                Assert.Equal("0A1B2C3D4E5F60718293A4B5C6D7E8F901234567", sni.Thumbprint);
                Assert.Equal("WebHosting", sni.StoreName);
                Assert.Equal("hostnameport=sitev2.mysite.com:443", sni.Key);
            });
    }

    [Fact]
    public void Keeps_every_other_field_and_the_extended_properties_in_settings()
    {
        var sni = ReadFixture("server2022-ipport-and-sni.txt").Bindings[1];

        Assert.Equal("Set", sni.Settings["Disable HTTP2"]);
        Assert.Equal("Enabled", sni.Settings["Verify Client Certificate Revocation"]);
        Assert.Equal("(null)", sni.Settings["Ctl Identifier"]);
        Assert.Equal("1048576", sni.Settings["Extended Properties[0].Receive Window"]);
        Assert.Equal("1", sni.Settings["Extended Properties[1].PropertyId"]);
        Assert.Equal("4294967295", sni.Settings["Extended Properties[1].Max Settings Per Minute"]);
        Assert.DoesNotContain("Certificate Hash", sni.Settings.Keys);
        Assert.DoesNotContain("Application ID", sni.Settings.Keys);
    }

    [Fact]
    public void Each_record_keeps_its_own_values_when_records_print_their_lines_in_another_order()
    {
        const string text = """
            IP:port                      : 0.0.0.0:443
            Certificate Hash             : 61d34f532da121bbab64723c4871e72c92f03735
            Verify Client Certificate Revocation : Enabled
            Ctl Store Name               : (null)

            IP:port                      : 10.0.0.1:443
            Certificate Hash             : 61d34f532da121bbab64723c4871e72c92f03735
            Ctl Store Name               : Enabled
            Verify Client Certificate Revocation : Disabled
            Usage Check                  : Enabled
            """;

        var bindings = NetshSslCertParser.Parse(text, "sslcert.txt").Bindings;

        Assert.Equal(new Dictionary<string, string> { ["Verify Client Certificate Revocation"] = "Enabled", ["Ctl Store Name"] = "(null)" }, bindings[0].Settings);
        Assert.Equal(
            new Dictionary<string, string> { ["Ctl Store Name"] = "Enabled", ["Verify Client Certificate Revocation"] = "Disabled", ["Usage Check"] = "Enabled" },
            bindings[1].Settings);
    }

    [Fact]
    public void Reads_older_builds_that_print_fewer_lines_and_a_null_store_as_MY()
    {
        var state = ReadFixture("server2012-older-build.txt");

        Assert.Equal(2, state.Bindings.Count);
        Assert.Equal("MY", state.Bindings[0].StoreName);
        Assert.Equal(44307, state.Bindings[0].Port);
        Assert.Equal(Guid.Parse("214124cd-d05b-4309-9af9-9caa44b2b74a"), state.Bindings[0].AppId);
        Assert.Equal("My", state.Bindings[1].StoreName);
        Assert.Equal(IPAddress.Parse("10.0.0.5"), state.Bindings[1].Address);
        Assert.Equal("Disabled", state.Bindings[1].Settings["Negotiate Client Certificate"]);
    }

    [Fact]
    public void Reads_ipv6_ipport_records_and_wildcard_hostname_records()
    {
        var state = ReadFixture("ipv6-and-wildcard.txt");

        Assert.Equal(IPAddress.IPv6Any, state.Bindings[0].Address);
        Assert.Equal("ipport=[::]:443", state.Bindings[0].Key);
        Assert.Equal(IPAddress.Parse("2001:db8::1"), state.Bindings[1].Address);
        Assert.Equal(8443, state.Bindings[1].Port);
        Assert.True(state.Bindings[2].Host!.IsWildcard);
        Assert.Equal("hostnameport=*.wild.example.com:443", state.Bindings[2].Key);
    }

    [Fact]
    public void Reads_central_certificate_store_records_without_a_hash()
    {
        var state = ReadFixture("central-certificate-store.txt");

        Assert.All(state.Bindings, b => Assert.Equal(SslCertBindingKind.CentralCertificateStore, b.Kind));
        Assert.All(state.Bindings, b => Assert.Null(b.Thumbprint));
        Assert.Equal([443, 8443], state.Bindings.Select(b => b.Port));
        Assert.Equal("ccs=443", state.Bindings[0].Key);
    }

    [Fact]
    public void The_early_iis8_hostnameport_star_record_is_the_central_certificate_store()
    {
        var state = NetshSslCertParser.Parse("    Hostname:port                : *:443\n    Application ID : {4dc3e181-e14b-4a21-b022-59fc669b0914}\n", "t.txt");

        Assert.Equal(SslCertBindingKind.CentralCertificateStore, Assert.Single(state.Bindings).Kind);
    }

    [Fact]
    public void Output_without_bindings_is_an_empty_http_sys() =>
        Assert.Empty(ReadFixture("no-bindings.txt").Bindings);

    [Fact]
    public void An_empty_file_is_an_empty_http_sys() =>
        Assert.Empty(NetshSslCertParser.Parse(string.Empty, "empty.txt").Bindings);

    [Fact]
    public void Utf16_output_saved_by_windows_powershell_reads_like_utf8_output()
    {
        var utf16 = ReadFixture("powershell-utf16le.txt");
        var utf8 = ReadFixture("server2022-ipport-and-sni.txt");

        Assert.Equal(utf8.Bindings.Select(b => (b.Key, b.Thumbprint, b.StoreName)), utf16.Bindings.Select(b => (b.Key, b.Thumbprint, b.StoreName)));
        Assert.Equal(utf8.Bindings[1].Settings, utf16.Bindings[1].Settings);
    }

    [Fact]
    public void Utf16_without_a_bom_is_still_recognised()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("sslcert.txt");
        File.WriteAllBytes(path, Encoding.Unicode.GetBytes(NetshFixtures.Text("server2012-older-build.txt")));

        Assert.Equal(2, new NetshSslCertText(path).Read().Bindings.Count);
    }

    [Fact]
    public void Line_feed_only_output_reads_like_crlf_output()
    {
        var crlf = NetshFixtures.Text("server2022-ipport-and-sni.txt");
        Assert.Contains("\r\n", crlf, StringComparison.Ordinal);

        var lf = NetshSslCertParser.Parse(crlf.Replace("\r\n", "\n", StringComparison.Ordinal), "lf.txt");

        Assert.Equal(NetshSslCertParser.Parse(crlf, "crlf.txt").Bindings.Select(b => b.Key), lf.Bindings.Select(b => b.Key));
    }

    [Fact]
    public void Thumbprints_lose_spaces_and_invisible_characters_and_are_upper_cased()
    {
        var text = "IP:port : 0.0.0.0:443\nCertificate Hash : \u200e61 d3 4f 53 2d a1 21 bb ab 64 72 3c 48 71 e7 2c 92 f0 37 35\n";

        var binding = Assert.Single(NetshSslCertParser.Parse(text, "t.txt").Bindings);

        Assert.Equal("61D34F532DA121BBAB64723C4871E72C92F03735", binding.Thumbprint);
    }

    [Fact]
    public void Records_without_blank_lines_between_them_are_still_separate()
    {
        var text = "IP:port : 0.0.0.0:443\nCertificate Hash : aa\nHostname:port : a.com:443\nCertificate Hash : bb\n";

        var state = NetshSslCertParser.Parse(text, "t.txt");

        Assert.Equal(["AA", "BB"], state.Bindings.Select(b => b.Thumbprint));
    }

    [Fact]
    public void Each_record_keeps_its_own_settings_and_extended_properties()
    {
        var longLabel = "Property " + new string('x', 150);
        var text = "IP:port : 0.0.0.0:443\nDisable HTTP2 : Set\nExtended Properties:\nPropertyId : 0\n"
            + $"Hostname:port : a.com:443\nDisable HTTP2 : Not Set\nUsage Check : Enabled\nExtended Properties:\nPropertyId : 1\n{longLabel} : 7\n";

        var state = NetshSslCertParser.Parse(text, "t.txt");

        Assert.Equal(
            [KeyValuePair.Create("Disable HTTP2", "Set"), KeyValuePair.Create("Extended Properties[0].PropertyId", "0")],
            state.Bindings[0].Settings.OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.Equal(
            [
                KeyValuePair.Create("Disable HTTP2", "Not Set"),
                KeyValuePair.Create($"Extended Properties[0].{longLabel}", "7"),
                KeyValuePair.Create("Extended Properties[0].PropertyId", "1"),
                KeyValuePair.Create("Usage Check", "Enabled"),
            ],
            state.Bindings[1].Settings.OrderBy(s => s.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_record_label_names_the_file_and_line()
    {
        var text = "SSL Certificate bindings:\n-------------------------\n\n    Scoped CCS:port : a.com:443\n";

        var error = Assert.Throws<InvalidInputException>(() => NetshSslCertParser.Parse(text, "sslcert.txt"));

        Assert.Equal("sslcert.txt", error.File);
        Assert.Equal(4, error.Line);
        Assert.Contains("Scoped CCS:port", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IP:port : 0.0.0.0:443\nthis line is garbled\n", 2)]
    [InlineData("IP:port : 0.0.0.0:443\nCertificate Hash : not-hex\n", 2)]
    [InlineData("IP:port : 0.0.0.0:443\nApplication ID : {nope}\n", 2)]
    [InlineData("\n\nIP:port : 0.0.0.0:99999\n", 3)]
    [InlineData("IP:port : 2001:db8::1:443\n", 1)]
    [InlineData("Hostname:port : bad_name.com:443\n", 1)]
    [InlineData("IP:port : 0.0.0.0:443\nUsage Check : Enabled\nUsage Check : Disabled\n", 3)]
    public void A_garbled_line_is_reported_with_its_line(string text, int line)
    {
        var error = Assert.Throws<InvalidInputException>(() => NetshSslCertParser.Parse(text, "sslcert.txt"));

        Assert.Equal(line, error.Line);
        Assert.StartsWith($"sslcert.txt:{line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_invalid_input()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<InvalidInputException>(() => new NetshSslCertText(dir.Combine("nope.txt")).Read());

        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }
}
