using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IisSsl.Model;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// Reads and writes the http/https <c>bindingInformation</c> text <c>IP:Port:Host</c>. Host names cannot hold a
/// <c>:</c>, so the text is read from the right: the host follows the last colon, the port sits between the last
/// two, and the address (bracketed for IPv6) is the rest.
/// </summary>
public static class BindingInformationParser
{
    /// <summary>
    /// Parses <paramref name="text"/>. An empty or <c>*</c> address is All Unassigned; an empty or <c>*</c> host is the
    /// catch-all (<paramref name="host"/> null). On failure <paramref name="problem"/> is one sentence naming what is wrong.
    /// </summary>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out Endpoint? endpoint,
        out HostName? host,
        [NotNullWhen(false)] out string? problem) =>
        TryParse(text.AsSpan(), null, out endpoint, out host, out problem);

    /// <summary>As the public overload, sharing the endpoints and host names in <paramref name="parts"/>, already parsed from the same file.</summary>
    internal static bool TryParse(
        ReadOnlySpan<char> value,
        BindingPartsCache? parts,
        [NotNullWhen(true)] out Endpoint? endpoint,
        out HostName? host,
        [NotNullWhen(false)] out string? problem)
    {
        endpoint = null;
        host = null;
        var hostColon = value.LastIndexOf(':');
        var portColon = hostColon > 0 ? value[..hostColon].LastIndexOf(':') : -1;
        if (portColon < 0)
        {
            problem = $"bindingInformation '{value}' is not in the form IP:Port:Host (for example '*:443:www.example.com')";
            return false;
        }

        if (parts is not null && parts.TryGetEndpoint(value[..hostColon], out var known))
            return TryParseHost(value, hostColon, known, parts, out endpoint, out host, out problem);

        var portText = value.Slice(portColon + 1, hostColon - portColon - 1);
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            problem = $"bindingInformation '{value}' has port '{portText}'; a port must be a number from 1 to 65535";
            return false;
        }

        if (!TryParseAddress(value[..portColon], out var address))
        {
            problem = $"bindingInformation '{value}' has address '{value[..portColon]}', which is neither '*', an IPv4 address nor a bracketed IPv6 address";
            return false;
        }

        var parsed = new Endpoint(address, port);
        parts?.AddEndpoint(value[..hostColon], parsed);
        return TryParseHost(value, hostColon, parsed, parts, out endpoint, out host, out problem);
    }

    /// <summary>
    /// Whether <paramref name="value"/>, parsed to <paramref name="endpoint"/> and <paramref name="host"/>, is exactly
    /// what <see cref="Format"/> writes for them, as IIS writes it (most texts in a file are).
    /// </summary>
    internal static bool IsWrittenAs(ReadOnlySpan<char> value, Endpoint endpoint, HostName? host, BindingPartsCache? parts)
    {
        var hostColon = value.LastIndexOf(':');
        var hostText = value[(hostColon + 1)..];
        if (host is null ? !hostText.IsEmpty : !hostText.SequenceEqual(host.Value))
            return false;
        var endpointText = value[..hostColon];
        return parts?.IsWrittenAsIisWrites(endpointText) ?? endpointText.SequenceEqual(endpoint.ToString());
    }

    private static bool TryParseHost(
        ReadOnlySpan<char> value,
        int hostColon,
        Endpoint parsed,
        BindingPartsCache? parts,
        [NotNullWhen(true)] out Endpoint? endpoint,
        out HostName? host,
        [NotNullWhen(false)] out string? problem)
    {
        endpoint = null;
        host = null;
        var hostText = value[(hostColon + 1)..];
        if (hostText.Length > 0 && hostText is not "*")
        {
            host = parts?.RecentHost(hostText);
            if (host is null)
            {
                if (!HostName.TryParse(hostText.ToString(), out host, out var hostError))
                {
                    problem = $"bindingInformation '{value}' has an invalid host name: {hostError}";
                    return false;
                }

                parts?.AddHost(host);
            }
        }

        endpoint = parsed;
        problem = null;
        return true;
    }

    /// <summary>The text IIS stores for <paramref name="endpoint"/> and <paramref name="host"/>, e.g. <c>*:443:www.a.com</c> or <c>[::1]:443:</c>.</summary>
    public static string Format(Endpoint endpoint, HostName? host)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return string.Create(CultureInfo.InvariantCulture, $"{endpoint.IisAddress}:{endpoint.Port}:{host?.Value}");
    }

    private static bool TryParseAddress(ReadOnlySpan<char> text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (text.Length == 0 || text is "*")
        {
            address = IPAddress.Any;
            return true;
        }

        if (text.Length > 2 && text[0] == '[' && text[^1] == ']')
        {
            return IPAddress.TryParse(text[1..^1], out address) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        // IPAddress.TryParse also takes legacy forms such as "10.1" or "0x7f.1"; IIS writes four dotted decimals.
        return text.Count('.') == 3
            && IsDigitsAndDots(text)
            && IPAddress.TryParse(text, out address)
            && address.AddressFamily == AddressFamily.InterNetwork;
    }

    // A plain loop: a SearchValues instantiation is JIT-compiled on the first call of a ReadyToRun process.
    private static bool IsDigitsAndDots(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
                return false;
        }

        return true;
    }
}
