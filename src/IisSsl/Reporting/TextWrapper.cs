namespace IisSsl.Reporting;

/// <summary>
/// Writes a line of the text report within a width, breaking only at spaces: a word is never split, and a token
/// longer than the width (a thumbprint, a long host name) stays whole on a line of its own making. Continuation
/// lines are indented past the line's own indent, so they read as part of it and never start at column 0 (where
/// a CI log would take a hostile name for a command).
/// </summary>
internal sealed class TextWrapper
{
    /// <summary>The width when standard output is not a terminal (a CI log, a file).</summary>
    public const int DefaultWidth = 100;

    /// <summary>Narrower than this and a table row would be little but continuation lines.</summary>
    public const int MinimumWidth = 40;

    private static readonly string Spaces = new(' ', 64);

    public TextWrapper(int width) => Width = Math.Max(width, MinimumWidth);

    public int Width { get; }

    /// <summary>Writes <paramref name="line"/> and its line break; <paramref name="hangingIndent"/> is added to the line's indent on continuations.</summary>
    public void WriteLine(TextWriter output, ReadOnlySpan<char> line, int hangingIndent)
    {
        if (line.Length <= Width)
        {
            output.WriteLine(line);
            return;
        }

        var indent = line.Length - line.TrimStart(' ').Length;
        var continuation = Math.Clamp(indent + hangingIndent, 1, Width / 2);
        var rest = line;
        var limit = Width;
        var first = true;
        while (true)
        {
            if (rest.Length <= limit)
            {
                WriteIndented(output, rest, first ? 0 : continuation);
                return;
            }

            var start = first ? indent : 0;
            var cut = rest[..(limit + 1)].LastIndexOf(' ');
            if (cut <= start)
            {
                // One token longer than the room left: it goes whole, up to the next space.
                var next = rest[start..].IndexOf(' ');
                cut = next < 0 ? rest.Length : start + next;
            }

            WriteIndented(output, rest[..cut].TrimEnd(' '), first ? 0 : continuation);
            rest = rest[cut..].TrimStart(' ');
            if (rest.IsEmpty)
                return;
            first = false;
            limit = Width - continuation;
        }
    }

    private static void WriteIndented(TextWriter output, ReadOnlySpan<char> text, int indent)
    {
        for (var spaces = indent; spaces > 0; spaces -= Spaces.Length)
            output.Write(Spaces.AsSpan(0, Math.Min(spaces, Spaces.Length)));
        output.WriteLine(text);
    }
}
