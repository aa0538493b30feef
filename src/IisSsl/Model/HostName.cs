using System.Globalization;

namespace IisSsl.Model;

/// <summary>
/// A DNS host name in its one normalised form: IDN converted to A-labels, lower case, no trailing dot.
/// A wildcard (IIS 10 wildcard host header or a wildcard certificate record) is <c>*.</c> plus a valid name.
/// </summary>
public sealed record HostName
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    private HostName(string value) => Value = value;

    /// <summary>The normalised A-label form, e.g. <c>xn--bcher-kva.example</c> or <c>*.example.com</c>.</summary>
    public string Value { get; }

    public bool IsWildcard => Value.StartsWith("*.", StringComparison.Ordinal);

    /// <summary>For a wildcard <c>*.a.com</c>, the parent <c>a.com</c>; otherwise the name itself.</summary>
    public string WildcardParent => IsWildcard ? Value[2..] : Value;

    /// <summary>The Unicode (U-label) form, as IIS and the Central Certificate Store file names use it.</summary>
    public string Unicode => Idn.GetUnicode(Value);

    public static HostName Parse(string text) =>
        TryParse(text, out var host, out var error) ? host : throw new FormatException(error);

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HostName? host, out string error)
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

        string ascii;
        try
        {
            ascii = Idn.GetAscii(name).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            error = $"'{text}' is not a valid host name";
            return false;
        }

        if (ascii.Length > 253 || ascii.Split('.').Any(label => label.Length is 0 or > 63))
        {
            error = $"'{text}' is not a valid host name: labels must be 1-63 characters and the name at most 253";
            return false;
        }

        if (wildcard && !ascii.Contains('.'))
        {
            error = $"'{text}' is not a valid host name: a wildcard must stand below a domain with at least two labels";
            return false;
        }

        host = new HostName(wildcard ? "*." + ascii : ascii);
        return true;
    }

    public bool Equals(HostName? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;
}
