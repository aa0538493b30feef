using IisSsl.Model;
using IisSsl.Tests.Sources.IisConfig;
using static IisSsl.Tests.Execution.Config.ConfigEditing;

namespace IisSsl.Tests.Execution.Config;

public sealed class AddBindingTests
{
    private static readonly string Server = ConfigFixtures.Text(ConfigFixtures.Server);
    private static readonly string Inheritance = ConfigFixtures.Text(ConfigFixtures.Inheritance);

    [Fact]
    public void Appends_after_the_last_binding_with_its_indentation_and_the_files_crlf()
    {
        var result = Edit(Server, Add("MySite V1", "*:443:www.mysite.com", SslFlags.Sni));

        var anchor = """<binding protocol="https" bindingInformation="*:443:sitev1.mysite.com" sslFlags="0" />""";
        var expected = InsertedAfter(Server, anchor, "\r\n                    <binding protocol=\"https\" bindingInformation=\"*:443:www.mysite.com\" sslFlags=\"1\" />");
        Assert.Equal(expected, result);
        Assert.Equal(
            ["http/*:80:sitev1.mysite.com", "https/*:443:sitev1.mysite.com", "https/*:443:www.mysite.com (1)"],
            BindingsOf(result, "MySite V1"));
    }

    [Fact]
    public void Writes_no_sslflags_attribute_for_zero()
    {
        var result = Edit(Server, Add("MySite V2", "10.0.0.6:443:"));

        var anchor = "<binding protocol='https' bindingInformation='10.0.0.5:443:' />";
        Assert.Equal(InsertedAfter(Server, anchor, "\r\n                    <binding protocol=\"https\" bindingInformation=\"10.0.0.6:443:\" />"), result);
    }

    [Fact]
    public void Uses_lf_and_tab_indentation_in_a_file_written_that_way()
    {
        var iisExpress = ConfigFixtures.Text(ConfigFixtures.IisExpress);

        var result = Edit(iisExpress, Add("MyApp.Web", "*:44301:localhost"));

        var anchor = """<binding protocol="https" bindingInformation="*:44300:localhost" />""";
        Assert.Equal(InsertedAfter(iisExpress, anchor, "\n\t\t\t\t\t<binding protocol=\"https\" bindingInformation=\"*:44301:localhost\" />"), result);
    }

    [Fact]
    public void Creates_bindings_in_a_site_that_has_none_and_keeps_inheriting_the_defaults()
    {
        var result = Edit(Inheritance, Add("NoBindings", "*:443:new.example.com", SslFlags.Sni));

        var inserted = "        <bindings>\n          <binding protocol=\"https\" bindingInformation=\"*:443:new.example.com\" sslFlags=\"1\" />\n        </bindings>\n";
        Assert.Equal(InsertedAfter(Inheritance, "<application path=\"/\" />\n", inserted), result);
        Assert.Equal(["http/*:8080:", "https/*:8443:", "https/*:443:new.example.com (1)"], BindingsOf(result, "NoBindings"));
    }

    [Fact]
    public void Opens_a_self_closing_bindings_element()
    {
        var result = Edit(Inheritance, Add("EmptyBindings", "*:443:empty.example.com"));

        var expected = Replaced(
            Inheritance,
            "<bindings />",
            "<bindings>\n          <binding protocol=\"https\" bindingInformation=\"*:443:empty.example.com\" />\n        </bindings>");
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Opens_a_self_closing_site()
    {
        var result = Edit(Inheritance, Add("SelfClosing", "*:443:closed.example.com"));

        var expected = Replaced(
            Inheritance,
            "<site name=\"SelfClosing\" id=\"6\" />",
            "<site name=\"SelfClosing\" id=\"6\">\n        <bindings>\n          <binding protocol=\"https\" bindingInformation=\"*:443:closed.example.com\" />\n        </bindings>\n      </site>");
        Assert.Equal(expected, result);
        Assert.Contains("https/*:443:closed.example.com", BindingsOf(result, "SelfClosing"));
    }

    [Fact]
    public void Adds_into_bindings_written_on_one_line()
    {
        var text = "<configuration>\n  <system.applicationHost>\n    <sites>\n      <site name=\"S\" id=\"1\"><bindings><binding protocol=\"http\" bindingInformation=\"*:80:\" /></bindings></site>\n    </sites>\n  </system.applicationHost>\n</configuration>\n";

        var result = Edit(text, Add("S", "*:443:"));

        Assert.Equal(["http/*:80:", "https/*:443:"], BindingsOf(result, "S"));
        Assert.Equal(InsertedAfter(text, "bindingInformation=\"*:80:\" />", "\n        <binding protocol=\"https\" bindingInformation=\"*:443:\" />"), result);
    }

    [Fact]
    public void Escapes_attribute_text()
    {
        var result = Edit(Server, Add("MySite V1", "a&b\"<c", protocol: "custom"));

        Assert.Contains("""<binding protocol="custom" bindingInformation="a&amp;b&quot;&lt;c" />""", result, StringComparison.Ordinal);
        Assert.Contains("custom/a&b\"<c", BindingsOf(result, "MySite V1"));
    }
}
