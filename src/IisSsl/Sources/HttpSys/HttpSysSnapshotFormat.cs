using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IisSsl.Model;

namespace IisSsl.Sources.HttpSys;

/// <summary>
/// The project's own JSON form of HTTP.SYS records (docs/snapshot-format.md):
/// <c>{ "version": 1, "sslCertBindings": [ { "ipport" | "hostnameport" | "ccs", "certificateHash",
/// "certificateStoreName", "appId", "settings" } ] }</c>. Serialising sorts records and settings, so the same
/// state always gives the same bytes.
/// </summary>
public static class HttpSysSnapshotFormat
{
    public const int CurrentVersion = 1;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <exception cref="InvalidInputException">Malformed JSON, or a record that breaks the format (with its line).</exception>
    public static HttpSysState Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
            return HttpSysState.Empty(source);

        var bytes = Encoding.UTF8.GetBytes(json);
        try
        {
            return new HttpSysSnapshotReader(bytes, source).Read(ReaderOptions);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var detail = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
            throw new InvalidInputException($"is not valid JSON: {detail}", source, (int)(e.LineNumber ?? 0) + 1, e);
        }
    }

    public static string Serialize(HttpSysState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber(SnapshotProperties.Version, CurrentVersion);
            writer.WriteStartArray(SnapshotProperties.SslCertBindings);
            foreach (var binding in Ordered(state.Bindings))
                Write(writer, binding);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static IEnumerable<SslCertBinding> Ordered(IEnumerable<SslCertBinding> bindings) =>
        bindings.OrderBy(b => b.Kind).ThenBy(b => b.Port).ThenBy(b => b.Key, StringComparer.Ordinal);

    private static void Write(Utf8JsonWriter writer, SslCertBinding binding)
    {
        writer.WriteStartObject();
        switch (binding.Kind)
        {
            case SslCertBindingKind.IpPort:
                writer.WriteString(SnapshotProperties.IpPort, new Endpoint(binding.Address ?? System.Net.IPAddress.Any, binding.Port).HttpSysKey);
                break;
            case SslCertBindingKind.HostnamePort:
                writer.WriteString(SnapshotProperties.HostnamePort, $"{binding.Host}:{binding.Port}");
                break;
            default:
                writer.WriteNumber(SnapshotProperties.Ccs, binding.Port);
                break;
        }

        if (binding.Thumbprint is not null)
            writer.WriteString(SnapshotProperties.CertificateHash, binding.Thumbprint);
        writer.WriteString(SnapshotProperties.CertificateStoreName, string.IsNullOrEmpty(binding.StoreName) ? "MY" : binding.StoreName);
        writer.WriteString(SnapshotProperties.AppId, binding.AppId.ToString("B"));
        if (binding.Settings.Count > 0)
        {
            writer.WriteStartObject(SnapshotProperties.Settings);
            foreach (var (name, value) in binding.Settings.OrderBy(s => s.Key, StringComparer.Ordinal))
                writer.WriteString(name, value);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
