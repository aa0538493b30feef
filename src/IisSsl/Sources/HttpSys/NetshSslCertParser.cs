using System.Globalization;
using System.Net;
using IisSsl.Model;

namespace IisSsl.Sources.HttpSys;

/// <summary>
/// Parses the English output of <c>netsh http show sslcert</c>: blocks of <c>Label : value</c> lines, each
/// opened by an <c>IP:port</c>, <c>Hostname:port</c> or <c>Central Certificate Store</c> (<c>CCS:port</c>) line.
/// Fields other than the hash, app id and store name are kept verbatim in <see cref="SslCertBinding.Settings"/>;
/// the lines under an <c>Extended Properties:</c> heading are kept as <c>Extended Properties[n].Label</c> (their
/// properties vary by build). Refused, never guessed: a record label outside <see cref="NetshLabels"/>, a repeated
/// record key, and localized output (netsh translates its labels; the JSON snapshot is the way to read such a server).
/// netsh's own "The system cannot find the file specified." (a query for one record that does not exist) is no record.
/// </summary>
public static class NetshSslCertParser
{
    public const string ExtendedPropertiesPrefix = "Extended Properties";

    private const string HashLabel = NetshLabels.Hash;
    private const string AppIdLabel = NetshLabels.AppId;
    private const string StoreLabel = NetshLabels.Store;

