namespace IisSsl.Planning;

/// <summary>Thumbprints as users paste them: spaces, colons and the invisible marks the certificate MMC copies are dropped.</summary>
internal static class Thumbprints
{
    /// <summary>The upper-case 40-digit form, or null when <paramref name="text"/> is not a SHA-1 thumbprint.</summary>
    public static string? Normalise(string text)
    {
        var digits = new string(text.Where(c => !char.IsWhiteSpace(c) && c != ':' && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());
        return digits.Length == 40 && digits.All(char.IsAsciiHexDigit) ? digits.ToUpperInvariant() : null;
    }
}
