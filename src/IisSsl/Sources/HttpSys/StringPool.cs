namespace IisSsl.Sources.HttpSys;

/// <summary>
/// One string per distinct text, looked up by span. netsh prints the same labels and the same few values
/// (<c>Enabled</c>, <c>Not Set</c>, <c>0</c>...) in every record, so thousands of records share a handful of strings.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public StringPool() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text)
    {
        if (_bySpan.TryGetValue(text, out var pooled))
            return pooled;
        var added = text.ToString();
        _strings.Add(added);
        return added;
    }
}
