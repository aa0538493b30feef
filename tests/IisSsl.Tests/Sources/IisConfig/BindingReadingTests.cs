using IisSsl.Model;

namespace IisSsl.Tests.Sources.IisConfig;

public sealed class BindingReadingTests
{
    private static readonly Site Shapes = ConfigFixtures.Read(ConfigFixtures.BindingShapes).Site("Shapes");

    [Theory]
    [InlineData("*:443:bücher.example", 97u)]
    [InlineData("*:443:xn--mnchen-3ya.example", 1024u)]
    [InlineData("192.168.1.20:8443:Upper.Example.COM", 3u)]
    [InlineData("*:443:", 0u)]
    public void Keeps_every_sslflags_bit_including_unknown_ones(string bindingInformation, uint flags) =>
        Assert.Equal((SslFlags)flags, Shapes.Binding(bindingInformation).SslFlags);

    [Fact]
    public void Unicode_and_punycode_hosts_are_normalised_to_one_form()
    {
        Assert.Equal("xn--bcher-kva.example", Shapes.Binding("*:443:bücher.example").Host!.Value);
        Assert.Equal("xn--mnchen-3ya.example", Shapes.Binding("*:443:xn--mnchen-3ya.example").Host!.Value);
        Assert.Equal("upper.example.com", Shapes.Binding("192.168.1.20:8443:Upper.Example.COM").Host!.Value);
    }

    [Fact]
    public void Protocols_compare_case_insensitively_and_keep_their_spelling()
    {
        var upper = Shapes.Binding("192.168.1.20:8443:Upper.Example.COM");
        Assert.True(upper.IsHttps);
        Assert.Equal("HTTPS", upper.Protocol);
        Assert.True(Shapes.Binding("127.0.0.1:80:").IsHttp);
    }

    [Fact]
    public void Catch_all_and_wildcard_hosts_are_told_apart()
    {
        Assert.Null(Shapes.Binding("*:443:").Host);
        Assert.Null(Shapes.Binding("*:443:*").Host);
        Assert.Null(Shapes.Binding(":443:").Host);
        Assert.True(Shapes.Binding("*:443:*.wild.example.com").Host!.IsWildcard);
        Assert.True(Shapes.Binding("[::]:443:v6.example.com").Endpoint!.IsIPv6);
    }

    [Theory]
    [InlineData("*:0:zero.example.com", "port '0'")]
    [InlineData("*:65536:big.example.com", "port '65536'")]
    [InlineData("*:abc:letters.example.com", "port 'abc'")]
    [InlineData("*443", "IP:Port:Host")]
    [InlineData("*:443:bad_host.example.com", "invalid host name")]
    [InlineData("999.1.1.1:443:", "address")]
    [InlineData("*:443:flags.example.com", "sslFlags 'abc'")]
    public void A_malformed_binding_is_kept_with_its_problem_and_line(string bindingInformation, string problem)
    {
        var binding = Shapes.Binding(bindingInformation);

        Assert.Contains(problem, binding.Problem, StringComparison.Ordinal);
        Assert.NotNull(binding.Location);
        Assert.True(binding.Location?.Line > 0);
    }

    [Fact]
    public void Well_formed_bindings_have_no_problem()
    {
        var wellFormed = Shapes.Bindings.Where(b => b.Location?.Line < 17).ToList();

        Assert.Equal(10, wellFormed.Count);
        Assert.All(wellFormed, b => Assert.Null(b.Problem));
        Assert.All(wellFormed, b => Assert.NotNull(b.Endpoint));
    }

    [Fact]
    public void Ftp_bindings_are_kept_but_not_parsed()
    {
        var ftp = Shapes.Binding("*:21:");

        Assert.Equal("ftp", ftp.Protocol);
        Assert.Null(ftp.Endpoint);
        Assert.Null(ftp.Problem);
    }

    [Fact]
    public void A_binding_without_its_key_attributes_is_reported_not_thrown()
    {
        var site = ConfigFixtures.Parse("""
            <configuration><system.applicationHost><sites><site name="S" id="1"><bindings>
              <binding bindingInformation="*:443:" />
              <binding protocol="https" />
            </bindings></site></sites></system.applicationHost></configuration>
            """).Site("S");

        Assert.Equal("the binding has no protocol attribute", site.Bindings[0].Problem);
        Assert.Equal("the https binding has no bindingInformation attribute", site.Bindings[1].Problem);
    }
}
