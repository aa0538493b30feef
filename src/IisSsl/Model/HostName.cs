using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace IisSsl.Model;

/// <summary>
/// A DNS host name in its one normalised form: IDN converted to A-labels, lower case, no trailing dot.
/// A wildcard (IIS 10 wildcard host header or a wildcard certificate record) is <c>*.</c> plus a valid name.
/// </summary>
public sealed record HostName
{
    // IdnMapping does not promise thread safety for its instance members, and sources are read on two threads.
    [ThreadStatic]
    private static IdnMapping? _idn;

    private static IdnMapping Idn => _idn ??= new IdnMapping { UseStd3AsciiRules = true, AllowUnassigned = false };

    private HostName(string value) => Value = value;

    /// <summary>The normalised A-label form, e.g. <c>xn--bcher-kva.example</c> or <c>*.example.com</c>.</summary>
    public string Value { get; }

    public bool IsWildcard => Value.StartsWith("*.", StringComparison.Ordinal);

    /// <summary>
    /// Whether the name is an IP address literal such as <c>10.0.0.5</c> (as <see cref="IPAddress.TryParse(string, out IPAddress)"/>
    /// reads it), which certificates name in IP SANs rather than DNS names.
    /// </summary>
    public bool IsIpLiteral => CouldBeIPv4Literal(Value) && IPAddress.TryParse(Value, out _);

    // Every form TryParse takes (dotted decimal, octal, 0x hex) is made of these characters: most names stop here.
    private static bool CouldBeIPv4Literal(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiHexDigitLower(c) && c != '.' && c != 'x')
                return false;
        }

        return true;
    }

    /// <summary>For a wildcard <c>*.a.com</c>, the parent <c>a.com</c>; otherwise the name itself.</summary>
    public string WildcardParent => IsWildcard ? Value[2..] : Value;

    /// <summary>The Unicode (U-label) form, as IIS and the Central Certificate Store file names use it.</summary>
    public string Unicode => Idn.GetUnicode(Value);

    public static HostName Parse(string text) =>
        TryParse(text, out var host, out var error) ? host : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out HostName? host, out string error)
    {
        host = null;
        error = string.Empty;
        var raw = text?.Trim() ?? string.Empty;
        if (raw.EndsWith('.'))
            raw = raw[..^1];
        if (raw.Length == 0)
        {
            error = "a host name cannot be empty";
            return false;
        }

        var wildcard = raw.StartsWith("*.", StringComparison.Ordinal);
        var name = wildcard ? raw[2..] : raw;
        if (name.Contains('*'))
        {
            error = $"'{text}' is not a valid host name: a wildcard may only be the whole left-most label ('*.example.com')";
            return false;
        }

        if (!TryNormalise(name, text, out var ascii, out error))
            return false;

        if (wildcard && !ascii.Contains('.'))
        {
            error = $"'{text}' is not a valid host name: a wildcard must stand below a domain with at least two labels";
            return false;
        }

        host = new HostName(wildcard ? "*." + ascii : ascii);
        return true;
    }

    /// <summary>The lower-case A-label form of <paramref name="name"/> (no wildcard, no trailing dot).</summary>
    internal static bool TryNormalise(string name, string? text, [NotNullWhen(true)] out string? ascii, out string error)
    {
        if (IsPlainAsciiName(name))
        {
            ascii = name.ToLowerInvariant();
            error = string.Empty;
            return true;
        }

        return TryNormaliseWithIdn(name, text, out ascii, out error);
    }

    /// <summary>The general path: UTS 46 mapping and validation by <see cref="IdnMapping"/>, then the DNS length limits.</summary>
    internal static bool TryNormaliseWithIdn(string name, string? text, [NotNullWhen(true)] out string? ascii, out string error)
    {
        ascii = null;
        error = string.Empty;
        string mapped;
        try
        {
            mapped = Idn.GetAscii(name).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            error = $"'{text}' is not a valid host name";
            return false;
        }

        if (mapped.Length > 253 || mapped.Split('.').Any(label => label.Length is 0 or > 63))
        {
            error = $"'{text}' is not a valid host name: labels must be 1-63 characters and the name at most 253";
            return false;
        }

        ascii = mapped;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="name"/> is a plain LDH name that <see cref="IdnMapping"/> would hand back unchanged
    /// but for case: letters, digits, hyphens and dots only, labels of 1-63 characters that neither start nor end
    /// with a hyphen, at most 253 characters, and no <c>xn--</c> label (an A-label must still be validated). Most
    /// names are like this, and IdnMapping was most of the cost of reading a large config. A name that fails the
    /// check is not rejected here: it takes the IdnMapping path, which decides and explains.
    /// </summary>
    internal static bool IsPlainAsciiName(string name)
    {
        if (name.Length is 0 or > 253)
            return false;
        var labelStart = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && name[i] != '.')
            {
                if (!char.IsAsciiLetterOrDigit(name[i]) && name[i] != '-')
                    return false;
                continue;
            }

            if (!IsPlainAsciiLabel(name.AsSpan(labelStart, i - labelStart)))
                return false;
            labelStart = i + 1;
        }

        return true;
    }

    private static bool IsPlainAsciiLabel(ReadOnlySpan<char> label) =>
        label.Length is > 0 and <= 63
        && label[0] != '-'
        && label[^1] != '-'
        && !label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase);

    public bool Equals(HostName? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;
}
