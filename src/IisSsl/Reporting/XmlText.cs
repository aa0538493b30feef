using System.Text;
using System.Xml;

namespace IisSsl.Reporting;

internal static class XmlText
{
    /// <summary>Replaces characters XML 1.0 cannot carry at all (most control characters) with U+FFFD; XmlWriter escapes the rest.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var valid = XmlConvert.IsXmlChar(c)
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c));
            if (valid && char.IsHighSurrogate(c))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (!valid)
                builder ??= new StringBuilder(text, 0, i, text.Length);
            builder?.Append(valid ? c : '\uFFFD');
        }

        return builder?.ToString() ?? text;
    }
}
