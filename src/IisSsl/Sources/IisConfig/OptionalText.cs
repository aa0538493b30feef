namespace IisSsl.Sources.IisConfig;

/// <summary>An attribute's text, or its absence: the characters the reader copied, or a string a caller already has.</summary>
internal readonly ref struct OptionalText
{
    private readonly string? _string;

    public OptionalText(string? text)
    {
        _string = text;
        IsPresent = text is not null;
        Chars = text;
    }

    public OptionalText(AttributeText attribute)
    {
        IsPresent = attribute.IsPresent;
        Chars = attribute.Text;
    }

    public bool IsPresent { get; }

    /// <summary>The text; empty when absent.</summary>
    public ReadOnlySpan<char> Chars { get; }

    /// <summary>The text as a string (the caller's own, when it gave one); empty when absent.</summary>
    public override string ToString() => _string ?? (Chars.IsEmpty ? string.Empty : new string(Chars));
}
