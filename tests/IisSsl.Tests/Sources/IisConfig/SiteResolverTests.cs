using System.Text;
using IisSsl.Sources.IisConfig;

namespace IisSsl.Tests.Sources.IisConfig;

public sealed class SiteResolverTests
{
    [Fact]
    public void Sites_resolved_in_ranges_on_several_cores_are_those_resolved_in_one_pass()
    {
        var section = SitesSectionReader.Read(Config(sites: 97), "applicationHost.config");

        var inOnePass = SiteResolver.Resolve(section, "applicationHost.config", parallelFromSites: int.MaxValue);
        var inRanges = SiteResolver.Resolve(section, "applicationHost.config", parallelFromSites: 0);

        Assert.Equal(Describe(inOnePass), Describe(inRanges));
    }

    [Fact]
    public void Of_several_bad_sites_the_first_in_the_file_is_reported_whatever_the_scheduling()
    {
        var section = SitesSectionReader.Read(Config(sites: 97, badIds: [40, 90]), "applicationHost.config");

        var error = Assert.Throws<InvalidInputException>(() => SiteResolver.Resolve(section, "applicationHost.config", parallelFromSites: 0));

        Assert.Contains("site 'site40' has id 'x40'", error.Message, StringComparison.Ordinal);
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

    private static IEnumerable<string> Describe(IReadOnlyList<IisSsl.Model.Site> sites) =>
        sites.Select(s => $"{s.Name} {s.Id} {s.Location} [{string.Join(", ", s.Bindings.Select(b => $"{b} {b.Endpoint} {b.Host} {b.SslFlags} {b.Location} {b.Problem}"))}]");
}
