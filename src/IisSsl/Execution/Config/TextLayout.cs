using IisSsl.Sources.IisConfig;

namespace IisSsl.Execution.Config;

/// <summary>
/// Finds elements in the text from the reader's line info and answers layout questions (indentation, line ending,
/// whole-line ranges) so inserted text looks as if the file's author had written it.
/// </summary>
internal sealed class TextLayout
{
    private const string DefaultIndentUnit = "    ";
    private readonly LineIndex _lines;

    public TextLayout(string text)
    {
        Text = text;
        _lines = new LineIndex(text);
        NewLine = DetectNewLine(text);
    }

    public string Text { get; }

    /// <summary>The file's own line ending (that of its first line break; CRLF, as IIS writes, when it has none).</summary>
    public string NewLine { get; }

    /// <summary>The offset of the element's <c>&lt;</c>.</summary>
    public int ElementStart(ElementPosition position) => _lines.Offset(position.Line, position.Position) - 1;

    /// <summary>The offset of the <c>&lt;/</c> of the element's end tag.</summary>
    public int EndTagStart(ElementPosition position) => _lines.Offset(position.EndLine, position.EndPosition) - 2;

    /// <summary>The offset just after the element (after <c>/&gt;</c> or its end tag's <c>&gt;</c>).</summary>
    public int ElementEnd(ElementPosition position) => position.IsEmptyElement
        ? StartTag.At(Text, ElementStart(position)).End
        : Text.IndexOf('>', EndTagStart(position)) + 1;

    public int LineStartOf(int offset)
    {
        var i = offset;
        while (i > 0 && Text[i - 1] is not ('\n' or '\r'))
            i--;
        return i;
    }

    /// <summary>The leading whitespace of the line holding <paramref name="offset"/>.</summary>
    public string IndentOf(int offset)
    {
        var start = LineStartOf(offset);
        var end = start;
        while (end < Text.Length && Text[end] is ' ' or '\t')
            end++;
        return Text[start..end];
    }

    /// <summary>Whether only whitespace stands between the start of the line and <paramref name="offset"/>.</summary>
    public bool IsFirstOnLine(int offset) => IsBlank(LineStartOf(offset), offset);

    /// <summary>
    /// The range to delete to remove the element at [<paramref name="start"/>, <paramref name="end"/>): its whole line,
    /// line break included, when it stands alone on that line; otherwise the element and the blanks before it.
    /// </summary>
    public (int Start, int End) RemovalRange(int start, int end)
    {
        var lineStart = LineStartOf(start);
        var lineEnd = Text.IndexOfAny(['\r', '\n'], end);
        if (lineEnd < 0)
            lineEnd = Text.Length;
        if (IsBlank(lineStart, start) && IsBlank(end, lineEnd))
        {
            var after = lineEnd;
            if (after < Text.Length)
                after += Text[after] == '\r' && after + 1 < Text.Length && Text[after + 1] == '\n' ? 2 : 1;
            return (lineStart, after);
        }

        var from = start;
        while (from > lineStart && Text[from - 1] is ' ' or '\t')
            from--;
        return (from, end);
    }

    /// <summary>The offset where the blanks before <paramref name="offset"/> (on its line) begin.</summary>
    public int TrimBlanksBefore(int offset)
    {
        var i = offset;
        while (i > 0 && Text[i - 1] is ' ' or '\t')
            i--;
        return i;
    }

    /// <summary>One level of indentation, from an element's indent and its parent's; four spaces when unclear.</summary>
    public static string IndentUnit(string inner, string outer)
    {
        if (inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.Ordinal))
            return inner[outer.Length..];
        return inner.Contains('\t') ? "\t" : DefaultIndentUnit;
    }

    private bool IsBlank(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (Text[i] is not (' ' or '\t'))
                return false;
        }

        return true;
    }

    private static string DetectNewLine(string text)
    {
        var lf = text.IndexOf('\n');
        if (lf > 0 && text[lf - 1] == '\r')
            return "\r\n";
        if (lf >= 0)
            return "\n";
        return text.Contains('\r') ? "\r" : "\r\n";
    }
}
