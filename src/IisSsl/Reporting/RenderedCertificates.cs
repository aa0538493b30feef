using System.Buffers;
using System.Text.Json;

namespace IisSsl.Reporting;

/// <summary>
/// Each certificate's JSON object, rendered once for each depth it appears at and copied after that. In a large
/// report a few shared certificates fill most host rows, and escaping their fields again for every row was most of
/// the writing. The copy is byte for byte what writing the object in place gives (the golden report files pin it).
/// </summary>
internal sealed class RenderedCertificates(JsonWriterOptions options, Action<Utf8JsonWriter, CertificateSummary> writeObject)
{
    // Per depth, by reference: the analysis hands out one summary per certificate, and hashing a summary's text for
    // every host row cost more than the copying saved. (No tuple keys: ReadyToRun does not precompile them.)
    private readonly List<Dictionary<CertificateSummary, byte[]>> _renderedAtDepth = [];
    private readonly ArrayBufferWriter<byte> _scratch = new();
    private Utf8JsonWriter? _scratchWriter;

    /// <summary>Writes <paramref name="certificate"/> as the value of property <paramref name="name"/>.</summary>
    public void Write(Utf8JsonWriter json, JsonEncodedText name, CertificateSummary certificate)
    {
        var depth = json.CurrentDepth;
        while (_renderedAtDepth.Count <= depth)
            _renderedAtDepth.Add(new Dictionary<CertificateSummary, byte[]>(ReferenceEqualityComparer.Instance));
        var rendered = _renderedAtDepth[depth];
        if (!rendered.TryGetValue(certificate, out var bytes))
            rendered[certificate] = bytes = Render(certificate, depth);
        json.WritePropertyName(name);
        json.WriteRawValue(bytes, skipInputValidation: true);
    }

    /// <summary>The object as written at <paramref name="depth"/>: nested that deep, without the line break before it.</summary>
    /// <remarks>One scratch writer for all: a report can hold a thousand certificates.</remarks>
    private byte[] Render(CertificateSummary certificate, int depth)
    {
        _scratch.ResetWrittenCount();
        var json = _scratchWriter ??= new Utf8JsonWriter(_scratch, options);
        json.Reset(_scratch);
        for (var i = 0; i < depth; i++)
            json.WriteStartArray();
        json.Flush();
        var before = _scratch.WrittenCount;
        writeObject(json, certificate);
        json.Flush();
        return [.. _scratch.WrittenSpan[before..].TrimStart(" \r\n"u8)];
    }
}
