using System.Text;
using System.Text.Json;

namespace IisSsl.Planning;

/// <summary>
/// A tiny JSON tree that remembers the line of every value, so manifest errors can point at a line
/// (<see cref="JsonDocument"/> forgets positions once parsed).
/// </summary>
internal abstract record JsonTree(int Line)
{
    internal sealed record Object(int Line, IReadOnlyList<Member> Members) : JsonTree(Line);

    internal sealed record Array(int Line, IReadOnlyList<JsonTree> Items) : JsonTree(Line);

    internal sealed record String(int Line, string Value) : JsonTree(Line);

    /// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>, kept as written.</summary>
    internal sealed record Literal(int Line, JsonTokenType Kind, string Text) : JsonTree(Line);

    internal sealed record Member(string Name, JsonTree Value);

    public string Describe => this switch
    {
        Object => "an object",
        Array => "an array",
        String => "a string",
        Literal { Kind: JsonTokenType.Number } => "a number",
        Literal l => l.Text,
        _ => "a value",
    };

    /// <exception cref="InvalidInputException">The bytes are not one well-formed JSON value.</exception>
    public static JsonTree Parse(byte[] bytes, string file)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
            span = span[Encoding.UTF8.Preamble.Length..];
        var lineStarts = LineStarts(span);
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
                throw new InvalidInputException("the manifest is empty; expected a JSON object", file);
            var tree = ReadValue(ref reader, lineStarts, file);
            if (reader.Read())
                throw new InvalidInputException("unexpected content after the manifest's JSON object", file, LineOf(lineStarts, reader.TokenStartIndex));
            return tree;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? -1) + 1;
            throw new InvalidInputException($"not well-formed JSON: {FirstSentence(e.Message)}", file, line, e);
        }
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, List<long> lineStarts, string file)
    {
        var line = LineOf(lineStarts, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<Member>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var nameLine = LineOf(lineStarts, reader.TokenStartIndex);
                    var name = StringValue(ref reader, file, nameLine);
                    if (!seen.Add(name))
                        throw new InvalidInputException($"the property \"{name}\" appears twice in one object", file, nameLine);
                    reader.Read();
                    members.Add(new Member(name, ReadValue(ref reader, lineStarts, file)));
                }

                return new Object(line, members);
            case JsonTokenType.StartArray:
                var items = new List<JsonTree>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, lineStarts, file));
                return new Array(line, items);
            case JsonTokenType.String:
                return new String(line, StringValue(ref reader, file, line));
            default:
                return new Literal(line, reader.TokenType, Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }

    /// <summary>The string token's text; invalid UTF-8 or a lone surrogate escape (<c>"\ud800"</c>) is bad input, not a crash.</summary>
    private static string StringValue(ref Utf8JsonReader reader, string file, int line)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidInputException($"a string is not valid UTF-8 or holds a lone surrogate escape: {FirstSentence(e.Message)}", file, line, e);
        }
    }

    private static List<long> LineStarts(ReadOnlySpan<byte> bytes)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
                starts.Add(i + 1);
        }

        return starts;
    }

    private static int LineOf(List<long> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
