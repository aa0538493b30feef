using System.Net;
using System.Net.Sockets;
using IisSsl.Model;

namespace IisSsl.Probing;

/// <summary>
/// One address to dial: an IP literal or a DNS name, and a port. Parsed from <c>IP:PORT</c>, <c>name:PORT</c>
/// or <c>[IPv6]:PORT</c>; a missing port means 443.
/// </summary>
public sealed record ProbeTarget(string Address, int Port)
{
    public const int DefaultPort = 443;

    public bool IsIPv6Literal => IPAddress.TryParse(Address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>How the target is written in reports: <c>127.0.0.1:8443</c>, <c>[::1]:443</c>, <c>web01:443</c>.</summary>
    public string Display => IsIPv6Literal ? $"[{Address}]:{Port}" : $"{Address}:{Port}";

    /// <exception cref="InvalidInputException">The text is not <c>IP:PORT</c> or <c>name:PORT</c>.</exception>
    public static ProbeTarget Parse(string text)
    {
        var raw = text?.Trim() ?? string.Empty;
        var (address, portText) = Split(raw);
        if (address.Length == 0)
            throw Invalid(text, "the address is empty");

        var port = DefaultPort;
        if (portText is not null && (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
            throw Invalid(text, $"'{portText}' is not a port (1-65535)");

        if (IPAddress.TryParse(address, out var ip))
            return new ProbeTarget(ip.ToString(), port);
        if (address.Contains(':', StringComparison.Ordinal) || !HostName.TryParse(address, out var name, out _) || name.IsWildcard)
            throw Invalid(text, $"'{address}' is neither an IP address nor a host name");
        return new ProbeTarget(name.Value, port);
    }

    public override string ToString() => Display;

    private static (string Address, string? Port) Split(string raw)
    {
        if (raw.StartsWith('['))
        {
            var close = raw.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
                return (string.Empty, null);
            var rest = raw[(close + 1)..];
            return (raw[1..close], rest.Length == 0 ? null : rest.StartsWith(':') ? rest[1..] : rest);
        }

        var colons = raw.Count(c => c == ':');
        if (colons == 1)
        {
            var at = raw.IndexOf(':', StringComparison.Ordinal);
            return (raw[..at], raw[(at + 1)..]);
        }

        // No colon: no port. Several colons without brackets: a bare IPv6 address.
        return (raw, null);
    }

    private static InvalidInputException Invalid(string? text, string why) =>
        new($"'{text}' is not a valid probe target ({why}); expected IP:PORT, name:PORT or [IPv6]:PORT.");
}
