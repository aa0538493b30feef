using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace IisSsl.Probing;

/// <summary>
/// What one handshake showed. On success <see cref="Leaf"/> is the presented certificate, <see cref="PresentedChain"/>
/// the other certificates the server sent, and <see cref="TrustProblem"/> why the chain is not trusted (null = trusted).
/// </summary>
internal sealed record HandshakeResult(
    HandshakeRequest Request,
    HandshakeOutcome Outcome,
    string? Error = null,
    X509Certificate2? Leaf = null,
    IReadOnlyList<X509Certificate2>? PresentedChain = null,
    string? TrustProblem = null,
    SslProtocols Protocol = SslProtocols.None,
    TlsCipherSuite? Cipher = null,
    HttpAnswer? Http = null,
    int Attempts = 1)
{
    public bool Succeeded => Outcome == HandshakeOutcome.Succeeded && Leaf is not null;

    public bool FailedToConnect => Outcome is HandshakeOutcome.ConnectionFailed or HandshakeOutcome.Timeout;
}
