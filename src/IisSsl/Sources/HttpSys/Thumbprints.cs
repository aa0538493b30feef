namespace IisSsl.Sources.HttpSys;

/// <summary>
/// Normalised thumbprints (<see cref="NetshKeys.NormaliseThumbprint"/>), one string per distinct text read: the
/// records of a 10,000-site server name about a thousand certificates 4,000 times, and each time took two strings.
/// </summary>
internal sealed class Thumbprints
{
    private readonly Dictionary<string, string?> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public Thumbprints() => _bySpan = _byText.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <returns>Upper-case hex, or null when <paramref name="text"/> is not a thumbprint.</returns>
    public string? Normalise(ReadOnlySpan<char> text)
    {
        if (_bySpan.TryGetValue(text, out var normalised))
            return normalised;
        var key = text.ToString();
        normalised = NetshKeys.NormaliseThumbprint(key);
        _byText.Add(key, normalised);
        return normalised;
    }
}
