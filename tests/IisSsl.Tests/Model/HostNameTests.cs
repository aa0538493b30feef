using IisSsl.Model;

namespace IisSsl.Tests.Model;

public sealed class HostNameTests
{
    [Theory]
    [InlineData("SiteV2.MySite.com", "sitev2.mysite.com")]
    [InlineData("sitev2.mysite.com.", "sitev2.mysite.com")]
    [InlineData("  www.a.com ", "www.a.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("XN--BCHER-KVA.example", "xn--bcher-kva.example")]
    [InlineData("*.Example.COM", "*.example.com")]
    public void Is_normalised_to_lower_case_a_labels_without_trailing_dot(string input, string expected) =>
        Assert.Equal(expected, HostName.Parse(input).Value);

    [Theory]
    [InlineData("")]
    [InlineData("a..com")]
    [InlineData("under_score.com")]
    [InlineData("sp ace.com")]
    [InlineData("a.*.com")]
    [InlineData("f*.example.com")]
    [InlineData("*.com")]
    [InlineData("host:443")]
    public void Rejects_names_that_are_not_dns_host_names(string input)
    {
        Assert.False(HostName.TryParse(input, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Rejects_labels_longer_than_63_characters() =>
        Assert.False(HostName.TryParse(new string('a', 64) + ".com", out _, out _));

    [Fact]
    public void Equal_names_in_different_spellings_are_equal() =>
        Assert.Equal(HostName.Parse("Bücher.Example."), HostName.Parse("xn--bcher-kva.example"));

    [Fact]
    public void Unicode_form_is_the_u_label() =>
        Assert.Equal("bücher.example", HostName.Parse("xn--bcher-kva.example").Unicode);
}
