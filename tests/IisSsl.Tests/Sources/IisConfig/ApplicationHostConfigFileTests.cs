using System.Net;
using System.Text;
using IisSsl.Model;
using IisSsl.Sources;

namespace IisSsl.Tests.Sources.IisConfig;

public sealed class ApplicationHostConfigFileTests
{
    [Fact]
    public void Reads_every_site_of_a_server_config_with_its_name_id_and_bindings()
    {
        var configuration = ConfigFixtures.Read(ConfigFixtures.Server);

        Assert.Equal(["Default Web Site", "MySite V1", "MySite V2"], configuration.Sites.Select(s => s.Name));
        Assert.Equal([1L, 2L, 3L], configuration.Sites.Select(s => s.Id));
        Assert.Equal(
            ["https/*:443:sitev1.mysite.com", "https/*:443:sitev2.mysite.com", "https/10.0.0.5:443:"],
            configuration.HttpsBindings.Select(x => x.Binding.ToString()));
    }

    [Fact]
    public void Reads_bindings_whatever_the_attribute_order_and_quotes()
    {
        var site = ConfigFixtures.Read(ConfigFixtures.Server).Site("MySite V2");

        var sni = site.Binding("*:443:sitev2.mysite.com");
        Assert.Equal(SslFlags.Sni, sni.SslFlags);
        Assert.Equal(HostName.Parse("sitev2.mysite.com"), sni.Host);
        var ipBound = site.Binding("10.0.0.5:443:");
        Assert.Equal(new Endpoint(IPAddress.Parse("10.0.0.5"), 443), ipBound.Endpoint);
        Assert.Null(ipBound.Host);
    }

    [Fact]
    public void Every_site_and_binding_points_at_its_file_and_line()
    {
        var path = ConfigFixtures.PathOf(ConfigFixtures.Server);
        var site = ConfigFixtures.Read(ConfigFixtures.Server).Site("MySite V1");

        Assert.Equal(new SourceLocation(path, 61), site.Location);
        Assert.Equal(new SourceLocation(path, 67), site.Binding("*:443:sitev1.mysite.com").Location);
    }

    [Fact]
    public void Keeps_other_protocols_without_parsing_them()
    {
        var site = ConfigFixtures.Read(ConfigFixtures.Server).Site("Default Web Site");

        var others = site.Bindings.Where(b => !b.IsHttp && !b.IsHttps).ToList();
        Assert.Equal(["net.tcp", "net.pipe", "net.msmq", "msmq.formatname"], others.Select(b => b.Protocol));
        Assert.All(others, b => Assert.Null(b.Endpoint));
        Assert.All(others, b => Assert.Null(b.Problem));
    }

    [Fact]
    public void Ignores_location_sections_and_other_sections()
    {
        var configuration = ConfigFixtures.Parse("""
            <configuration>
              <location path="Trap">
                <system.applicationHost>
                  <sites><site name="In a location" id="9" /></sites>
                </system.applicationHost>
              </location>
              <system.webServer><sites><site name="Wrong section" id="8" /></sites></system.webServer>
              <system.applicationHost>
                <applicationPools><add name="site" /></applicationPools>
                <sites><site name="Real" id="1" /></sites>
              </system.applicationHost>
            </configuration>
            """);

        Assert.Equal(["Real"], configuration.Sites.Select(s => s.Name));
    }

    [Fact]
    public void Reads_an_iis_express_config()
    {
        var configuration = ConfigFixtures.Read(ConfigFixtures.IisExpress);

        Assert.Equal(["WebSite1", "MyApp.Web"], configuration.Sites.Select(s => s.Name));
        var empty = configuration.Site("WebSite1").Binding(":8080:localhost");
        Assert.Equal(Endpoint.AllUnassigned(8080), empty.Endpoint);
        Assert.Equal(HostName.Parse("localhost"), empty.Host);
        Assert.Equal(["https/*:44300:localhost"], configuration.HttpsBindings.Select(x => x.Binding.ToString()));
    }

