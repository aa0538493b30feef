namespace IisSsl.Sources.HttpSys;

/// <summary>
/// The settings of the record being read, collected line by line; a record whose lines are those of the record before
/// it (labels and values, in order) gets that record's dictionary. The records of one output print the same lines
/// with mostly the same values: a 10,000-site server prints 4,000 records, each of which had its own 23-entry dictionary.
/// </summary>
/// <remarks>Labels and values come from a <see cref="StringPool"/>, so equal texts are mostly the same string.</remarks>
internal sealed class RecordSettings
{
    private readonly HashSet<string> _labels = new(StringComparer.Ordinal);
    private List<KeyValuePair<string, string>> _lines = [];
    private List<KeyValuePair<string, string>> _previousLines = [];
    private Dictionary<string, string>? _previous;

    /// <summary>Starts the settings of the next record.</summary>
    public void Clear()
    {
        _lines.Clear();
        _labels.Clear();
    }

    /// <returns>False when the record has this label already.</returns>
    public bool TryAdd(string label, string value)
    {
        if (!_labels.Add(label))
            return false;
        _lines.Add(KeyValuePair.Create(label, value));
        return true;
    }

    /// <summary>The record's settings; never changed afterwards, as another record may hold the same dictionary.</summary>
    public IReadOnlyDictionary<string, string> Build()
    {
        if (_previous is not null && SameAsPrevious())
            return _previous;
        _previous = new Dictionary<string, string>(_lines.Count, StringComparer.Ordinal);
        foreach (var (label, value) in _lines)
            _previous.Add(label, value);
        (_previousLines, _lines) = (_lines, _previousLines);
        return _previous;
    }

    private bool SameAsPrevious()
    {
        if (_lines.Count != _previousLines.Count)
            return false;
        for (var i = 0; i < _lines.Count; i++)
        {
            if (!string.Equals(_lines[i].Key, _previousLines[i].Key, StringComparison.Ordinal)
                || !string.Equals(_lines[i].Value, _previousLines[i].Value, StringComparison.Ordinal))
                return false;
        }

        return true;
    }
}
