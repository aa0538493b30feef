using FsCheck.Xunit;
using IisSsl.Model;
using IisSsl.Sources;

namespace IisSsl.Tests.Sources.IisConfig;

/// <summary>
/// IIS validates &lt;site&gt; and &lt;siteDefaults&gt; against its schema plus installed extensions, so what the tool
/// does not know there is skipped, never refused; inside &lt;bindings&gt; it is as strict as IIS.
/// </summary>
public sealed class SchemaExtensionTests
{
    private static readonly string[] EntryNames = ["binding", "remove", "clear"];
    private static readonly string[] BindingAttributes =
        ["protocol", "bindingInformation", "sslFlags", "lockAttributes", "lockAllAttributesExcept", "lockElements", "lockAllElementsExcept", "lockItem"];

    [Fact]
    public void A_server_with_ftp_hsts_arr_rewrite_and_third_party_extensions_is_read_as_iis_reads_it()
    {
        var configuration = ConfigFixtures.Read(ConfigFixtures.SchemaExtensions);

        Assert.Equal(["Default Web Site", "shop", "files"], configuration.Sites.Select(s => s.Name));
        Assert.Equal(
            ["https/*:443:shop.example.com", "https/*:443:www.shop.example.com", "https/10.0.0.7:443:"],
            configuration.HttpsBindings.Select(x => x.Binding.ToString()));
        Assert.Equal(["http/*:8080:", "ftp/*:21:", "https/10.0.0.7:443:"], configuration.Site("files").Bindings.Select(b => b.ToString()));
    }

    [Fact]
    public void Bindings_nested_in_an_extension_element_are_not_the_site_bindings()
    {
        var configuration = ConfigFixtures.Parse(StrictSitesSectionTests.Wrap("""
            <site name="A" id="1">
              <ftpServer><bindings><binding protocol="https" bindingInformation="*:443:trap.example.com" /><vendorEntry /></bindings></ftpServer>
              <bindings><binding protocol="https" bindingInformation="*:443:a.example.com" /></bindings>
            </site>
            """));

        Assert.Equal(["https/*:443:a.example.com"], configuration.HttpsBindings.Select(x => x.Binding.ToString()));
    }

    [Property(MaxTest = 300)]
    public bool Extension_elements_and_attributes_in_site_and_site_defaults_change_no_binding(int seed, int extensionSeed)
    {
        var plain = ConfigFixtures.Parse(GeneratedConfig.Create(seed).Text);
        var extended = ConfigFixtures.Parse(GeneratedConfig.Create(seed, extensionSeed).Text);

        return Describe(plain).SequenceEqual(Describe(extended));
    }

    [Property(MaxTest = 300)]
    public bool An_unknown_element_injected_into_bindings_is_refused_at_its_line(int seed, int pick)
    {
        var config = GeneratedConfig.Create(seed, seed ^ pick);
        if (config.EntryInsertionPoints.Count == 0)
            return true;
        var random = new Random(pick);
        var at = config.EntryInsertionPoints[random.Next(config.EntryInsertionPoints.Count)];
        var name = GeneratedConfig.UnknownName(random, EntryNames);
        config.Lines.Insert(at, random.Next(2) == 0 ? $"<{name} />" : $"<{name} protocol=\"https\" bindingInformation=\"*:443:x.example.com\"></{name}>");

        var error = Assert.Throws<InvalidInputException>(() => ConfigFixtures.Parse(config.Text));

        return error.Line == at + 1 && error.Problem.Contains($"<{name}>", StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public bool An_unknown_attribute_injected_into_a_binding_is_refused_at_its_line(int seed, int pick)
    {
        var config = GeneratedConfig.Create(seed, seed ^ pick);
        if (config.BindingLines.Count == 0)
            return true;
        var random = new Random(pick);
        var line = config.BindingLines[random.Next(config.BindingLines.Count)];
        var name = GeneratedConfig.UnknownName(random, BindingAttributes);
        config.Lines[line] = config.Lines[line].Replace("<binding ", $"<binding {name}=\"1\" ", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidInputException>(() => ConfigFixtures.Parse(config.Text));

        return error.Line == line + 1 && error.Problem.Contains($"'{name}'", StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public bool A_site_named_like_another_in_any_case_is_refused_at_its_line(int seed, int pick)
    {
        var config = GeneratedConfig.Create(seed, seed ^ pick);
        var random = new Random(pick);
        var name = config.SiteNames[random.Next(config.SiteNames.Count)];
        var variant = new string([.. name.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))]);
        var at = config.Lines.IndexOf("    </sites>");
        config.Lines.Insert(at, $"      <site name=\"{System.Security.SecurityElement.Escape(variant)}\" id=\"{1000 + random.Next(1000)}\" />");

        var error = Assert.Throws<InvalidInputException>(() => ConfigFixtures.Parse(config.Text));

        return error.Line == at + 1 && error.Problem.Contains("site name", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Describe(IisConfiguration configuration) =>
        configuration.Sites.SelectMany(site => site.Bindings.Select(b => $"{site.Name}|{site.Id}|{b}|{(uint)b.SslFlags}|{b.Location?.Line is not null}|{b.Problem}"));
}
