using System.Security;
using System.Text;
using System.Xml;
using FsCheck.Xunit;
using IisSsl.Model;
using IisSsl.Sources;
using IisSsl.Sources.IisConfig;

namespace IisSsl.Tests.Sources.IisConfig;

/// <summary>
/// A binding read from a file is the binding its attribute strings make, whether its text is kept as written or,
/// written as IIS writes it, given back by its endpoint and host.
/// </summary>
public sealed class BindingTextTests
{
    private static readonly string[] Protocols = ["https", "http", "HTTPS", "Http", "ftp", "net.tcp", "", " "];
    private static readonly string[] Addresses = ["*", "", "0.0.0.0", "10.0.0.5", "010.0.0.5", "10.1", "[2001:db8::1]", "[2001:DB8::1]", "[::]", "2001:db8::1", "*:", "x"];
    private static readonly string[] Ports = ["443", "8443", "0443", "0", "65536", "", "x", " 443"];
    private static readonly string[] Hosts =
        ["", "*", "www.example.com", "WWW.Example.com", "www.example.com.", "bücher.example", "xn--bcher-kva.example", "*.wild.example", "*.WILD.example", "bad_host.example", "a.*.example", " a.example", "a..example"];

    private static readonly string[] Flags = ["0", "1", "3", " 1 ", "x", "-1", "4294967296", ""];

    [Property(MaxTest = 300)]
    public void A_binding_read_from_a_file_is_the_binding_its_attribute_strings_make(int seed)
    {
        var random = new Random(seed);
        var text = Config(random);

        var read = ConfigFixtures.Parse(text).Sites.SelectMany(s => s.Bindings).ToList();

        var (expected, written) = FromAttributeStrings(text);
        Assert.Equal(written, read.Select(b => b.BindingInformation));
        Assert.Equal(expected, read);
        Assert.Equal(expected.Select(b => (b.Problem, b.GetHashCode())), read.Select(b => (b.Problem, b.GetHashCode())));
    }

    [Theory]
    [InlineData("0.0.0.0:443:www.example.com")]
    [InlineData(":443:www.example.com")]
    [InlineData("*:443:WWW.Example.com")]
    [InlineData("*:443:www.example.com.")]
    [InlineData("*:443:*")]
    [InlineData("*:0443:")]
    [InlineData("[2001:DB8::1]:443:")]
    [InlineData("*:443:bücher.example")]
    public void A_text_iis_writes_another_way_is_kept_as_written(string information)
    {
        var binding = ConfigFixtures.Parse(StrictSitesSectionTests.Wrap(
            $"<site name=\"A\" id=\"1\"><bindings><binding protocol=\"https\" bindingInformation=\"{information}\" /></bindings></site>")).Sites[0].Bindings[0];

        Assert.Null(binding.Problem);
        Assert.Equal(information, binding.BindingInformation);
        Assert.Equal($"https/{information}", binding.ToString());
    }

    [Fact]
    public void A_binding_whose_text_is_given_by_its_endpoint_and_host_equals_one_that_keeps_the_same_text()
    {
        var read = ConfigFixtures.Parse(StrictSitesSectionTests.Wrap(
            "<site name=\"A\" id=\"1\"><bindings><binding protocol=\"https\" bindingInformation=\"[2001:db8::1]:443:www.example.com\" sslFlags=\"1\" /></bindings></site>")).Sites[0].Bindings[0];
        var built = new Binding("https", "[2001:db8::1]:443:www.example.com", read.Endpoint, read.Host, SslFlags.Sni, read.Location);

        Assert.Equal("[2001:db8::1]:443:www.example.com", read.BindingInformation);
        Assert.Equal(built, read);
        Assert.Equal(built.GetHashCode(), read.GetHashCode());
        Assert.NotEqual(built with { BindingInformation = "[2001:DB8::1]:443:www.example.com" }, read);
    }

    /// <summary>Sites of random bindings, their attributes in any order, each value escaped in any of XML's ways.</summary>
    private static string Config(Random random)
    {
        var text = new StringBuilder("<configuration><system.applicationHost><sites>\n");
        for (var s = 1; s <= 1 + random.Next(4); s++)
        {
            text.Append($"<site name=\"s{s}\" id=\"{s}\"><bindings>\n");
            for (var b = random.Next(6); b > 0; b--)
            {
                var attributes = new List<string>();
                if (random.Next(10) != 0)
                    attributes.Add(Attribute("protocol", Pick(random, Protocols), random));
                if (random.Next(10) != 0)
                    attributes.Add(Attribute("bindingInformation", $"{Pick(random, Addresses)}:{Pick(random, Ports)}:{Pick(random, Hosts)}", random));
                if (random.Next(3) == 0)
                    attributes.Add(Attribute("sslFlags", Pick(random, Flags), random));
                text.Append("<binding ").AppendJoin(' ', attributes.OrderBy(_ => random.Next())).Append(" />\n");
            }

            text.Append("</bindings></site>\n");
        }

        return text.Append("</sites></system.applicationHost></configuration>\n").ToString();
    }

    private static string Attribute(string name, string value, Random random) =>
        $"{name}=\"{(random.Next(4) == 0 ? XmlValues.Escape(value, random) : SecurityElement.Escape(value))}\"";

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>Each &lt;binding&gt;, made from its attribute values as the reader gives them as strings, and its bindingInformation as written ("" when absent).</summary>
    private static (List<Binding> Bindings, List<string> Written) FromAttributeStrings(string text)
    {
        var bindings = new List<Binding>();
        var written = new List<string>();
        using var reader = XmlReader.Create(new StringReader(text));
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Name == "binding")
            {
                var location = new SourceLocation("test.config", ((IXmlLineInfo)reader).LineNumber);
                var information = reader.GetAttribute("bindingInformation");
                bindings.Add(BindingFactory.Create(reader.GetAttribute("protocol"), information, reader.GetAttribute("sslFlags"), location));
                written.Add(information ?? string.Empty);
            }
        }

        return (bindings, written);
    }
}
