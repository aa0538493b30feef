using IisSsl.Probing;

namespace IisSsl.Tests.Probing;

public sealed class ProbeTargetTests
{
    [Theory]
    [InlineData("127.0.0.1:8443", "127.0.0.1", 8443, "127.0.0.1:8443")]
    [InlineData("[::1]:443", "::1", 443, "[::1]:443")]
    [InlineData("[2001:DB8::5]:8443", "2001:db8::5", 8443, "[2001:db8::5]:8443")]
    [InlineData("Web01.Farm.Local:443", "web01.farm.local", 443, "web01.farm.local:443")]
    [InlineData("10.0.0.5", "10.0.0.5", 443, "10.0.0.5:443")]
    [InlineData("::1", "::1", 443, "[::1]:443")]
    public void Targets_are_read_as_address_and_port(string text, string address, int port, string display)
    {
        var target = ProbeTarget.Parse(text);

        Assert.Equal((address, port, display), (target.Address, target.Port, target.Display));
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("127.0.0.1:https")]
    [InlineData("[::1:443")]
    [InlineData("bad_name:443")]
    [InlineData("*.a.com:443")]
    public void Malformed_targets_are_invalid_input_naming_the_target(string text)
    {
        var error = Assert.Throws<InvalidInputException>(() => ProbeTarget.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }
}
