using System.Text.Json;

namespace IisSsl.Reporting;

/// <summary>
/// JSON-escaped text, escaped once per string object: the host rows of one HTTP.SYS record share its key string,
/// so a large report escapes a few dozen keys instead of one per row.
/// </summary>
internal sealed class EncodedOnce
{
    // Boxed values: a dictionary of JsonEncodedText structs is a generic instantiation ReadyToRun cannot precompile.
    private readonly Dictionary<string, object> _encoded = new(ReferenceEqualityComparer.Instance);

    public JsonEncodedText Of(string text)
    {
        if (!_encoded.TryGetValue(text, out var encoded))
            _encoded[text] = encoded = JsonEncodedText.Encode(text);
        return (JsonEncodedText)encoded;
    }
}
