using System.Text;
using IisSsl.Execution;
using IisSsl.Execution.Config;
using IisSsl.Model;
using IisSsl.Sources;
using IisSsl.Tests.Sources.IisConfig;
using static IisSsl.Tests.Execution.Config.ConfigEditing;

namespace IisSsl.Tests.Execution.Config;

public sealed class LosslessRoundTripTests
{
    /// <summary>Files in different shapes and encodings; <see cref="Variant"/> gives each one's bytes and a site to edit.</summary>
    public static TheoryData<string> Variants => new()
    {
        "server", "server-lf", "server-bom", "server-utf16", "server-utf16be", "iisexpress", "shapes", "inheritance", "large",
    };

    private static (byte[] Bytes, string Site) Variant(string name)
    {
        var server = ConfigFixtures.Text(ConfigFixtures.Server);
        var utf16 = server.Replace("encoding=\"UTF-8\"", "encoding=\"utf-16\"", StringComparison.Ordinal);
        return name switch
        {
            "server" => (ConfigFixtures.Bytes(ConfigFixtures.Server), "MySite V2"),
            "server-lf" => (Encoding.UTF8.GetBytes(server.Replace("\r\n", "\n", StringComparison.Ordinal)), "MySite V2"),
            "server-bom" => ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(server)], "MySite V2"),
            "server-utf16" => ([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(utf16)], "MySite V2"),
            "server-utf16be" => ([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(utf16)], "MySite V2"),
            "iisexpress" => (ConfigFixtures.Bytes(ConfigFixtures.IisExpress), "MyApp.Web"),
            "shapes" => (ConfigFixtures.Bytes(ConfigFixtures.BindingShapes), "Shapes"),
            "inheritance" => (ConfigFixtures.Bytes(ConfigFixtures.Inheritance), "OwnBindings"),
            "large" => (Encoding.UTF8.GetBytes(ConfigFixtures.Large(2_000, 5)), "Site 1999"),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void No_edits_give_back_the_same_bytes(string variant)
    {
        var (bytes, _) = Variant(variant);

        Assert.Equal(bytes, ApplicationHostConfigEditor.Apply(bytes, [], "x.config"));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Adding_then_removing_a_binding_gives_back_the_same_bytes(string variant)
    {
        var (bytes, site) = Variant(variant);

        var added = ApplicationHostConfigEditor.Apply(bytes, [Add(site, "*:443:roundtrip.example.com", SslFlags.Sni)], "x.config");
        var removed = ApplicationHostConfigEditor.Apply(added, [Remove(site, "*:443:roundtrip.example.com")], "x.config");

        Assert.NotEqual(bytes, added);
        Assert.Equal(bytes, removed);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void An_added_binding_reads_back_with_its_flags_and_leaves_other_sites_alone(string variant)
    {
        var (bytes, site) = Variant(variant);
        var before = ApplicationHostConfigFile.Parse(bytes, "x.config");

        var after = ApplicationHostConfigFile.Parse(
            ApplicationHostConfigEditor.Apply(bytes, [Add(site, "*:443:readback.example.com", SslFlags.Sni | SslFlags.DisableQuic)], "x.config"),
            "x.config");

        var added = after.Site(site).Binding("*:443:readback.example.com");
        Assert.Equal(SslFlags.Sni | SslFlags.DisableQuic, added.SslFlags);
        Assert.Equal(before.Site(site).Bindings.Count + 1, after.Site(site).Bindings.Count);
        Assert.Equal(
            before.Sites.Where(s => s.Name != site).SelectMany(s => s.Bindings).Select(b => b with { Location = null }),
            after.Sites.Where(s => s.Name != site).SelectMany(s => s.Bindings).Select(b => b with { Location = null }));
    }

    [Theory]
    [InlineData("server-bom")]
    [InlineData("server-utf16")]
    [InlineData("server-utf16be")]
    public void Keeps_the_byte_order_mark_and_encoding(string variant)
    {
        var (bytes, site) = Variant(variant);
        var encoding = variant switch { "server-utf16" => Encoding.Unicode, "server-utf16be" => Encoding.BigEndianUnicode, _ => Encoding.UTF8 };
        var text = encoding.GetString(bytes, encoding.GetPreamble().Length, bytes.Length - encoding.GetPreamble().Length);

        var result = ApplicationHostConfigEditor.Apply(bytes, [SetFlags(site, "10.0.0.5:443:", SslFlags.Sni)], "x.config");

        var expected = Replaced(text, "bindingInformation='10.0.0.5:443:' />", "bindingInformation='10.0.0.5:443:' sslFlags='1' />");
        Assert.Equal([.. encoding.GetPreamble(), .. encoding.GetBytes(expected)], result);
    }

    [Fact]
    public void Setting_sslflags_and_back_gives_back_the_same_bytes()
    {
        var bytes = ConfigFixtures.Bytes(ConfigFixtures.Server);

        var changed = ApplicationHostConfigEditor.Apply(bytes, [SetFlags("MySite V2", "*:443:sitev2.mysite.com", (SslFlags)1089)], "x.config");
        var back = ApplicationHostConfigEditor.Apply(changed, [SetFlags("MySite V2", "*:443:sitev2.mysite.com", SslFlags.Sni)], "x.config");

        Assert.NotEqual(bytes, changed);
        Assert.Equal(bytes, back);
    }

    [Fact]
    public void Edits_a_file_of_fifty_thousand_bindings()
    {
        var bytes = Encoding.UTF8.GetBytes(ConfigFixtures.Large(10_000, 5));
        ConfigEdit[] edits = [.. Enumerable.Range(1, 500).Select(i => Add($"Site {i * 20}", $"*:443:extra.site{i}.example.com", SslFlags.Sni))];

        var result = ApplicationHostConfigFile.Parse(ApplicationHostConfigEditor.Apply(bytes, edits, "large.config"), "large.config");

        Assert.Equal(50_500, result.HttpsBindings.Count());
        Assert.Equal(6, result.Site("Site 10000").Bindings.Count);
    }
}
