using IisSsl.Model;
using IisSsl.Tests.Sources.IisConfig;
using static IisSsl.Tests.Execution.Config.ConfigEditing;

namespace IisSsl.Tests.Execution.Config;

public sealed class ChangeAndRemoveBindingTests
{
    private static readonly string Server = ConfigFixtures.Text(ConfigFixtures.Server);
    private static readonly string Inheritance = ConfigFixtures.Text(ConfigFixtures.Inheritance);

    [Fact]
    public void Changes_an_existing_sslflags_value_in_place()
    {
        var result = Edit(Server, SetFlags("MySite V1", "*:443:sitev1.mysite.com", SslFlags.Sni | SslFlags.DisableLegacyTls));

        var expected = Replaced(
            Server,
            """bindingInformation="*:443:sitev1.mysite.com" sslFlags="0" />""",
            """bindingInformation="*:443:sitev1.mysite.com" sslFlags="65" />""");
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Adds_a_missing_sslflags_attribute_with_the_tags_own_quotes()
    {
        var result = Edit(Server, SetFlags("MySite V2", "10.0.0.5:443:", SslFlags.Sni));

        var expected = Replaced(
            Server,
            "<binding protocol='https' bindingInformation='10.0.0.5:443:' />",
            "<binding protocol='https' bindingInformation='10.0.0.5:443:' sslFlags='1' />");
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Setting_zero_where_the_attribute_is_absent_changes_nothing() =>
        Assert.Equal(Server, Edit(Server, SetFlags("MySite V2", "10.0.0.5:443:", SslFlags.None)));

    [Fact]
    public void Finds_the_binding_whatever_the_case_and_form_of_its_host()
    {
        var result = Edit(Server, SetFlags("MySite V2", "*:443:SITEV2.MySite.com.", SslFlags.Sni | SslFlags.DisableHttp2));

        Assert.Contains("https/*:443:sitev2.mysite.com (5)", BindingsOf(result, "MySite V2"));
    }

    [Fact]
    public void Removes_the_whole_line_of_a_binding()
    {
        var result = Edit(Server, Remove("MySite V2", "*:80:sitev2.mysite.com", protocol: "http"));

        var expected = Replaced(Server, "                    <binding protocol=\"http\" bindingInformation=\"*:80:sitev2.mysite.com\" />\r\n", string.Empty);
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Removes_a_binding_written_with_an_end_tag()
    {
        var text = "<configuration>\n<system.applicationHost>\n<sites>\n<site name=\"S\" id=\"1\">\n<bindings>\n<binding protocol=\"https\" bindingInformation=\"*:443:a.b\">\n</binding>\n<binding protocol=\"https\" bindingInformation=\"*:443:c.d\"></binding>\n</bindings>\n</site>\n</sites>\n</system.applicationHost>\n</configuration>\n";

        var result = Edit(text, Remove("S", "*:443:a.b"));

        Assert.Equal(Replaced(text, "<binding protocol=\"https\" bindingInformation=\"*:443:a.b\">\n</binding>\n", string.Empty), result);
    }

    [Fact]
    public void Removing_an_inherited_binding_writes_a_remove_element()
    {
        var result = Edit(Inheritance, Remove("OwnBindings", "*:8080:", protocol: "http"));

        var anchor = """<binding protocol="https" bindingInformation="*:443:own.example.com" sslFlags="1" />""";
        Assert.Equal(InsertedAfter(Inheritance, anchor, "\n          <remove protocol=\"http\" bindingInformation=\"*:8080:\" />"), result);
        Assert.Equal(["https/*:8443:", "https/*:443:own.example.com (1)"], BindingsOf(result, "OwnBindings"));
        Assert.Equal(["http/*:8080:", "https/*:8443:"], BindingsOf(result, "NoBindings"));
    }

    [Fact]
    public void Applies_several_edits_to_one_site_in_order()
    {
        var result = Edit(
            Server,
            Add("MySite V2", "*:443:a.mysite.com", SslFlags.Sni),
            Add("MySite V2", "*:443:b.mysite.com"),
            SetFlags("MySite V2", "*:443:b.mysite.com", SslFlags.Sni),
            Remove("MySite V2", "*:443:a.mysite.com"),
            Remove("MySite V2", "10.0.0.5:443:"),
            SetFlags("MySite V2", "*:443:sitev2.mysite.com", SslFlags.None),
            Add("MySite V1", "*:443:c.mysite.com", SslFlags.Sni));

        Assert.Equal(
            ["http/*:80:sitev2.mysite.com", "https/*:443:sitev2.mysite.com", "https/*:443:b.mysite.com (1)"],
            BindingsOf(result, "MySite V2"));
        Assert.Contains("https/*:443:c.mysite.com (1)", BindingsOf(result, "MySite V1"));
        Assert.DoesNotContain("10.0.0.5", result, StringComparison.Ordinal);
        Assert.DoesNotContain("a.mysite.com", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_every_binding_and_adding_one_keeps_the_bindings_element_tidy()
    {
        var text = "<configuration>\r\n  <system.applicationHost>\r\n    <sites>\r\n      <site name=\"S\" id=\"1\">\r\n        <bindings>\r\n          <binding protocol=\"http\" bindingInformation=\"*:80:\" />\r\n        </bindings>\r\n      </site>\r\n    </sites>\r\n  </system.applicationHost>\r\n</configuration>\r\n";

        var result = Edit(text, Remove("S", "*:80:", protocol: "http"), Add("S", "*:443:"));

        Assert.Equal(Replaced(text, "<binding protocol=\"http\" bindingInformation=\"*:80:\" />", "<binding protocol=\"https\" bindingInformation=\"*:443:\" />"), result);
    }
}
