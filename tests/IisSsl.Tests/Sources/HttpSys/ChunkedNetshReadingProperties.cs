using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IisSsl.Sources.HttpSys;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.HttpSys;

/// <summary>
/// Generated netsh outputs (records of every kind, extended properties, blank lines, CRLF or LF or both, sometimes
/// one bad line) in every encoding the tool accepts, read in chunks of any size: the records, or the refusal and its
/// line, are those of the whole text parsed at once.
/// </summary>
public sealed class ChunkedNetshReadingProperties
{
    private static readonly (string Label, string[] Values)[] FieldChoices =
    [
        ("Application ID", ["{4dc3e181-e14b-4a21-b022-59fc669b0914}", "(null)"]),
        ("Certificate Store Name", ["My", "(null)", "WebHosting"]),
        ("Verify Client Certificate Revocation", ["Enabled", "Disabled"]),
        ("Usage Check", ["Enabled"]),
        ("Revocation Freshness Time", ["0", "3600"]),
        ("Ctl Identifier", ["(null)"]),
        ("Ctl Store Name", ["(null)", "Frühling"]),
        ("Negotiate Client Certificate", ["Disabled"]),
        ("Disable HTTP2", ["Not Set", "Set"]),
        ("Disable TLS1.3", ["Not Set"]),
    ];

    /// <summary>Lines a damaged, edited or translated output has; each is either refused or changes what is read.</summary>
    private static readonly string[] BadLines =
    [
        "this line is garbled",
        "    Usage Chek                   : Enabled",
        "    Zertifikathash               : 61d34f532da121bbab64723c4871e72c92f03735",
        "    Certificate Hash             : zz",
        "    IP:port                      : 0.0.0.0:99999",
        "    IP:port                      : 10.0.0.0:443",
        "    Disable HTTP2                : Set",
        "SSL-Zertifikatbindungen:",
        "The system cannot find the file specified.",
        "    Extended Properties:",
    ];

