using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace IisSsl.Probing;

/// <summary>
/// Makes one TLS handshake the way a browser would (SNI = the host name, or no SNI at all), captures what the
/// server presents, and optionally asks for the site over the same connection. Never fails the handshake for
/// trust reasons: the chain is judged in the validation callback and recorded, not enforced.
/// </summary>
internal sealed class TlsHandshaker(TrustAnchors trust, TimeSpan timeout, HttpExpectation? http)
{
    public async Task<HandshakeResult> HandshakeAsync(HandshakeRequest request, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var token = deadline.Token;

        Socket socket;
        try
        {
            socket = await ConnectAsync(request.Target, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TimedOut(request, "connecting");
        }
        catch (SocketException e)
        {
            return new HandshakeResult(request, HandshakeOutcome.ConnectionFailed, $"cannot connect to {request.Target}: {e.Message}");
        }

        var captured = new CapturedChain();
        await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            // An empty target host sends no server_name extension: what legacy and IP-literal clients do.
            TargetHost = request.Host?.Value ?? string.Empty,
            CertificateChainPolicy = trust.CreatePolicy(),
            RemoteCertificateValidationCallback = captured.Capture,
        };

        try
        {
            await tls.AuthenticateAsClientAsync(options, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TimedOut(request, "in the TLS handshake");
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            return new HandshakeResult(request, HandshakeOutcome.HandshakeFailed, $"TLS handshake with {request} failed: {Describe(e)}");
        }

        if (captured.Leaf is null)
            return new HandshakeResult(request, HandshakeOutcome.HandshakeFailed, $"TLS handshake with {request} presented no certificate");

        HttpAnswer? answer = null;
        if (http is not null && request.Host is not null)
        {
            try
            {
                answer = await HttpCheck.GetAsync(tls, request.Host, request.Target.Port, http.Path, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                answer = new HttpAnswer(null, string.Empty, $"no HTTP answer within {timeout.TotalSeconds:0.#} s");
            }
        }

        return new HandshakeResult(
            request,
            HandshakeOutcome.Succeeded,
            Leaf: captured.Leaf,
            PresentedChain: captured.Presented,
            TrustProblem: captured.TrustProblem,
            Protocol: tls.SslProtocol,
            Cipher: tls.NegotiatedCipherSuite,
            Http: answer);
    }

    private static async Task<Socket> ConnectAsync(ProbeTarget target, CancellationToken token)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (IPAddress.TryParse(target.Address, out var ip))
                await socket.ConnectAsync(new IPEndPoint(ip, target.Port), token).ConfigureAwait(false);
            else
                await socket.ConnectAsync(target.Address, target.Port, token).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private HandshakeResult TimedOut(HandshakeRequest request, string stage) =>
        new(request, HandshakeOutcome.Timeout, $"{request} did not answer within {timeout.TotalSeconds:0.#} s ({stage})");

    private static string Describe(Exception e)
    {
        var innermost = e;
        while (innermost.InnerException is not null)
            innermost = innermost.InnerException;
        return ReferenceEquals(innermost, e) ? e.Message : $"{e.Message} ({innermost.Message})";
    }

    /// <summary>Copies what the validation callback sees; the callback's chain is disposed once it returns.</summary>
    private sealed class CapturedChain
    {
        private const X509ChainStatusFlags TimeFlags = X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested;

        public X509Certificate2? Leaf { get; private set; }

        public IReadOnlyList<X509Certificate2> Presented { get; private set; } = [];

        public string? TrustProblem { get; private set; }

        public bool Capture(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (certificate is null)
                return true;
            Leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            if (chain is not null)
            {
                // SslStream puts the certificates the server sent into the policy's extra store (the leaf included).
                Presented = [.. chain.ChainPolicy.ExtraStore
                    .Where(c => !string.Equals(c.Thumbprint, Leaf.Thumbprint, StringComparison.OrdinalIgnoreCase))
                    .Select(c => X509CertificateLoader.LoadCertificate(c.RawData))];
                var problems = chain.ChainStatus
                    .Where(s => (s.Status & ~TimeFlags) != X509ChainStatusFlags.NoError)
                    .Select(s => string.IsNullOrWhiteSpace(s.StatusInformation) ? s.Status.ToString() : s.StatusInformation.Trim())
                    .Distinct(StringComparer.Ordinal)
                    .ToArray();
                if (problems.Length > 0)
                    TrustProblem = string.Join("; ", problems);
            }

            if (TrustProblem is null && errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
                TrustProblem = "the chain does not lead to a trusted root";
            if (TrustProblem is not null)
                TrustProblem += Presented.Count == 0
                    ? " (the server sent no intermediate certificate)"
                    : $" (the server also sent {string.Join(", ", Presented.Select(c => c.Subject))})";
            return true;
        }
    }
}
