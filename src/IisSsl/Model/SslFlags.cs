namespace IisSsl.Model;

/// <summary>
/// The IIS binding <c>sslFlags</c> bitmask. Unknown bits are kept as they are; test bits with
/// <see cref="Enum.HasFlag"/> or <c>&amp;</c>, never with <c>==</c>.
/// </summary>
[Flags]
public enum SslFlags : uint
{
    None = 0,
    Sni = 1,
    CentralCertStore = 2,
    DisableHttp2 = 4,
    DisableOcspStapling = 8,
    DisableQuic = 16,
    DisableTls13OverTcp = 32,
    DisableLegacyTls = 64,

    /// <summary>Negotiate a client certificate during the handshake (Windows Server 2025; reference §11).</summary>
    NegotiateClientCert = 128,
}