    /// <param name="text">The whole output; CRLF or LF line ends.</param>
    /// <param name="source">The file (or command) it came from, for locations and messages.</param>
    /// <exception cref="InvalidInputException">
    /// An unknown or translated label, a repeated record key, or a line that is not <c>Label : value</c>.
    /// </exception>
    public static HttpSysState Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), source);
    }

    /// <inheritdoc cref="Parse(string, string)"/>
    internal static HttpSysState Parse(ReadOnlySpan<char> text, string source)
    {
        var lines = new Lines(source);
        foreach (var range in text.Split('\n'))
            lines.Read(text[range]);
        return lines.End();
    }

    /// <summary>The saved output at <paramref name="path"/>, read a chunk at a time (see <see cref="RecordedTextFile"/>).</summary>
    /// <inheritdoc cref="Parse(string, string)"/>
    internal static HttpSysState ParseFile(string path, int chunkBytes = RecordedTextFile.ChunkBytes)
    {
        var lines = new Lines(path);
        RecordedTextFile.ReadLines(path, lines.Read, chunkBytes);
        return lines.End();
    }

    private static bool IsHeading(ReadOnlySpan<char> line) =>
        line.Trim('-').IsEmpty
        || line.Equals(NetshLabels.EnglishHeading, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The separator is the first colon that has white space (or the line end) next to it, so the colons in
    /// labels (<c>IP:port</c>) and values (<c>[::]:443</c>, <c>{guid}</c>) are left alone.
    /// </summary>
    private static bool TrySplit(ReadOnlySpan<char> line, out ReadOnlySpan<char> label, out ReadOnlySpan<char> value)
    {
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] != ':')
                continue;
            var spaceBefore = char.IsWhiteSpace(line[i - 1]);
            var spaceOrEndAfter = i == line.Length - 1 || char.IsWhiteSpace(line[i + 1]);
            if (spaceBefore || spaceOrEndAfter)
            {
                label = line[..i].TrimEnd();
                value = line[(i + 1)..].Trim();
                return !label.IsEmpty;
            }
        }

        label = value = default;
        return false;
    }

    private static SslCertBindingKind? RecordKind(ReadOnlySpan<char> label) =>
        Is(label, "IP:port") ? SslCertBindingKind.IpPort
        : Is(label, "Hostname:port") ? SslCertBindingKind.HostnamePort
        : Is(label, "Central Certificate Store") || Is(label, "CCS:port") || Is(label, "CCS") ? SslCertBindingKind.CentralCertificateStore
        : null;

    private static bool Is(ReadOnlySpan<char> label, string expected) => label.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static string Shorten(ReadOnlySpan<char> line) => line.Length <= 60 ? line.ToString() : string.Concat(line[..57], "...");

    /// <summary>
    /// The lines of one output, in order: ended by LF or CRLF (the CR is trimmed with the other white space), numbered
    /// from 1 for the messages.
    /// </summary>
    private sealed class Lines(string source)
    {
        private readonly List<SslCertBinding> _bindings = [];
        private readonly UniqueRecordKeys _keys = new(source);
        private readonly SharedByRecords _shared = new();
        private RecordBuilder? _record;
        private int _lineNumber;

        public void Read(ReadOnlySpan<char> text)
        {
            _lineNumber++;
            var line = text.Trim();
            if (line.IsEmpty || IsHeading(line))
                return;

            // The answer to a query for one record that does not exist; what follows needs a record label of its own.
            if (line.Equals(NetshLabels.NoRecord, StringComparison.OrdinalIgnoreCase))
            {
                Finish();
                return;
            }

            if (!TrySplit(line, out var label, out var value))
            {
                throw new InvalidInputException(
                    NetshLabels.LooksTranslated(line) ? NetshLabels.NotEnglish(Shorten(line)) : $"'{Shorten(line)}' is not a 'Label : value' line of 'netsh http show sslcert' output",
                    source, _lineNumber);
            }

            if (RecordKind(label) is { } kind)
            {
                Finish();
                _record = RecordBuilder.Start(kind, label, value, new SourceLocation(source, _lineNumber), _shared);
                return;
            }

            if (_record is null)
            {
                // A heading other than the English one ("SSL-Zertifikatbindungen:") is the first sign of a translated output.
                var problem = NetshLabels.LooksTranslated(label) || (value.IsEmpty && !NetshLabels.IsRecordField(label))
                    ? NetshLabels.NotEnglish(label)
                    : $"'{label}' is not a record label netsh prints (IP:port, Hostname:port, Central Certificate Store), and no record is open for it";
                throw new InvalidInputException(problem, source, _lineNumber);
            }

            _record.Add(label, value, _lineNumber);
        }

        public HttpSysState End()
        {
            Finish();
            return new HttpSysState(source, _bindings);
        }

        private void Finish()
        {
            if (_record is null)
                return;
            var binding = _record.Build();
            _keys.Add(binding);
            _bindings.Add(binding);
            _record = null;
        }
    }

    /// <summary>What the records of one output share: they print the same labels, values, settings and certificates.</summary>
    private sealed class SharedByRecords
    {
        public StringPool Pool { get; } = new();

        public RecordSettings Settings { get; } = new();

        public Thumbprints Thumbprints { get; } = new();
    }

    private sealed class RecordBuilder
    {
        private readonly RecordSettings _settings;
        private readonly Thumbprints _thumbprints;
        private readonly StringPool _pool;
        private readonly SourceLocation _location;
        private readonly SslCertBindingKind _kind;
        private readonly int _port;
        private readonly IPAddress? _address;
        private readonly HostName? _host;
        private string? _thumbprint;
        private string _storeName = "MY";
        private Guid _appId;
        private int _extendedBlocks;
        private bool _inExtendedBlock;
        private int _lines;

        private RecordBuilder(SslCertBindingKind kind, int port, IPAddress? address, HostName? host, SourceLocation location, SharedByRecords shared)
        {
            _kind = kind;
            _port = port;
            _address = address;
            _host = host;
            _location = location;
            _pool = shared.Pool;
            _settings = shared.Settings;
            _thumbprints = shared.Thumbprints;
            _settings.Clear();
        }

        public static RecordBuilder Start(SslCertBindingKind kind, ReadOnlySpan<char> label, ReadOnlySpan<char> value, SourceLocation location, SharedByRecords shared)
        {
            switch (kind)
            {
                case SslCertBindingKind.IpPort:
                    if (!NetshKeys.TryParseIpPort(value, out var address, out var port))
                        throw Invalid(NotValid(value, label) + " (expected e.g. 0.0.0.0:443 or [::]:443)", location);
                    return new RecordBuilder(kind, port, address, null, location, shared);

                case SslCertBindingKind.HostnamePort:
                    if (!NetshKeys.TrySplitPort(value, out var name, out port))
                        throw Invalid(NotValid(value, label) + " (expected e.g. www.example.com:443)", location);
                    // Early IIS 8 wrote the Central Certificate Store record as hostnameport=*:443.
                    if (name is "*")
                        return new RecordBuilder(SslCertBindingKind.CentralCertificateStore, port, null, null, location, shared);
                    if (!HostName.TryParse(name.ToString(), out var host, out var error))
                        throw Invalid($"{NotValid(value, label)}: {error}", location);
                    return new RecordBuilder(kind, port, null, host, location, shared);

                default:
                    var portText = value.Contains(':') ? value[(value.LastIndexOf(':') + 1)..] : value;
                    if (!NetshKeys.TryParsePort(portText, out port))
                        throw Invalid(NotValid(value, label) + " (expected a port, e.g. 443)", location);
                    return new RecordBuilder(kind, port, null, null, location, shared);
            }
        }

        public void Add(ReadOnlySpan<char> label, ReadOnlySpan<char> value, int line)
        {
            if (label.Equals(ExtendedPropertiesPrefix, StringComparison.OrdinalIgnoreCase))
            {
                _inExtendedBlock = true;
                _extendedBlocks++;
                return;
            }

            if (_inExtendedBlock)
            {
                // Extended properties vary by build and are kept as they are; a record's own line here means the record
                // label that should have opened a new record is missing (or mistyped), so its lines would join this one.
                if (NetshLabels.IsRecordField(label))
                {
                    throw new InvalidInputException(
                        $"'{label}' follows the Extended Properties of the record at line {_location.Line}: the record label that opens its own record "
                        + "(IP:port, Hostname:port, Central Certificate Store) is missing or is not one netsh prints", _location.File, line);
                }

                if (NetshLabels.LooksTranslated(label))
                    throw new InvalidInputException(NetshLabels.NotEnglish(label), _location.File, line);
            }
            else
            {
                if (!NetshLabels.IsRecordField(label))
                    throw new InvalidInputException(NetshLabels.LooksTranslated(label) ? NetshLabels.NotEnglish(label) : NetshLabels.Unknown(label), _location.File, line);

                if (Is(label, HashLabel))
                {
                    _thumbprint = IsNull(value) ? null : Thumbprint(value, line);
                    return;
                }

                if (Is(label, AppIdLabel))
                {
                    _appId = IsNull(value) ? Guid.Empty : AppId(value, line);
                    return;
                }

                if (Is(label, StoreLabel))
                {
                    _storeName = IsNull(value) ? "MY" : _pool.Get(value);
                    return;
                }
            }

            var place = 2 * _lines++;
            var key = _inExtendedBlock ? ExtendedKey(label) : _pool.Get(label, place);
            if (!_settings.TryAdd(key, _pool.Get(value, place + 1)))
                throw new InvalidInputException($"'{label}' appears twice in the record that starts at line {_location.Line}", _location.File, line);
        }

        public SslCertBinding Build() =>
            new(_kind, _port, _address, _host, _thumbprint, _storeName, _appId, _location) { Settings = _settings.Build() };

        /// <summary><c>Extended Properties[n].Label</c>, pooled like the labels (formatted on the stack when it fits).</summary>
        private string ExtendedKey(ReadOnlySpan<char> label)
        {
            Span<char> key = stackalloc char[128];
            var block = _extendedBlocks - 1;
            return key.TryWrite(CultureInfo.InvariantCulture, $"{ExtendedPropertiesPrefix}[{block}].{label}", out var length)
                ? _pool.Get(key[..length])
                : string.Create(CultureInfo.InvariantCulture, $"{ExtendedPropertiesPrefix}[{block}].{label}");
        }

        private static bool IsNull(ReadOnlySpan<char> value) => value.IsEmpty || value.Equals("(null)", StringComparison.OrdinalIgnoreCase);

        private string Thumbprint(ReadOnlySpan<char> value, int line) =>
            _thumbprints.Normalise(value)
            ?? throw new InvalidInputException($"{HashLabel} '{value}' is not a hexadecimal SHA-1 thumbprint", _location.File, line);

        private Guid AppId(ReadOnlySpan<char> value, int line) =>
            Guid.TryParse(value, out var id)
                ? id
                : throw new InvalidInputException($"{AppIdLabel} '{value}' is not a GUID", _location.File, line);

        private static string NotValid(ReadOnlySpan<char> value, ReadOnlySpan<char> label) => $"'{value}' is not a valid {label} value";

        private static InvalidInputException Invalid(string problem, SourceLocation location) =>
            new(problem, location.File, location.Line);
    }
}
