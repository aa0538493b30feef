using System.Text;
using IisSsl.Execution.Config;
using IisSsl.Model;
using IisSsl.Tests.Sources.IisConfig;
using static IisSsl.Tests.Execution.Config.ConfigEditing;

namespace IisSsl.Tests.Execution.Config;

public sealed class EditRefusalTests
{
    private static readonly byte[] Server = ConfigFixtures.Bytes(ConfigFixtures.Server);

    public static TheoryData<IisSsl.Execution.ConfigEdit, string> Refused => new()
    {
        { Add("No Such Site", "*:443:a.example.com"), "site 'No Such Site' does not exist" },
        { SetFlags("MySite V1", "*:443:nope.mysite.com", SslFlags.Sni), "site 'MySite V1' has no binding https/*:443:nope.mysite.com" },
        { Remove("MySite V1", "*:443:sitev1.mysite.com", protocol: "http"), "has no binding http/*:443:sitev1.mysite.com" },
        { Add("MySite V1", "*:443:SiteV1.MySite.com"), "site 'MySite V1' already has binding https/*:443:sitev1.mysite.com" },
        { Add("MySite V1", "0.0.0.0:443:sitev1.mysite.com."), "already has binding" },
        { Add("MySite V1", "*:0:x.mysite.com"), "port '0'" },
        { Add("MySite V1", "*:443:bad_host.mysite.com"), "invalid host name" },
        { Add("MySite V1", ""), "without a protocol and bindingInformation" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_edits_it_cannot_apply_with_a_clear_message(IisSsl.Execution.ConfigEdit edit, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => ApplicationHostConfigEditor.Apply(Server, [edit], "applicationHost.config"));

        Assert.Contains(message, error.Problem, StringComparison.Ordinal);
        Assert.Equal("applicationHost.config", error.File);
    }

    [Fact]
    public void Refuses_a_binding_whose_unicode_host_already_exists_in_punycode()
    {
        var shapes = ConfigFixtures.Bytes(ConfigFixtures.BindingShapes);

        var error = Assert.Throws<InvalidInputException>(() =>
            ApplicationHostConfigEditor.Apply(shapes, [Add("Shapes", "*:443:münchen.example")], "shapes.config"));

        Assert.Contains("already has binding https/*:443:xn--mnchen-3ya.example", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_to_change_sslflags_of_a_binding_inherited_from_site_defaults()
    {
        var inheritance = ConfigFixtures.Bytes(ConfigFixtures.Inheritance);

        var error = Assert.Throws<InvalidInputException>(() =>
            ApplicationHostConfigEditor.Apply(inheritance, [SetFlags("NoBindings", "*:8443:", SslFlags.Sni)], "inheritance.config"));

        Assert.Contains("inherited from siteDefaults", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_edit_sees_what_an_earlier_one_did()
    {
        var error = Assert.Throws<InvalidInputException>(() => ApplicationHostConfigEditor.Apply(
            Server,
            [Add("MySite V1", "*:443:twice.mysite.com"), Add("MySite V1", "*:443:TWICE.mysite.com")],
            "applicationHost.config"));

        Assert.Contains("already has binding", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_xml_is_refused_before_any_edit()
    {
        var malformed = ConfigFixtures.Bytes(ConfigFixtures.Malformed);

        var error = Assert.Throws<InvalidInputException>(() =>
            ApplicationHostConfigEditor.Apply(malformed, [Add("A", "*:443:b.example.com")], "malformed.config"));

        Assert.Equal(8, error.Line);
    }

    [Fact]
    public void Site_names_match_case_insensitively_when_unambiguous()
    {
        var result = ApplicationHostConfigEditor.Apply(Server, [Add("mysite v1", "*:443:case.mysite.com")], "applicationHost.config");

        Assert.Contains("*:443:case.mysite.com", Encoding.UTF8.GetString(result), StringComparison.Ordinal);
    }
}