    [Fact]
    public void A_config_whose_sites_section_is_empty_has_no_sites()
    {
        var configuration = ConfigFixtures.Parse("<configuration><system.applicationHost><applicationPools /><sites /></system.applicationHost></configuration>");

        Assert.Empty(configuration.Sites);
    }

    [Theory]
    [InlineData("utf-8", false)]
    [InlineData("utf-8", true)]
    [InlineData("utf-16", true)]
    [InlineData("utf-16BE", true)]
    [InlineData("utf-16", false)]
    public void Honours_the_byte_order_mark_and_encoding(string encodingName, bool withBom)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var xml = ConfigFixtures.Text(ConfigFixtures.BindingShapes).Replace("encoding=\"utf-8\"", $"encoding=\"{encodingName}\"", StringComparison.Ordinal);
        byte[] bytes = [.. withBom ? encoding.GetPreamble() : [], .. encoding.GetBytes(xml)];

        var configuration = ApplicationHostConfigFile.Parse(bytes, "encoded.config");

        var binding = configuration.Site("Shapes").Binding("*:443:bücher.example");
        Assert.Equal(HostName.Parse("xn--bcher-kva.example"), binding.Host);
        Assert.Equal(13, binding.Location?.Line);
    }

    [Fact]
    public void Reads_a_latin1_file_that_declares_its_encoding()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><configuration><system.applicationHost><sites>"
            + "<site name=\"Café\" id=\"1\"><bindings><binding protocol=\"https\" bindingInformation=\"*:443:café.example\" /></bindings></site>"
            + "</sites></system.applicationHost></configuration>";

        var configuration = ApplicationHostConfigFile.Parse(Encoding.Latin1.GetBytes(xml), "latin1.config");

        Assert.Equal("Café", configuration.Sites.Single().Name);
        Assert.Equal(HostName.Parse("xn--caf-dma.example"), configuration.Sites.Single().Bindings.Single().Host);
    }

    [Fact]
    public void Bytes_that_are_not_valid_utf8_are_refused_with_the_file_name()
    {
        byte[] bytes = [.. "<configuration><!-- "u8, 0xC3, 0x28, .. " --></configuration>"u8];

        var error = Assert.Throws<InvalidInputException>(() => ApplicationHostConfigFile.Parse(bytes, "bad.config"));

        Assert.Equal("bad.config", error.File);
        Assert.Contains("utf-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_byte_deep_in_a_large_file_is_refused_as_bad_text()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(ConfigFixtures.Large(2_000, 2)), .. "<!-- "u8, 0xFF, .. " -->"u8];

        var error = Assert.Throws<InvalidInputException>(() => ApplicationHostConfigFile.Parse(bytes, "bad.config"));

        Assert.Equal("the file is not valid utf-8 text", error.Problem);
    }

    [Fact]
    public void A_file_cut_inside_a_character_is_refused_as_bad_text()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(ConfigFixtures.Large(10, 2)), 0xC3];

        var error = Assert.Throws<InvalidInputException>(() => ApplicationHostConfigFile.Parse(bytes, "cut.config"));

        Assert.Equal("the file is not valid utf-8 text", error.Problem);
    }

    [Fact]
    public void Bad_text_is_reported_before_an_xml_error_earlier_in_the_file()
    {
        var padding = Encoding.UTF8.GetBytes($"<!-- {new string('x', 300_000)} -->");
        byte[] bytes = [.. "<configuration>\n<sites>\n</configuration>\n"u8, .. padding, .. "<!-- "u8, 0xC3, 0x28, .. " -->"u8];

        var error = Assert.Throws<InvalidInputException>(() => ApplicationHostConfigFile.Parse(bytes, "bad.config"));

        Assert.Equal("the file is not valid utf-8 text", error.Problem);
    }

    [Fact]
    public void A_long_xml_declaration_still_names_the_encoding()
    {
        var xml = $"<?xml version=\"1.0\"{new string(' ', 2_000)}encoding=\"iso-8859-1\"?><configuration><system.applicationHost><sites>"
            + "<site name=\"Café\" id=\"1\" /></sites></system.applicationHost></configuration>";

        var configuration = ApplicationHostConfigFile.Parse(Encoding.Latin1.GetBytes(xml), "latin1.config");

        Assert.Equal("Café", configuration.Sites.Single().Name);
    }

    [Fact]
    public void Malformed_xml_names_the_file_and_the_line_where_it_breaks()
    {
        var path = ConfigFixtures.PathOf(ConfigFixtures.Malformed);

        var error = Assert.Throws<InvalidInputException>(() => new ApplicationHostConfigFile(path).Read());

        Assert.Equal(path, error.File);
        Assert.Equal(8, error.Line);
        Assert.StartsWith("not well-formed XML: ", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Line 8", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_xml_in_a_crlf_file_reports_the_right_line()
    {
        var xml = "<configuration>\r\n<system.applicationHost>\r\n<sites>\r\n<site name=\"A\" id=1 />\r\n</sites>\r\n</system.applicationHost>\r\n</configuration>\r\n";

        var error = Assert.Throws<InvalidInputException>(() => ConfigFixtures.Parse(xml));

        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void A_dtd_is_refused_and_no_external_entity_is_read()
    {
        var error = Assert.Throws<InvalidInputException>(() => ConfigFixtures.Read(ConfigFixtures.Dtd));

        Assert.Equal(2, error.Line);
        Assert.Contains("DTD", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "iis-ssl-tests", "no-such-folder", "applicationHost.config");

        var error = Assert.Throws<InvalidInputException>(() => new ApplicationHostConfigFile(path).Read());

        Assert.Equal(path, error.File);
        Assert.Contains("does not exist", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<site id=\"1\" />", "no name")]
    [InlineData("<site name=\"S\" />", "no id")]
    [InlineData("<site name=\"S\" id=\"one\" />", "not a whole number")]
    public void A_site_without_a_usable_name_or_id_is_refused_at_its_line(string site, string problem)
    {
        var xml = $"<configuration>\n<system.applicationHost>\n<sites>\n{site}\n</sites>\n</system.applicationHost>\n</configuration>";

        var error = Assert.Throws<InvalidInputException>(() => ConfigFixtures.Parse(xml));

        Assert.Equal(4, error.Line);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 1L)]
    [InlineData("&#52;2", 42L)]
    [InlineData("4294967295", 4294967295L)]
    public void A_site_id_is_the_whole_number_its_attribute_gives(string id, long expected)
    {
        var site = ConfigFixtures.Parse(StrictSitesSectionTests.Wrap($"<site name=\"S\" id=\"{id}\" />")).Sites[0];

        Assert.Equal(expected, site.Id);
    }

    [Theory]
    [InlineData("", "site 'S' has id '', which is not a whole number")]
    [InlineData(" 1", "site 'S' has id ' 1', which is not a whole number")]
    [InlineData("-1", "site 'S' has id '-1', which is not a whole number")]
    [InlineData("4294967296", "site 'S' has id '4294967296', which is not a whole number")]
    [InlineData("1&#x9;", "site 'S' has id '1\t', which is not a whole number")]
    public void A_site_id_that_is_not_a_whole_number_is_refused_quoting_it(string id, string problem)
    {
        var error = Assert.Throws<InvalidInputException>(() => ConfigFixtures.Parse(StrictSitesSectionTests.Wrap($"<site name=\"S\" id=\"{id}\" />")));

        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void Reads_ten_thousand_sites_and_fifty_thousand_bindings()
    {
        var configuration = ApplicationHostConfigFile.Parse(Encoding.UTF8.GetBytes(ConfigFixtures.Large(10_000, 5)), "large.config");

        Assert.Equal(10_000, configuration.Sites.Count);
        Assert.Equal(50_000, configuration.HttpsBindings.Count());
        Assert.Equal(HostName.Parse("h5.site10000.example.com"), configuration.Sites[^1].Bindings[^1].Host);
    }
}