    private static readonly Encoding[] Encodings = [Encoding.UTF8, new UTF8Encoding(true), Encoding.Unicode, new UnicodeEncoding(false, false), Encoding.BigEndianUnicode];

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Any_output_reads_the_same_in_chunks_of_any_size_as_parsed_whole() =>
        Prop.ForAll(Outputs().ToArbitrary(), Gen.Choose(1, 300).ToArbitrary(), (output, chunk) =>
        {
            using var dir = new TempDirectory();
            var path = dir.Combine("sslcert.txt");
            File.WriteAllBytes(path, output.Bytes);

            var whole = NetshOutcome.Of(() => NetshSslCertParser.Parse(output.Text, path));
            var chunked = NetshOutcome.Of(() => NetshSslCertParser.ParseFile(path, chunk));
            return (chunked == whole).Label($"{output}, chunks of {chunk}\nwhole:   {whole}\nchunked: {chunked}");
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Any_bytes_split_into_the_same_lines_in_chunks_of_any_size_as_decoded_whole() =>
        Prop.ForAll(Bytes().ToArbitrary(), Gen.Choose(1, 300).ToArbitrary(), (bytes, chunk) =>
        {
            using var dir = new TempDirectory();
            var path = dir.Combine("t.txt");
            File.WriteAllBytes(path, bytes);

            var whole = NetshOutcome.WholeFileLinesOf(path);
            var chunked = NetshOutcome.LinesOf(path, chunk);
            return whole.SequenceEqual(chunked).Label($"{Convert.ToHexString(bytes)} in chunks of {chunk}");
        });

    public sealed record Output(string Text, byte[] Bytes, string Encoding, GeneratedRecord[] Records, bool Damaged)
    {
        public override string ToString() => $"{Encoding}:\n{Text}";
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Each_record_keeps_the_settings_its_own_lines_give_when_records_repeat_or_change_them() =>
        Prop.ForAll(Outputs().Where(o => !o.Damaged).ToArbitrary(), output =>
        {
            using var dir = new TempDirectory();
            var path = dir.Combine("sslcert.txt");
            File.WriteAllBytes(path, output.Bytes);

            var bindings = new NetshSslCertText(path).Read().Bindings;
            return (bindings.Count == output.Records.Length
                    && bindings.Zip(output.Records).All(pair => pair.First.Settings.SequenceEqual(pair.Second.Settings())))
                .Label(output.ToString());
        });

    /// <summary>Most records print the lines and values of the others (as a real server's do); some differ.</summary>
    private static Gen<Output> Outputs() =>
        from common in FieldValues()
        from records in Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Record(Gen.Frequency((2, Gen.Constant(common)), (1, FieldValues()))), n))
        from heading in Gen.Elements(true, false)
        from badLine in Gen.Frequency((2, Gen.Constant<string?>(null)), (1, Gen.Elements(BadLines).Select(l => (string?)l)))
        from badAt in Gen.Choose(0, 1000)
        from endings in Gen.Choose(0, 2)
        from encoding in Gen.Choose(0, Encodings.Length - 1)
        select Render(records, heading, badLine, badAt, endings, Encodings[encoding]);

    /// <summary>A record without its key: the key is numbered when the output is put together, so keys repeat only on purpose.</summary>
    private static Gen<GeneratedRecord> Record(Gen<int[]> fieldValues) =>
        from kind in Gen.Choose(0, 2)
        from hash in Gen.Elements("61d34f532da121bbab64723c4871e72c92f03735", "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567", "aa bb cc dd")
        from fields in fieldValues
        from extended in Gen.Frequency((3, Gen.Constant(1)), (1, Gen.Choose(0, 2)))
        select new GeneratedRecord(kind, hash, fields, extended);

    /// <summary>For each of <see cref="FieldChoices"/>, which value the record prints (-1: the line is left out).</summary>
    private static Gen<int[]> FieldValues() => Gen.ArrayOf(Gen.Choose(-1, 3), FieldChoices.Length);

    public sealed record GeneratedRecord(int Kind, string Hash, int[] FieldValues, int ExtendedBlocks)
    {
        public string[] Lines(int index) =>
        [
            Kind switch
            {
                0 => Line("IP:port", $"10.0.{index / 250}.{index % 250}:443"),
                1 => Line("Hostname:port", $"site{index}.example.com:443"),
                _ => Line("Central Certificate Store", $"{443 + index}"),
            },
            Line("Certificate Hash", Hash),
            .. Present().Select(f => Line(f.Label, f.Value)),
            .. Enumerable.Range(0, ExtendedBlocks).SelectMany(p => new[] { " Extended Properties:", Line("PropertyId", $"{p}"), Line("Receive Window", "1048576") }),
        ];

        /// <summary>What <see cref="Model.SslCertBinding.Settings"/> holds for this record, in the order of its lines.</summary>
        public IEnumerable<KeyValuePair<string, string>> Settings() =>
        [
            .. Present().Where(f => f.Label is not "Application ID" and not "Certificate Store Name").Select(f => KeyValuePair.Create(f.Label, f.Value)),
            .. Enumerable.Range(0, ExtendedBlocks).SelectMany(p => new[]
            {
                KeyValuePair.Create($"Extended Properties[{p}].PropertyId", $"{p}"), KeyValuePair.Create($"Extended Properties[{p}].Receive Window", "1048576"),
            }),
        ];

        private IEnumerable<(string Label, string Value)> Present() =>
            FieldValues.Select((v, f) => (v, f)).Where(x => x.v >= 0).Select(x => (FieldChoices[x.f].Label, FieldChoices[x.f].Values[x.v % FieldChoices[x.f].Values.Length]));
    }

    private static string Line(string label, string value) => $"    {label,-28} : {value}";

    private static Output Render(GeneratedRecord[] records, bool heading, string? badLine, int badAt, int endings, Encoding encoding)
    {
        List<string> lines = heading ? [string.Empty, "SSL Certificate bindings:", "-------------------------", string.Empty] : [];
        for (var i = 0; i < records.Length; i++)
            lines.AddRange([.. records[i].Lines(i), string.Empty]);
        if (badLine is not null)
            lines.Insert(badAt % (lines.Count + 1), badLine);

        // CRLF as netsh writes it, LF as an editor may save it, or both in one file.
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
            text.Append(lines[i]).Append(endings == 0 || (endings == 2 && i % 3 == 0) ? "\r\n" : "\n");
        var name = encoding is UnicodeEncoding && encoding.GetPreamble().Length == 0 ? "UTF-16 LE without a BOM" : encoding.WebName + (encoding.GetPreamble().Length > 0 ? " with a BOM" : string.Empty);
        return new Output(text.ToString(), [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())], name, records, badLine is not null);
    }

    /// <summary>Text in any of the encodings with stray bytes in it: invalid UTF-8, lone surrogates, an odd length, CRs and LFs.</summary>
    private static Gen<byte[]> Bytes()
    {
        var piece = Gen.Elements("IP:port : 0.0.0.0:443", "\r\n", "\n", "\r", "é", "€", "😀", new string('x', 70), string.Empty);
        var encoded = from encoding in Gen.Elements(Encodings)
                      from pieces in Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(piece, n))
                      select (byte[])[.. encoding.GetPreamble(), .. encoding.GetBytes(string.Concat(pieces))];
        return from text in encoded
               from stray in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 3)
               from at in Gen.ArrayOf(Gen.Choose(0, 10000), 3)
               from strays in Gen.Choose(0, 3)
               select Insert(text, stray[..strays], at);
    }

    private static byte[] Insert(byte[] text, byte[] stray, int[] at)
    {
        var bytes = text.ToList();
        for (var i = 0; i < stray.Length; i++)
            bytes.Insert(at[i] % (bytes.Count + 1), stray[i]);
        return [.. bytes];
    }
}
