using System.Globalization;
using System.Text;
using IisSsl.Model;

namespace IisSsl.Probing;

/// <summary>
/// A plain HTTP/1.1 GET over an open TLS stream, with the probed name in the Host header, so a probe can tell
/// which site answered. Reads at most <see cref="MaxResponseBytes"/>.
/// </summary>
internal static class HttpCheck
{
    public const int MaxResponseBytes = 64 * 1024;

    public static async Task<HttpAnswer> GetAsync(Stream stream, HostName host, int port, string path, CancellationToken cancellationToken)
    {
        var hostHeader = port == ProbeTarget.DefaultPort ? host.Value : $"{host.Value}:{port}";
        var request = $"GET {path} HTTP/1.1\r\nHost: {hostHeader}\r\nUser-Agent: IisSslNuke-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            var response = await ReadResponseAsync(stream, cancellationToken).ConfigureAwait(false);
            return Parse(response);
        }
        catch (IOException e)
        {
            return new HttpAnswer(null, string.Empty, e.Message);
        }
    }

    internal static HttpAnswer Parse(byte[] response)
    {
        var headerEnd = response.AsSpan().IndexOf("\r\n\r\n"u8);
        var head = Encoding.ASCII.GetString(response, 0, headerEnd < 0 ? response.Length : headerEnd);
        var body = headerEnd < 0 ? [] : response[(headerEnd + 4)..];
        var statusLine = head.Split("\r\n")[0].Split(' ');
        if (statusLine.Length < 2 || !statusLine[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(statusLine[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            return new HttpAnswer(null, Encoding.UTF8.GetString(body), "the answer is not an HTTP response");

        var chunked = head.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase);
        return new HttpAnswer(status, Encoding.UTF8.GetString(chunked ? Dechunk(body) : body));
    }

    private static async Task<byte[]> ReadResponseAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxResponseBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
                break;
            length += read;
            if (IsComplete(buffer.AsSpan(0, length)))
                break;
        }

        return buffer[..length];
    }

    // Servers that ignore "Connection: close" still say how long the body is; stop there instead of waiting.
    private static bool IsComplete(ReadOnlySpan<byte> data)
    {
        var headerEnd = data.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
            return false;
        var head = Encoding.ASCII.GetString(data[..headerEnd]);
        const string header = "\r\ncontent-length:";
        var at = head.IndexOf(header, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return head.Contains("\r\ntransfer-encoding: chunked", StringComparison.OrdinalIgnoreCase) && data.EndsWith("\r\n0\r\n\r\n"u8);
        var end = head.IndexOf("\r\n", at + header.Length, StringComparison.Ordinal);
        var value = (end < 0 ? head[(at + header.Length)..] : head[(at + header.Length)..end]).Trim();
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var contentLength)
            && data.Length - (headerEnd + 4) >= contentLength;
    }

    private static byte[] Dechunk(byte[] body)
    {
        var result = new MemoryStream();
        var at = 0;
        while (at < body.Length)
        {
            var lineEnd = body.AsSpan(at).IndexOf("\r\n"u8);
            if (lineEnd < 0)
                break;
            var sizeText = Encoding.ASCII.GetString(body, at, lineEnd).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size == 0)
                break;
            var start = at + lineEnd + 2;
            result.Write(body, start, Math.Min(size, body.Length - start));
            at = start + size + 2;
        }

        return result.ToArray();
    }
}
