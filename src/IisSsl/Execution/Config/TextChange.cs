using System.Text;
using IisSsl.Sources.IisConfig;

namespace IisSsl.Execution.Config;

/// <summary>Replace the characters [<see cref="Start"/>, <see cref="End"/>) with <see cref="Replacement"/> (an insertion when they are equal).</summary>
internal sealed record TextChange(int Start, int End, string Replacement)
{
    public static TextChange Insert(int at, string text) => new(at, at, text);

    public static TextChange Delete(int start, int end) => new(start, end, string.Empty);

    /// <summary>
    /// Applies <paramref name="changes"/> to the file and returns its new bytes. Every byte outside the changed ranges
    /// is copied from the original file, so the byte order mark, encoding and untouched text stay exactly as they were.
    /// </summary>
    public static byte[] Apply(ConfigText file, IEnumerable<TextChange> changes)
    {
        var ordered = changes.OrderBy(c => c.Start).ThenBy(c => c.End).ToList();
        var output = new MemoryStream(file.Bytes.Length + 256);
        var text = file.Text.AsSpan();
        var encoding = file.Encoding;
        var charCursor = 0;
        var byteCursor = file.PreambleLength;
        output.Write(file.Bytes, 0, file.PreambleLength);
        foreach (var change in ordered)
        {
            if (change.Start < charCursor)
                throw new InvalidOperationException($"overlapping config edits at offset {change.Start}");

            var keep = encoding.GetByteCount(text[charCursor..change.Start]);
            output.Write(file.Bytes, byteCursor, keep);
            output.Write(encoding.GetBytes(change.Replacement));
            byteCursor += keep + encoding.GetByteCount(text[change.Start..change.End]);
            charCursor = change.End;
        }

        output.Write(file.Bytes, byteCursor, file.Bytes.Length - byteCursor);
        return output.ToArray();
    }

    /// <summary>Escapes text for a double- or single-quoted XML attribute value.</summary>
    public static string EscapeAttribute(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
