using System.Text;
using IisSsl.Sources;
using IisSsl.Sources.IisConfig;

namespace IisSsl.Tests.Sources.IisConfig;

public sealed class SiteResolverTests
{
    [Fact]
    public void Sites_resolved_while_the_file_is_read_get_their_own_bindings_after_the_defaults_that_follow_them()
    {
        var text = Config(sites: 97);

        var sites = ApplicationHostConfigFile.Parse(Encoding.UTF8.GetBytes(text), "applicationHost.config").Sites;

        // Site i is on line i + 2; siteDefaults (after the sites) on line 99; a site that clears keeps nothing.
        Assert.Equal(97, sites.Count);
        for (var i = 0; i < sites.Count; i++)
        {
            string[] expected = i % 5 == 0 ? [] :
            [
                "https/*:443: line 99",
                $"http/*:80:www{i}.example line {i + 2}",
                $"https/10.0.0.{i % 7}:443:www{i}.example line {i + 2}",
            ];
            Assert.Equal(expected, sites[i].Bindings.Select(b => $"{b} line {b.Location?.Line}"));
            Assert.Equal(i + 1L, sites[i].Id);
            Assert.Equal(i + 2, sites[i].Location?.Line);
        }
    }

    [Fact]
    public void Of_several_bad_sites_the_first_in_the_file_is_reported()
    {
        var content = Encoding.UTF8.GetBytes(Config(sites: 97, badIds: [40, 90]));

        var error = Assert.Throws<InvalidInputException>(() => ApplicationHostConfigFile.Parse(content, "applicationHost.config"));

        Assert.Contains("site 'site40' has id 'x40'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_xml_after_a_bad_site_is_reported_rather_than_the_site()
    {
        var text = Config(sites: 5, badIds: [1]).Replace("</sites>", "</sites><unclosed>", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidInputException>(() => ApplicationHostConfigFile.Parse(Encoding.UTF8.GetBytes(text), "applicationHost.config"));

        Assert.StartsWith("not well-formed XML", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_named_again_a_few_bindings_later_is_read_once_and_each_spelling_keeps_its_own_normal_form()
    {
        const string text = """
            <configuration><system.applicationHost><sites><site name="a" id="1"><bindings>
            <binding protocol="http" bindingInformation="*:80:www.a.example" />
            <binding protocol="https" bindingInformation="10.0.0.1:443:www.a.example" sslFlags="1" />
            <binding protocol="https" bindingInformation="10.0.0.1:443:WWW.A.example" />
            <binding protocol="https" bindingInformation="10.0.0.1:443:www.a.example." />
            </bindings></site></sites></system.applicationHost></configuration>
            """;

        var hosts = ApplicationHostConfigFile.Parse(Encoding.UTF8.GetBytes(text), "applicationHost.config").Sites[0].Bindings.Select(b => b.Host!).ToList();

        Assert.Same(hosts[0], hosts[1]);
        Assert.All(hosts, host => Assert.Equal("www.a.example", host.Value));
    }

    private static string Config(int sites, params int[] badIds)
    {
        var text = new StringBuilder("<configuration><system.applicationHost><sites>\n");
        for (var i = 0; i < sites; i++)
        {
            var id = badIds.Contains(i) ? $"x{i}" : $"{i + 1}";
            text.Append($"<site name=\"site{i}\" id=\"{id}\"><bindings>")
                .Append($"<binding protocol=\"http\" bindingInformation=\"*:80:www{i}.example\" />")
                .Append($"<binding protocol=\"https\" bindingInformation=\"10.0.0.{i % 7}:443:www{i}.example\" sslFlags=\"{i % 2}\" />")
                .Append(i % 5 == 0 ? "<clear />" : string.Empty)
                .Append("</bindings></site>\n");
        }

        return text.Append("<siteDefaults><bindings><binding protocol=\"https\" bindingInformation=\"*:443:\" /></bindings></siteDefaults>")
            .Append("</sites></system.applicationHost></configuration>").ToString();
    }
}
