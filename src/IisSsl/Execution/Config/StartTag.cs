namespace IisSsl.Execution.Config;

/// <summary>One attribute of a start tag: where its name starts and where its value sits between the quotes.</summary>
internal readonly record struct TagAttribute(string Name, int NameStart, int ValueStart, int ValueEnd, char Quote);

/// <summary>
/// The exact text layout of a start tag found at a known <c>&lt;</c>: its attributes, where the closing
/// <c>&gt;</c> or <c>/&gt;</c> begins and where the tag ends. Works on text the XML reader has already accepted.
/// </summary>
internal sealed record StartTag(int Start, int CloseStart, int End, bool SelfClosing, IReadOnlyList<TagAttribute> Attributes)
{
    /// <summary>The offset just after the last attribute's closing quote (or after the name when there is none).</summary>
    public int AfterLastAttribute { get; init; }

    public static StartTag At(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length && !IsNameEnd(text[i]))
            i++;
        var afterLast = i;
        var attributes = new List<TagAttribute>();
        while (i < text.Length)
        {
            while (char.IsWhiteSpace(text[i]))
                i++;
            if (text[i] == '>')
                return new StartTag(start, i, i + 1, false, attributes) { AfterLastAttribute = afterLast };
            if (text[i] == '/')
                return new StartTag(start, i, i + 2, true, attributes) { AfterLastAttribute = afterLast };

            var nameStart = i;
            while (!IsNameEnd(text[i]) && text[i] != '=')
                i++;
            var name = text[nameStart..i];
            i = text.IndexOf('=', i) + 1;
            while (char.IsWhiteSpace(text[i]))
                i++;
            var quote = text[i];
            var valueEnd = text.IndexOf(quote, i + 1);
            attributes.Add(new TagAttribute(name, nameStart, i + 1, valueEnd, quote));
            i = valueEnd + 1;
            afterLast = i;
        }

        throw new InvalidOperationException($"the start tag at offset {start} is not closed");
    }

    public TagAttribute? Find(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == name)
                return attribute;
        }

        return null;
    }

    private static bool IsNameEnd(char c) => char.IsWhiteSpace(c) || c is '>' or '/';
}
