using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using IisSsl.Model;

namespace IisSsl.Sources.IisConfig;

/// <summary>Reads the binding <c>sslFlags</c> attribute: a uint whose unknown bits are kept as they are.</summary>
public static class SslFlagsParser
{
    public static bool TryParse(string? text, out SslFlags flags, [NotNullWhen(false)] out string? problem) =>
        TryParse(new OptionalText(text), out flags, out problem);

    internal static bool TryParse(OptionalText text, out SslFlags flags, [NotNullWhen(false)] out string? problem)
    {
        flags = SslFlags.None;
        problem = null;
        if (!text.IsPresent)
            return true;

        if (uint.TryParse(text.Chars.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            flags = (SslFlags)value;
            return true;
        }

        problem = $"sslFlags '{text.Chars}' is not a whole number from 0 to {uint.MaxValue}";
        return false;
    }

    /// <summary>The attribute text IIS writes for <paramref name="flags"/>, e.g. <c>97</c>.</summary>
    public static string Format(SslFlags flags) => ((uint)flags).ToString(CultureInfo.InvariantCulture);
}
