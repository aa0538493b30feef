using IisSsl.Model;
using IisSsl.Sources.HttpSys;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.HttpSys;

/// <summary>
/// What the netsh reader refuses rather than guesses (a repeated key, a label it does not know, a translated output)
/// and the real outputs it reads. Fixtures: german-constructed-* are built from the German labels quoted from real
/// servers (reference §11 and a public capture: 'SSL-Zertifikatbindungen:', 'IP:Port', 'Zertifikathash',
/// 'Anwendungs-ID', 'Zertifikatspeichername'), marked constructed because no whole German output was found;
/// newer-build-session-id-and-client-hello.txt follows a capture quoted in a public project (its last two record lines
/// and five extended property blocks).
/// </summary>
public sealed class NetshRefusalTests
{
    private static HttpSysState ReadFixture(string name) => new NetshSslCertText(NetshFixtures.Path(name)).Read();

    [Fact]
    public void A_repeated_record_key_is_refused_naming_both_lines()
    {
        var text = "IP:port : 0.0.0.0:443\nCertificate Hash : aa\n\nHostname:port : a.com:443\nCertificate Hash : bb\n\nIP:port : 0.0.0.0:443\nCertificate Hash : cc\n";

        var error = Assert.Throws<InvalidInputException>(() => NetshSslCertParser.Parse(text, "sslcert.txt"));

        Assert.Equal(7, error.Line);
        Assert.Contains("ipport=0.0.0.0:443 appears twice (lines 1 and 7)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_hostname_key_differing_only_in_case_is_the_same_key()
    {
        var text = "Hostname:port : A.com:443\nCertificate Hash : aa\nHostname:port : a.COM:443\nCertificate Hash : bb\n";

        var error = Assert.Throws<InvalidInputException>(() => NetshSslCertParser.Parse(text, "sslcert.txt"));

        Assert.Contains("(lines 1 and 3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_record_key_in_the_json_snapshot_is_refused_naming_both_lines()
    {
        const string json = """
            {
              "version": 1,
              "sslCertBindings": [
                { "ipport": "0.0.0.0:443", "certificateHash": "AA" },
                { "hostnameport": "a.com:443", "certificateHash": "BB" },
                { "ipport": "0.0.0.0:443", "certificateHash": "CC" }
              ]
            }
            """;

        var error = Assert.Throws<InvalidInputException>(() => HttpSysSnapshotFormat.Parse(json, "state.json"));

        Assert.Equal(6, error.Line);
        Assert.Contains("ipport=0.0.0.0:443 appears twice (lines 4 and 6)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IP:port : 0.0.0.0:443\nCertificate Hash : aa\nCertificate Hahs : bb\n", "Certificate Hahs", 3)]
    [InlineData("IP:port : 0.0.0.0:443\nCertificate Hash : aa\nHostname port : a.com:443\nCertificate Hash : bb\n", "Hostname port", 3)]
    [InlineData("IP:port : 0.0.0.0:443\nCertificate Hash : aa\nScoped CCS:port : a.com:443\n", "Scoped CCS:port", 3)]
    public void A_label_netsh_does_not_print_is_refused_naming_it_and_its_line_not_read_into_the_record_above(string text, string label, int line)
    {
        var error = Assert.Throws<InvalidInputException>(() => NetshSslCertParser.Parse(text, "sslcert.txt"));

        Assert.Equal(line, error.Line);
        Assert.Contains($"'{label}' is not a label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_record_label_after_extended_properties_is_refused_at_the_record_line_it_carries()
    {
        var text = "IP:port : 0.0.0.0:443\nCertificate Hash : aa\n Extended Properties:\nPropertyId : 0\n\nHostname:prot : a.com:443\nCertificate Hash : bb\n";

        var error = Assert.Throws<InvalidInputException>(() => NetshSslCertParser.Parse(text, "sslcert.txt"));

        Assert.Equal(7, error.Line);
        Assert.Contains("record label that opens its own record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_labels_of_the_newest_builds_are_read_and_kept()
    {
        var record = Assert.Single(ReadFixture("newer-build-session-id-and-client-hello.txt").Bindings);

        Assert.Equal("61D34F532DA121BBAB64723C4871E72C92F03735", record.Thumbprint);
        Assert.Equal("Set", record.Settings["Disable Session ID"]);
        Assert.Equal("Not Set", record.Settings["Enable Caching Client Hello"]);
        Assert.Equal("4", record.Settings["Extended Properties[4].PropertyId"]);
    }

    [Fact]
    public void Netsh_saying_it_cannot_find_the_record_queried_is_an_empty_http_sys()
    {
        Assert.Empty(ReadFixture("single-record-query-not-found.txt").Bindings);
    }

    [Fact]
    public void Outputs_of_several_single_record_queries_read_the_records_found()
    {
        var text = "SSL Certificate bindings:\n---\n\nThe system cannot find the file specified.\n\nSSL Certificate bindings:\n---\n\nIP:port : 0.0.0.0:443\nCertificate Hash : aa\n";

        Assert.Equal(["ipport=0.0.0.0:443"], NetshSslCertParser.Parse(text, "t.txt").Bindings.Select(b => b.Key));
    }

    [Fact]
    public void A_field_after_the_not_found_answer_needs_a_record_label_of_its_own()
    {
        var text = "IP:port : 0.0.0.0:443\nThe system cannot find the file specified.\nCertificate Hash : aa\n";

        var error = Assert.Throws<InvalidInputException>(() => NetshSslCertParser.Parse(text, "t.txt"));

        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("german-constructed-from-quoted-labels.txt", 2, "SSL-Zertifikatbindungen")]
    [InlineData("german-constructed-without-heading.txt", 2, "Zertifikathash")]
    public void German_output_is_refused_saying_it_is_not_english_and_what_to_use_instead(string fixture, int line, string label)
    {
        var error = Assert.Throws<InvalidInputException>(() => ReadFixture(fixture));

        Assert.Equal(line, error.Line);
        Assert.Contains($"'{label}' is not an English netsh label", error.Message, StringComparison.Ordinal);
        Assert.Contains("non-English Windows", error.Message, StringComparison.Ordinal);
        Assert.Contains("iis-ssl snapshot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translated_label_that_is_not_ascii_is_recognised_as_translated()
    {
        var text = "IP:port : 0.0.0.0:443\nHachage de certificat : aa\nIdentificateur d’application : {4dc3e181-e14b-4a21-b022-59fc669b0914}\n";

        // The first unknown label is plain ASCII and only unknown; a label with a non-ASCII letter is named as translated.
        Assert.Contains("is not a label", Assert.Throws<InvalidInputException>(() => NetshSslCertParser.Parse(text, "t.txt")).Message, StringComparison.Ordinal);
        var accented = "IP:port : 0.0.0.0:443\nÜberprüfung : aa\n";
        Assert.Contains("not an English netsh label", Assert.Throws<InvalidInputException>(() => NetshSslCertParser.Parse(accented, "t.txt")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void German_output_never_reaches_the_analysis_as_records_without_a_hash()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("applicationHost.config", """
            <configuration><system.applicationHost><sites>
              <site name="A" id="1"><bindings><binding protocol="https" bindingInformation="*:443:a.example.com" /></bindings></site>
            </sites></system.applicationHost></configuration>
            """);

        var error = Assert.Throws<InvalidInputException>(() => IisSslEngine.Verify(new VerifyOptions
        {
            IisConfigPath = config,
            SslCertPath = NetshFixtures.Path("german-constructed-without-heading.txt"),
        }));

        Assert.Contains("not an English netsh label", error.Message, StringComparison.Ordinal);
    }
}
