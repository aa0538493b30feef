using System.Net;
using FsCheck;
using FsCheck.Fluent;
using IisSsl.Model;
using IisSsl.Sources.IisConfig;
using HostName = IisSsl.Model.HostName;

namespace IisSsl.Tests.Sources.IisConfig;

public sealed class BindingInformationParserTests
{
    [Theory]
    [InlineData("*:443:www.example.com", "0.0.0.0", 443, "www.example.com")]
    [InlineData(":443:", "0.0.0.0", 443, null)]
    [InlineData("*:443:", "0.0.0.0", 443, null)]
    [InlineData("*:443:*", "0.0.0.0", 443, null)]
    [InlineData("10.0.0.5:8443:", "10.0.0.5", 8443, null)]
    [InlineData("[2001:db8::1]:443:", "2001:db8::1", 443, null)]
    [InlineData("[::]:443:host.example.com", "::", 443, "host.example.com")]
    [InlineData("*:443:*.Wild.Example.com", "0.0.0.0", 443, "*.wild.example.com")]
    [InlineData("*:443:bücher.example", "0.0.0.0", 443, "xn--bcher-kva.example")]
    [InlineData("*:443:XN--BCHER-KVA.example", "0.0.0.0", 443, "xn--bcher-kva.example")]
    [InlineData("*:1:a.b", "0.0.0.0", 1, "a.b")]
    [InlineData("*:65535:a.b", "0.0.0.0", 65535, "a.b")]
    public void Parses_address_port_and_host_from_the_right(string text, string address, int port, string? host)
    {
        Assert.True(BindingInformationParser.TryParse(text, out var endpoint, out var parsedHost, out var problem), problem);

        Assert.Equal(new Endpoint(IPAddress.Parse(address), port), endpoint);
        Assert.Equal(host, parsedHost?.Value);
    }

    [Theory]
    [InlineData("*:0:a.example.com", "port '0'")]
    [InlineData("*:65536:a.example.com", "port '65536'")]
    [InlineData("*:abc:a.example.com", "port 'abc'")]
    [InlineData("*:-1:a.example.com", "port '-1'")]
    [InlineData("*443", "IP:Port:Host")]
    [InlineData("443:", "IP:Port:Host")]
    [InlineData("", "IP:Port:Host")]
    [InlineData("2001:db8::1:443:", "address '2001:db8::1'")]
    [InlineData("[10.0.0.1]:443:", "address '[10.0.0.1]'")]
    [InlineData("10.1:443:", "address '10.1'")]
    [InlineData("999.1.1.1:443:", "address '999.1.1.1'")]
    [InlineData("*:443:bad_host.example.com", "invalid host name")]
    [InlineData("*:443:a.*.example.com", "invalid host name")]
    public void Names_what_is_wrong_with_a_malformed_text(string text, string expected)
    {
        Assert.False(BindingInformationParser.TryParse(text, out var endpoint, out _, out var problem));

        Assert.Null(endpoint);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_parsed_with_shared_endpoints_and_hosts_gives_each_text_what_it_gives_alone()
    {
        string[] texts =
        [
            "*:443:www.example.com", "*:443:", "*:443:bad_host.example.com", "*:443:SHOP.example.com", "0.0.0.0:443:a.b",
            "10.0.0.5:8443:", "10.0.0.5:8443:x.example", "10.0.0.5:443:x.example", "10.0.0.5:8443:a.*.example.com", "[2001:db8::1]:443:", "[2001:DB8::1]:443:a.b",
            "*:0:a.example.com", "*:0:b.example.com", "10.1:443:", "10.1:443:a.b", "2001:db8::1:443:", "*443", "",
            "*:443:www.example.com.", "*:443:bücher.example", "*:443:xn--bcher-kva.example", "*:443:*.wild.example", "*:443:*.WILD.example",
        ];
        var parts = new BindingPartsCache();

        foreach (var text in texts.Concat(texts))
        {
            var alone = BindingInformationParser.TryParse(text, out var endpoint, out var host, out var problem);
            var shared = BindingInformationParser.TryParse(text, parts, out var sharedEndpoint, out var sharedHost, out var sharedProblem);

            Assert.Equal((alone, endpoint, host, problem), (shared, sharedEndpoint, sharedHost, sharedProblem));
        }
    }

    [Fact]
    public void Formats_addresses_the_way_iis_writes_them()
    {
        Assert.Equal("*:443:", BindingInformationParser.Format(Endpoint.AllUnassigned(443), null));
        Assert.Equal("[2001:db8::1]:443:a.example.com", BindingInformationParser.Format(new Endpoint(IPAddress.Parse("2001:db8::1"), 443), HostName.Parse("A.example.com")));
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Formatting_then_parsing_gives_back_the_endpoint_and_host() =>
        Prop.ForAll(Endpoints().ToArbitrary(), Hosts().ToArbitrary(), (endpoint, host) =>
        {
            var text = BindingInformationParser.Format(endpoint, host);
            return BindingInformationParser.TryParse(text, out var parsed, out var parsedHost, out _)
                && parsed == endpoint
                && Equals(parsedHost, host);
        });

    private static Gen<Endpoint> Endpoints()
    {
        var ipv4 = Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 4).Select(b => new IPAddress(b));
        var ipv6 = Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 16).Select(b => new IPAddress(b));
        var address = Gen.OneOf(Gen.Constant(IPAddress.Any), Gen.Constant(IPAddress.IPv6Any), ipv4, ipv6);
        return address.SelectMany(a => Gen.Choose(1, 65535).Select(port => new Endpoint(a, port)));
    }

    private static Gen<HostName?> Hosts()
    {
        var label = Gen.Elements("www", "a", "xn--bcher-kva", "münchen", "shop-1", "x9", "long-label-with-dashes");
        var name = Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(label, n)).Select(labels => string.Join('.', labels) + ".example");
        var named = name.SelectMany(n => Gen.Elements(n, "*." + n)).Select(n => HostName.Parse(n));
        return Gen.Frequency((1, Gen.Constant<HostName?>(null)), (4, named.Select(h => (HostName?)h)));
    }
}
