namespace IisSsl.Tests.Sources.IisConfig;

public sealed class SiteDefaultsInheritanceTests
{
    private static readonly IisSsl.Model.IisConfiguration Configuration = ConfigFixtures.Read(ConfigFixtures.Inheritance);

    private static string[] BindingsOf(string site) => [.. Configuration.Site(site).Bindings.Select(b => b.ToString())];

    [Fact]
    public void A_site_without_bindings_inherits_the_site_defaults() =>
        Assert.Equal(["http/*:8080:", "https/*:8443:"], BindingsOf("NoBindings"));

    [Fact]
    public void A_site_with_its_own_bindings_adds_them_to_the_defaults() =>
        Assert.Equal(["http/*:8080:", "https/*:8443:", "https/*:443:own.example.com"], BindingsOf("OwnBindings"));

    [Fact]
    public void Clear_drops_every_inherited_binding() =>
        Assert.Equal(["https/*:443:cleared.example.com"], BindingsOf("Cleared"));

    [Fact]
    public void Remove_drops_only_the_named_inherited_binding() =>
        Assert.Equal(["https/*:8443:", "https/*:443:removed.example.com"], BindingsOf("Removed"));

    [Fact]
    public void Empty_and_self_closing_sites_inherit_the_defaults()
    {
        Assert.Equal(["http/*:8080:", "https/*:8443:"], BindingsOf("EmptyBindings"));
        Assert.Equal(["http/*:8080:", "https/*:8443:"], BindingsOf("SelfClosing"));
    }

    [Fact]
    public void An_inherited_binding_points_at_its_line_in_site_defaults() =>
        Assert.Equal(8, Configuration.Site("NoBindings").Binding("*:8443:").Location?.Line);
}
