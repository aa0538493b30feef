using System.Text;
using IisSsl.Execution.Config;
using IisSsl.Sources;
using IisSsl.Sources.IisConfig;
using IisSsl.Tests.Sources.IisConfig;
using IisSsl.TestSupport;
using static IisSsl.Tests.Execution.Config.ConfigEditing;

namespace IisSsl.Tests.Execution.Config;

/// <summary>Edits go to the file that really holds the sites, and never to one that does not.</summary>
public sealed class SitesFileEditingTests
{
    [Fact]
    public void An_applicationHost_config_whose_sites_are_in_a_configSource_file_is_never_edited()
    {
        var main = ConfigFixtures.Bytes(Path.Combine("configsource", "applicationHost.config"));

        var error = Assert.Throws<InvalidInputException>(() => ApplicationHostConfigEditor.Apply(main, [Add("MySite V1", "*:443:new.mysite.com")], "applicationHost.config"));

        Assert.Contains("not in this file", error.Problem);
    }

    [Fact]
    public void A_redirection_config_is_never_edited()
    {
        var redirection = ConfigFixtures.Bytes(Path.Combine("shared", "redirection.config"));

        Assert.Throws<InvalidInputException>(() => ApplicationHostConfigEditor.Apply(redirection, [Add("MySite V1", "*:443:new.mysite.com")], "redirection.config"));
    }

    [Fact]
    public void A_configSource_sites_file_is_edited_losslessly()
    {
        var original = ConfigFixtures.Text(Path.Combine("configsource", "sites.config"));

        var edited = Encoding.UTF8.GetString(ApplicationHostConfigEditor.Apply(
            Encoding.UTF8.GetBytes(original), [Add("MySite V2", "*:443:new.mysite.com", IisSsl.Model.SslFlags.Sni)], "sites.config", SitesDocument.ConfigSource));

        var expected = InsertedAfter(
            original,
            "<binding protocol=\"https\" bindingInformation=\"*:443:sitev2.mysite.com\" sslFlags=\"1\" />",
            "\n            <binding protocol=\"https\" bindingInformation=\"*:443:new.mysite.com\" sslFlags=\"1\" />");
        Assert.Equal(expected, edited);
    }

    [Fact]
    public void The_sites_file_of_a_configSource_is_located_with_the_file_that_names_it()
    {
        var main = ConfigFixtures.PathOf(Path.Combine("configsource", "applicationHost.config"));

        var located = SitesFile.Locate(main);

        Assert.Equal((ConfigFixtures.PathOf(Path.Combine("configsource", "sites.config")), SitesDocument.ConfigSource), (located.Path, located.Document));
        Assert.Equal([main], located.Referrers.Select(r => r.Path));
    }

    [Fact]
    public void The_applicationHost_config_of_a_shared_configuration_is_located_through_redirection_config()
    {
        using var temp = new TempDirectory();
        var shared = temp.CreateDirectory("shared");
        var target = temp.Write(Path.Combine("shared", "applicationHost.config"), ConfigFixtures.Text(ConfigFixtures.Server));
        var redirection = temp.Write("redirection.config", $"<configuration><configurationRedirection enabled=\"true\" path=\"{shared}\" /></configuration>");

        var located = SitesFile.Locate(redirection);

        Assert.Equal((target, SitesDocument.ApplicationHost), (located.Path, located.Document));
        Assert.Equal([redirection], located.Referrers.Select(r => r.Path));
    }

    [Fact]
    public void An_applicationHost_config_holding_its_sites_is_its_own_sites_file()
    {
        var path = ConfigFixtures.PathOf(ConfigFixtures.Server);

        var located = SitesFile.Locate(path);

        Assert.Equal((path, SitesDocument.ApplicationHost), (located.Path, located.Document));
        Assert.Empty(located.Referrers);
        Assert.Equal(3, new ApplicationHostConfigFile(path).Read().Sites.Count);
    }
}
