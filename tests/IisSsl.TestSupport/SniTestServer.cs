using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace IisSsl.TestSupport;

/// <summary>
/// An in-process TLS server on loopback that picks its certificate by SNI name, the way HTTP.SYS picks a
/// hostnameport record (<see cref="SslServerAuthenticationOptions.ServerCertificateSelectionCallback"/>), and
/// falls back to <c>defaultCertificate</c> (an ipport record) or fails the handshake when there is none.
/// Given intermediates, it sends them after the chosen certificate. After the handshake it answers one HTTP request with <c>site:&lt;Host header&gt;</c> unless told otherwise,
/// and records the SNI name of every handshake (null = the client sent none).
/// </summary>
public sealed class SniTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IReadOnlyDictionary<string, X509Certificate2> _byHost;
    private readonly X509Certificate2? _default;
    private readonly Func<string, (int Status, string Body)> _respond;
    private readonly bool _silent;
    private readonly IReadOnlyList<X509Certificate2> _intermediates;
    private readonly ConcurrentDictionary<X509Certificate2, SslStreamCertificateContext> _contexts = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Socket> _held = [];
    private readonly Task _acceptLoop;

    private SniTestServer(
        IPAddress address,
        IReadOnlyDictionary<string, X509Certificate2> byHost,
        X509Certificate2? defaultCertificate,
        Func<string, (int Status, string Body)>? respond,
        bool silent,
        IReadOnlyList<X509Certificate2>? intermediates = null)
    {
        _intermediates = intermediates ?? [];
        _byHost = byHost;
        _default = defaultCertificate;
        _respond = respond ?? (host => (200, "site:" + host));
        _silent = silent;
        _listener = new TcpListener(address, 0);
        _listener.Start(512);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Address = address;
        _acceptLoop = AcceptLoopAsync();
    }

    public IPAddress Address { get; }

    public int Port { get; }

    /// <summary>How a probe names this server: <c>127.0.0.1:port</c> or <c>[::1]:port</c>.</summary>
    public string Target => Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";

    /// <summary>The SNI name of each handshake, in no particular order; null when the client sent none.</summary>
    public ConcurrentQueue<string?> ServerNames { get; } = new();

    public static SniTestServer Start(
        IReadOnlyDictionary<string, X509Certificate2> byHost,
        X509Certificate2? defaultCertificate = null,
        Func<string, (int Status, string Body)>? respond = null,
        IPAddress? address = null,
        IReadOnlyList<X509Certificate2>? intermediates = null) =>
        new(address ?? IPAddress.Loopback, byHost, defaultCertificate, respond, silent: false, intermediates);

    /// <summary>A server that accepts TCP connections and never says a word: every handshake times out.</summary>
    public static SniTestServer StartSilent() => new(IPAddress.Loopback, new Dictionary<string, X509Certificate2>(), null, null, silent: true);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _held)
            socket.Dispose();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            if (_silent)
            {
                _held.Add(socket);
                continue;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: true));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            if (_intermediates.Count == 0)
            {
                var options = new SslServerAuthenticationOptions { ServerCertificateSelectionCallback = (_, hostName) => Select(hostName) };
                await tls.AuthenticateAsServerAsync(options, timeout.Token);
            }
            else
            {
                // To send intermediates with the chosen certificate, choose a whole certificate context per ClientHello.
                await tls.AuthenticateAsServerAsync(
                    (_, hello, _, _) => ValueTask.FromResult(new SslServerAuthenticationOptions
                    {
                        ServerCertificateContext = _contexts.GetOrAdd(Select(hello.ServerName), c => SslStreamCertificateContext.Create(c, [.. _intermediates], offline: true)),
                    }),
                    null,
                    timeout.Token);
            }

            var host = await ReadHostHeaderAsync(tls, timeout.Token);
            if (host is null)
                return;
            var (status, body) = _respond(host);
            var bytes = Encoding.UTF8.GetBytes(body);
            var head = $"HTTP/1.1 {status} X\r\nContent-Type: text/plain\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
            await tls.WriteAsync(Encoding.ASCII.GetBytes(head), timeout.Token);
            await tls.WriteAsync(bytes, timeout.Token);
            await tls.ShutdownAsync();
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException or InvalidOperationException or SocketException)
        {
            // The client went away, or the handshake failed on purpose (no certificate for that name).
        }
    }

    private X509Certificate2 Select(string? hostName)
    {
        ServerNames.Enqueue(string.IsNullOrEmpty(hostName) ? null : hostName);
        var chosen = hostName is not null && _byHost.TryGetValue(hostName, out var byName) ? byName : _default;
        return chosen ?? throw new InvalidOperationException("no certificate for " + (hostName ?? "a client without SNI"));
    }

    private static async Task<string?> ReadHostHeaderAsync(Stream stream, CancellationToken token)
    {
        var buffer = new byte[8192];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), token);
            if (read == 0)
                return null;
            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            if (!text.Contains("\r\n\r\n", StringComparison.Ordinal))
                continue;
            var line = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Host:", StringComparison.OrdinalIgnoreCase));
            var value = line?["Host:".Length..].Trim() ?? string.Empty;
            var colon = value.LastIndexOf(':');
            return colon > 0 && !value.EndsWith(']') ? value[..colon] : value;
        }

        return null;
    }
}
