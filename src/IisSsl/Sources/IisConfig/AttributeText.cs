using System.Xml;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// The value of one attribute, copied from the reader into a buffer kept from one element to the next, or absent.
/// A 10,000-site config has 50,000 bindings, and most of their attribute values are only parsed (a protocol,
/// sslFlags) or kept in another form (a bindingInformation its endpoint and host give back), so they need not each
/// become a string.
/// </summary>
internal sealed class AttributeText
{
    private char[] _chars = new char[128];
    private int _length = -1;

    public bool IsPresent => _length >= 0;

    /// <summary>The value as the reader gives it (entities expanded, whitespace normalised); empty when absent.</summary>
    public ReadOnlySpan<char> Text => _chars.AsSpan(0, Math.Max(_length, 0));

    public void Clear() => _length = -1;

    /// <summary>Copies the value of the attribute <paramref name="reader"/> is on.</summary>
    public void Read(XmlReader reader)
    {
        _length = 0;
        while (true)
        {
            // Two free characters at least: the reader never splits a surrogate pair, and refuses a one-character gap before one.
            if (_chars.Length - _length < 2)
                Array.Resize(ref _chars, _chars.Length * 2);
            var read = reader.ReadValueChunk(_chars, _length, _chars.Length - _length);
            if (read == 0)
                return;
            _length += read;
        }
    }

    public string? ToStringOrNull() => IsPresent ? new string(Text) : null;
}
