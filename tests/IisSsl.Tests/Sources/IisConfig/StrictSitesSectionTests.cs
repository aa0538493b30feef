using IisSsl.Sources;

namespace IisSsl.Tests.Sources.IisConfig;

/// <summary>Where the engine models the data it is as strict as IIS's schema: what IIS refuses is exit 2 with file:line.</summary>
public sealed class StrictSitesSectionTests
{
    private static InvalidInputException Refused(string sites) =>
        Assert.Throws<InvalidInputException>(() => ConfigFixtures.Parse(Wrap(sites)));

    /// <summary>A config whose sites section holds <paramref name="sites"/>, which starts on line 4.</summary>
    internal static string Wrap(string sites) =>
        "<configuration>\n  <system.applicationHost>\n    <sites>\n" + sites + "\n    </sites>\n  </system.applicationHost>\n</configuration>\n";

    [Fact]
    public void An_unknown_element_inside_bindings_is_refused_at_its_line()
    {
        var error = Refused("""
            <site name="A" id="1">
              <bindings>
                <binding protocol="http" bindingInformation="*:80:a.example.com" />
                <bindng protocol="https" bindingInformation="*:443:a.example.com" />
              </bindings>
            </site>
            """);

        Assert.Equal(7, error.Line);
        Assert.Equal("test.config", error.File);
        Assert.Contains("<bindng>", error.Problem);
    }

    [Fact]
    public void An_unknown_element_inside_site_defaults_bindings_is_refused() =>
        Assert.Contains("<add>", Refused("""<siteDefaults><bindings><add protocol="https" bindingInformation="*:443:" /></bindings></siteDefaults>""").Problem);

    [Theory]
    [InlineData("""<binding protocl="https" bindingInformation="*:443:a.example.com" />""", "protocl")]
    [InlineData("""<binding protocol="https" bindingInformation="*:443:a.example.com" sslflags="1" />""", "sslflags")]
    [InlineData("""<binding protocol="https" bindingInformation="*:443:a.example.com" certificateHash="AB" />""", "certificateHash")]
    [InlineData("""<binding xmlns:x="urn:x" x:protocol="https" protocol="https" bindingInformation="*:443:a.example.com" />""", "x:protocol")]
    [InlineData("""<remove protocol="https" bindingInformation="*:443:" sslFlags="1" />""", "sslFlags")]
    [InlineData("""<clear protocol="https" />""", "protocol")]
    public void An_unknown_attribute_on_a_binding_entry_is_refused_naming_it(string entry, string attribute)
    {
        var error = Refused($"""<site name="A" id="1"><bindings>{"\n"}{entry}{"\n"}</bindings></site>""");

        Assert.Equal(5, error.Line);
        Assert.Contains($"'{attribute}'", error.Problem);
    }

    [Fact]
    public void The_lock_attributes_of_the_configuration_system_are_accepted_on_a_binding()
    {
        var configuration = ConfigFixtures.Parse(Wrap("""
            <site name="A" id="1"><bindings>
              <binding protocol="https" bindingInformation="*:443:a.example.com" sslFlags="1" lockItem="true" lockAttributes="sslFlags" />
              <clear lockItem="true" />
              <binding protocol="https" bindingInformation="*:443:b.example.com" />
            </bindings></site>
            """));

        Assert.Equal(["https/*:443:b.example.com"], configuration.Site("A").Bindings.Select(b => b.ToString()));
    }

    [Fact]
    public void An_element_inside_a_binding_is_refused() =>
        Assert.Contains("<certificate>", Refused("""<site name="A" id="1"><bindings><binding protocol="https" bindingInformation="*:443:" ><certificate /></binding></bindings></site>""").Problem);

