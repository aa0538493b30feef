namespace IisSsl.Sources.HttpSys;

/// <summary>
/// One string per distinct text, looked up by span. netsh prints the same labels and the same few values
/// (<c>Enabled</c>, <c>Not Set</c>, <c>0</c>...) in every record, so thousands of records share a handful of strings.
/// It also prints them in the same order, so <see cref="Get(ReadOnlySpan{char}, int)"/> first tries the string last
/// seen at the same place of a record, which spares hashing most lines.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly string?[] _lastAtPlace = new string?[128];

    public StringPool() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled <paramref name="text"/>; <paramref name="place"/> says where in a record it was read.</summary>
    public string Get(ReadOnlySpan<char> text, int place)
    {
        if ((uint)place >= (uint)_lastAtPlace.Length)
            return Get(text);
        if (_lastAtPlace[place] is { } last && text.SequenceEqual(last))
            return last;
        return _lastAtPlace[place] = Get(text);
    }

    public string Get(ReadOnlySpan<char> text)
    {
        if (_bySpan.TryGetValue(text, out var pooled))
            return pooled;
        var added = text.ToString();
        _strings.Add(added);
        return added;
    }
}
