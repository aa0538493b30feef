using System.Globalization;
using System.Net;
using System.Text.Json;
using IisSsl.Model;

namespace IisSsl.Sources.HttpSys;

/// <summary>
/// Streams a JSON snapshot with <see cref="Utf8JsonReader"/>, keeping the line of every record so errors and
/// findings can point at it. Property names are matched case-insensitively; unknown ones are errors (typos), and so is
/// a record key that appears twice (HTTP.SYS holds one record per key).
/// </summary>
internal sealed class HttpSysSnapshotReader(byte[] utf8, string source)
{
    private int _lineCursor;
    private int _line = 1;

    public HttpSysState Read(JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(utf8, options);
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Invalid("a snapshot is a JSON object: { \"version\": 1, \"sslCertBindings\": [ ... ] }", ref reader);

        int? version = null;
        var bindings = new List<SslCertBinding>();
        var keys = new UniqueRecordKeys(source);
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = Text(ref reader);
            Next(ref reader);
            if (Is(name, SnapshotProperties.Version))
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var v) || v != HttpSysSnapshotFormat.CurrentVersion)
                    throw Invalid($"'version' must be {HttpSysSnapshotFormat.CurrentVersion} (the only snapshot format this tool knows)", ref reader);
                version = v;
            }
            else if (Is(name, SnapshotProperties.SslCertBindings))
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                    throw Invalid("'sslCertBindings' must be an array of records", ref reader);
                while (Next(ref reader) != JsonTokenType.EndArray)
                {
                    var binding = ReadBinding(ref reader);
                    keys.Add(binding);
                    bindings.Add(binding);
                }
            }
            else
            {
                throw Invalid($"unknown property '{name}' (expected 'version' and 'sslCertBindings')", ref reader);
            }
        }

        if (reader.Read())
            throw Invalid("unexpected content after the snapshot object", ref reader);
        if (version is null)
            throw new InvalidInputException($"'version' is missing (expected {HttpSysSnapshotFormat.CurrentVersion})", source, 1);
        return new HttpSysState(source, bindings);
    }

    private SslCertBinding ReadBinding(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Invalid("each entry of 'sslCertBindings' must be an object", ref reader);

        var location = new SourceLocation(source, LineOf(ref reader));
        SslCertBinding? key = null;
        string? thumbprint = null;
        var store = "MY";
        var appId = Guid.Empty;
        IReadOnlyDictionary<string, string> settings = new Dictionary<string, string>();
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = Text(ref reader);
            Next(ref reader);
            if (Is(name, SnapshotProperties.IpPort) || Is(name, SnapshotProperties.HostnamePort) || Is(name, SnapshotProperties.Ccs))
            {
                if (key is not null)
                    throw Invalid("a record has exactly one of 'ipport', 'hostnameport' and 'ccs'", ref reader);
                key = ReadKey(name, ref reader, location);
            }
            else if (Is(name, SnapshotProperties.CertificateHash))
            {
                var text = ReadString(name, ref reader);
                thumbprint = string.IsNullOrEmpty(text) ? null
                    : NetshKeys.NormaliseThumbprint(text) ?? throw Invalid($"'{name}' '{text}' is not a hexadecimal SHA-1 thumbprint", ref reader);
            }
            else if (Is(name, SnapshotProperties.CertificateStoreName))
            {
                var text = ReadString(name, ref reader);
                store = string.IsNullOrEmpty(text) ? "MY" : text;
            }
            else if (Is(name, SnapshotProperties.AppId))
            {
                var text = ReadString(name, ref reader);
                appId = string.IsNullOrEmpty(text) ? Guid.Empty
                    : Guid.TryParse(text, out var id) ? id : throw Invalid($"'{name}' '{text}' is not a GUID", ref reader);
            }
            else if (Is(name, SnapshotProperties.Settings))
            {
                settings = ReadSettings(ref reader);
            }
            else
            {
                throw Invalid($"unknown record property '{name}'", ref reader);
            }
        }

        if (key is null)
            throw new InvalidInputException("a record needs one of 'ipport', 'hostnameport' or 'ccs'", source, location.Line);
        return key with { Thumbprint = thumbprint, StoreName = store, AppId = appId, Location = location, Settings = settings };
    }

    private SslCertBinding ReadKey(string name, ref Utf8JsonReader reader, SourceLocation location)
    {
        if (Is(name, SnapshotProperties.Ccs))
        {
            var ok = reader.TokenType == JsonTokenType.Number
                ? reader.TryGetInt32(out var port) && port is > 0 and <= 65535
                : NetshKeys.TryParsePort(ReadString(name, ref reader) ?? string.Empty, out port);
            return ok
                ? new SslCertBinding(SslCertBindingKind.CentralCertificateStore, port, Location: location)
                : throw Invalid("'ccs' must be a port number (1-65535)", ref reader);
        }

        var text = ReadString(name, ref reader) ?? string.Empty;
        if (Is(name, SnapshotProperties.IpPort))
        {
            return NetshKeys.TryParseIpPort(text, out var address, out var port)
                ? new SslCertBinding(SslCertBindingKind.IpPort, port, address, Location: location)
                : throw Invalid($"'ipport' '{text}' is not IP:port (e.g. 0.0.0.0:443 or [::]:443)", ref reader);
        }

        if (!NetshKeys.TrySplitPort(text, out var hostText, out var hostPort))
            throw Invalid($"'hostnameport' '{text}' is not name:port (e.g. www.example.com:443)", ref reader);
        if (!HostName.TryParse(hostText, out var host, out var error))
            throw Invalid($"'hostnameport' '{text}': {error}", ref reader);
        return new SslCertBinding(SslCertBindingKind.HostnamePort, hostPort, Host: host, Location: location);
    }

    private Dictionary<string, string> ReadSettings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Invalid("'settings' must be an object of text values", ref reader);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = Text(ref reader);
            Next(ref reader);
            var value = reader.TokenType switch
            {
                JsonTokenType.String => Text(ref reader),
                JsonTokenType.Number when reader.TryGetDouble(out var number) && double.IsFinite(number) => number.ToString(CultureInfo.InvariantCulture),
                _ => throw Invalid($"setting '{name}' must be text or a finite number", ref reader),
            };
            if (!settings.TryAdd(name, value))
                throw Invalid($"setting '{name}' appears twice", ref reader);
        }

        return settings;
    }

    private string? ReadString(string name, ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => Text(ref reader),
        JsonTokenType.Null => null,
        _ => throw Invalid($"'{name}' must be a string", ref reader),
    };

    /// <summary>The string token's text; invalid UTF-8 or a lone surrogate escape (<c>"\ud800"</c>) is bad input, not a crash.</summary>
    private string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw Invalid($"a string is not valid UTF-8 or holds a lone surrogate escape ({e.Message.Split(". ")[0].TrimEnd('.')})", ref reader);
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw new JsonException("The snapshot ends too early.", null, null, null);
        return reader.TokenType;
    }

    private static bool Is(string name, string expected) => name.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private InvalidInputException Invalid(string problem, ref Utf8JsonReader reader) => new(problem, source, LineOf(ref reader));

    /// <summary>The 1-based line of the current token; tokens only move forward, so counting stays linear.</summary>
    private int LineOf(ref Utf8JsonReader reader)
    {
        var position = (int)Math.Min(reader.TokenStartIndex, utf8.Length);
        if (position < _lineCursor)
        {
            _lineCursor = 0;
            _line = 1;
        }

        _line += utf8.AsSpan(_lineCursor, position - _lineCursor).Count((byte)'\n');
        _lineCursor = position;
        return _line;
    }
}
