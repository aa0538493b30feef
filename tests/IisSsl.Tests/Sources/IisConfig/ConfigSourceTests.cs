using IisSsl.Model;
using IisSsl.Sources;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.IisConfig;

/// <summary><c>&lt;sites configSource="…"/&gt;</c>: the sites are read from that file, with the same safety rules.</summary>
public sealed class ConfigSourceTests
{
    private const string MainWithConfigSource = """
        <?xml version="1.0" encoding="UTF-8"?>
        <configuration>
          <system.applicationHost>
            <sites configSource="{0}" />
          </system.applicationHost>
        </configuration>
        """;

    private const string SitesFile = """
        <sites>
          <site name="A" id="1">
            <bindings>
              <binding protocol="https" bindingInformation="*:443:a.example.com" sslFlags="1" />
            </bindings>
          </site>
        </sites>
        """;

    private static string MainFile(string configSource) => string.Format(System.Globalization.CultureInfo.InvariantCulture, MainWithConfigSource, configSource);

    [Fact]
    public void The_sites_of_a_configSource_file_are_read_with_their_defaults()
    {
        var configuration = ConfigFixtures.Read(Path.Combine("configsource", "applicationHost.config"));

        Assert.Equal(["MySite V1", "MySite V2"], configuration.Sites.Select(s => s.Name));
        Assert.Equal(
            ["https/*:8443:", "https/*:443:sitev1.mysite.com", "https/*:8443:", "https/*:443:sitev2.mysite.com"],
            configuration.HttpsBindings.Select(x => x.Binding.ToString()));
    }

    [Fact]
    public void Sites_and_bindings_read_through_configSource_point_at_the_referenced_file()
    {
        var sitesFile = ConfigFixtures.PathOf(Path.Combine("configsource", "sites.config"));
        var site = ConfigFixtures.Read(Path.Combine("configsource", "applicationHost.config")).Site("MySite V1");

        Assert.Equal(new SourceLocation(sitesFile, 3), site.Location);
        Assert.Equal(new SourceLocation(sitesFile, 9), site.Binding("*:443:sitev1.mysite.com").Location);
    }

    [Theory]
    [InlineData("sites.config")]
    [InlineData("config/sites.config")]
    [InlineData("config\\sites.config")]
    [InlineData("./config/../sites.config")]
    public void A_configSource_in_the_folder_or_below_is_followed(string configSource)
    {
        using var temp = new TempDirectory();
        var relative = configSource.Replace('\\', '/');
        temp.CreateDirectory("config");
        temp.Write(relative, SitesFile);
        var main = temp.Write("applicationHost.config", MainFile(configSource));

        var configuration = new ApplicationHostConfigFile(main).Read();

        Assert.Equal(["https/*:443:a.example.com"], configuration.HttpsBindings.Select(x => x.Binding.ToString()));
    }

    [Theory]
    [InlineData("../sites.config", "outside")]
    [InlineData("/etc/sites.config", "relative")]
    [InlineData("C:\\inetpub\\sites.config", "relative")]
    [InlineData("", "names no file")]
    [InlineData("missing.config", "does not exist")]
    public void A_configSource_outside_the_folder_or_missing_is_refused_at_its_line(string configSource, string problem)
    {
        using var temp = new TempDirectory();
        temp.CreateDirectory("inner");
        temp.Write("sites.config", SitesFile);
        var main = temp.Write(Path.Combine("inner", "applicationHost.config"), MainFile(configSource));

        var error = Assert.Throws<InvalidInputException>(() => new ApplicationHostConfigFile(main).Read());

        Assert.Equal((main, 4), (error.File, error.Line));
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void An_xml_error_in_the_configSource_file_names_that_file_and_line()
    {
        using var temp = new TempDirectory();
        var sites = temp.Write("sites.config", "<sites>\n  <site name=\"A\" id=\"1\">\n</sites>\n");
        var main = temp.Write("applicationHost.config", MainFile("sites.config"));

        var error = Assert.Throws<InvalidInputException>(() => new ApplicationHostConfigFile(main).Read());

        Assert.Equal((sites, 3), (error.File, error.Line));
    }

    [Fact]
    public void A_dtd_in_the_configSource_file_is_refused()
    {
        using var temp = new TempDirectory();
        var sites = temp.Write("sites.config", "<!DOCTYPE sites [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<sites><site name=\"&x;\" id=\"1\" /></sites>\n");
        var main = temp.Write("applicationHost.config", MainFile("sites.config"));

        var error = Assert.Throws<InvalidInputException>(() => new ApplicationHostConfigFile(main).Read());

        Assert.Equal(sites, error.File);
        Assert.Contains("DTD", error.Problem);
    }

    [Fact]
    public void What_IIS_refuses_in_the_configSource_file_is_refused_naming_that_file()
    {
        using var temp = new TempDirectory();
        var sites = temp.Write("sites.config", "<sites>\n<site name=\"A\" id=\"1\">\n<bindings><bindng /></bindings>\n</site>\n</sites>\n");
        var main = temp.Write("applicationHost.config", MainFile("sites.config"));

        var error = Assert.Throws<InvalidInputException>(() => new ApplicationHostConfigFile(main).Read());

        Assert.Equal((sites, 3), (error.File, error.Line));
    }

    [Theory]
    [InlineData("<configuration><sites /></configuration>", "<configuration>")]
    [InlineData("<sites configSource=\"other.config\" />", "another configSource")]
    public void A_configSource_file_must_hold_the_sites_element_itself(string content, string problem)
    {
        using var temp = new TempDirectory();
        var sites = temp.Write("sites.config", content);
        var main = temp.Write("applicationHost.config", MainFile("sites.config"));

        var error = Assert.Throws<InvalidInputException>(() => new ApplicationHostConfigFile(main).Read());

        Assert.Equal(sites, error.File);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void A_sites_section_with_configSource_and_its_own_sites_is_refused()
    {
        using var temp = new TempDirectory();
        temp.Write("sites.config", SitesFile);
        var main = temp.Write("applicationHost.config", "<configuration><system.applicationHost>\n<sites configSource=\"sites.config\">\n<site name=\"B\" id=\"2\" />\n</sites></system.applicationHost></configuration>");

        var error = Assert.Throws<InvalidInputException>(() => new ApplicationHostConfigFile(main).Read());

        Assert.Equal((main, 3), (error.File, error.Line));
        Assert.Contains("configSource", error.Problem);
    }
}
