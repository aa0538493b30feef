using IisSsl.Model;

namespace IisSsl.Probing;

/// <summary>One TLS handshake to make: <see cref="Host"/> is the SNI name, or null for a handshake without SNI.</summary>
internal sealed record HandshakeRequest(int EndpointIndex, ProbeTarget Target, HostName? Host)
{
    public override string ToString() => Host is null ? $"{Target} (no SNI)" : $"{Target} SNI={Host}";
}