    [Fact]
    public void A_second_bindings_element_in_one_site_is_refused_naming_both_lines()
    {
        var error = Refused("""
            <site name="A" id="1">
              <bindings><binding protocol="http" bindingInformation="*:80:" /></bindings>
              <bindings><binding protocol="https" bindingInformation="*:443:" /></bindings>
            </site>
            """);

        Assert.Equal(6, error.Line);
        Assert.Contains("site 'A'", error.Problem);
        Assert.Contains("line 5", error.Problem);
    }

    [Fact]
    public void A_second_bindings_element_in_site_defaults_is_refused() =>
        Assert.Contains("<siteDefaults>", Refused("<siteDefaults><bindings /><bindings /></siteDefaults>").Problem);

    [Fact]
    public void A_second_site_defaults_is_refused() =>
        Assert.Contains("second <siteDefaults>", Refused("<siteDefaults />\n<siteDefaults />").Problem);

    [Fact]
    public void A_second_sites_section_is_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => ConfigFixtures.Parse("""
            <configuration>
              <system.applicationHost>
                <sites><site name="A" id="1" /></sites>
                <sites><site name="B" id="2" /></sites>
              </system.applicationHost>
            </configuration>
            """));

        Assert.Equal(4, error.Line);
        Assert.Contains("second <sites>", error.Problem);
    }

    [Theory]
    [InlineData("A", "A")]
    [InlineData("Default Web Site", "default web site")]
    public void Two_sites_with_the_same_name_are_refused_at_the_second(string first, string second)
    {
        var error = Refused($"""
            <site name="{first}" id="1" />
            <site name="{second}" id="2" />
            """);

        Assert.Equal(5, error.Line);
        Assert.Contains("line 4", error.Problem);
        Assert.Contains("site name", error.Problem);
    }

    [Fact]
    public void Two_sites_with_the_same_id_are_refused_at_the_second_even_written_differently()
    {
        var error = Refused("""
            <site name="A" id="7" />
            <site name="B" id="07" />
            """);

        Assert.Equal(5, error.Line);
        Assert.Contains("id 7", error.Problem);
    }

    [Theory]
    [InlineData("<clear />")]
    [InlineData("<remove name=\"A\" />")]
    public void Clear_or_remove_among_the_sites_is_refused_rather_than_guessed(string entry)
    {
        var error = Refused($"<site name=\"A\" id=\"1\" />\n{entry}");

        Assert.Equal(5, error.Line);
        Assert.Contains("in <sites>", error.Problem);
    }

    [Fact]
    public void An_xml_error_later_in_the_file_is_reported_before_a_refusal() =>
        Assert.StartsWith("not well-formed XML", Assert.Throws<InvalidInputException>(() => ConfigFixtures.Parse(
            "<configuration><system.applicationHost><sites><site name=\"A\" id=\"1\"><bindings><bindng /></bindings></site>\n<broken></sites></system.applicationHost></configuration>")).Problem);

    [Theory]
    [InlineData("<foo/>")]
    [InlineData("<configuration><system.webServer><rewrite /></system.webServer></configuration>")]
    [InlineData("<configuration><system.applicationHost><applicationPools /></system.applicationHost></configuration>")]
    [InlineData("<configuration><location path=\".\"><system.applicationHost><sites /></system.applicationHost></location></configuration>")]
    public void A_file_without_a_sites_section_is_not_an_applicationHost_config(string xml)
    {
        var error = Assert.Throws<InvalidInputException>(() => ConfigFixtures.Parse(xml));

        Assert.StartsWith("not an applicationHost.config", error.Problem);
        Assert.Equal("test.config", error.File);
    }

    [Fact]
    public void A_site_web_config_is_not_an_applicationHost_config()
    {
        var error = Assert.Throws<InvalidInputException>(() => ConfigFixtures.Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <system.webServer>
                <handlers><add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" /></handlers>
                <aspNetCore processPath="dotnet" arguments=".\MyApp.dll" />
              </system.webServer>
            </configuration>
            """));

        Assert.StartsWith("not an applicationHost.config", error.Problem);
    }
}
