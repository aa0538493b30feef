namespace IisSsl.Sources.IisConfig;

/// <summary>
/// Maps the (line, position) pairs of <see cref="System.Xml.IXmlLineInfo"/> to character offsets in the text.
/// Lines break at CRLF, LF or a lone CR, as the XML reader counts them; positions are 1-based characters.
/// </summary>
internal sealed class LineIndex
{
    private readonly int[] _lineStarts;

    public LineIndex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            if (text[i] is '\n' or '\r')
                starts.Add(i + 1);
        }

        _lineStarts = [.. starts];
    }

    public int Offset(int line, int position) => _lineStarts[line - 1] + position - 1;

    public int LineStart(int line) => _lineStarts[line - 1];
}
