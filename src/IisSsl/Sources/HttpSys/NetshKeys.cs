using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace IisSsl.Sources.HttpSys;

/// <summary>The value syntaxes shared by netsh output and the JSON snapshot: <c>IP:port</c>, <c>name:port</c>, thumbprints.</summary>
public static class NetshKeys
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef");

    /// <summary><c>0.0.0.0:443</c>, <c>10.0.0.5:443</c>, <c>[::]:443</c>, <c>[2001:db8::1]:443</c>.</summary>
    public static bool TryParseIpPort(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address, out int port) =>
        TryParseIpPort(text.AsSpan(), out address, out port);

    /// <inheritdoc cref="TryParseIpPort(string, out IPAddress?, out int)"/>
    public static bool TryParseIpPort(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address, out int port)
    {
        address = null;
        if (!TrySplitPort(text, out var host, out port))
            return false;

        var bracketed = host.StartsWith('[') && host.EndsWith(']');
        if (bracketed)
            host = host[1..^1];
        if (!IPAddress.TryParse(host, out var parsed))
            return false;

        // IPv6 needs its brackets, and IPAddress.TryParse accepts shorthand like "10" for IPv4; neither is netsh's form.
        var v6 = parsed.AddressFamily == AddressFamily.InterNetworkV6;
        if (v6 != bracketed || (!v6 && host.Count('.') != 3))
            return false;
        address = parsed;
        return true;
    }

    /// <summary>Splits <c>anything:port</c> at its last colon.</summary>
    public static bool TrySplitPort(string text, out string host, out int port)
    {
        var split = TrySplitPort(text.AsSpan(), out var hostSpan, out port);
        host = split ? text[..hostSpan.Length] : string.Empty;
        return split;
    }

    /// <inheritdoc cref="TrySplitPort(string, out string, out int)"/>
    public static bool TrySplitPort(ReadOnlySpan<char> text, out ReadOnlySpan<char> host, out int port)
    {
        host = default;
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !TryParsePort(text[(colon + 1)..], out port))
            return false;
        host = text[..colon];
        return true;
    }

    public static bool TryParsePort(string text, out int port) => TryParsePort(text.AsSpan(), out port);

    public static bool TryParsePort(ReadOnlySpan<char> text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;

    /// <summary>
    /// Upper-case hex with white space and invisible characters removed (a thumbprint copied from the
    /// certificate dialog carries a hidden left-to-right mark); null when what is left is not hex.
    /// </summary>
    public static string? NormaliseThumbprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hex = IsHex(text) ? text : new string([.. text.Where(c => !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format)]);
        return hex.Length > 0 && hex.Length % 2 == 0 && IsHex(hex) ? hex.ToUpperInvariant() : null;
    }

    private static bool IsHex(string text) => !text.AsSpan().ContainsAnyExcept(HexDigits);
}
