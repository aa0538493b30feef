using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IisSsl.Model;

/// <summary>
/// The facts about a certificate that the analysis needs. <see cref="Certificate"/> is kept for name matching
/// through the BCL (<see cref="X509Certificate2.MatchesHostname"/>). <see cref="HasPrivateKey"/> is null
/// when the source cannot tell (a .cer file); <see cref="ServerAuthentication"/> is null when the certificate
/// has no EKU extension (valid for any purpose).
/// </summary>
public sealed record CertificateInfo(
    string Thumbprint,
    string Subject,
    IReadOnlyList<string> DnsNames,
    IReadOnlyList<IPAddress> IpAddresses,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string KeyAlgorithm,
    int KeySize,
    string SignatureAlgorithm,
    bool? ServerAuthentication,
    bool? HasPrivateKey,
    string Source,
    X509Certificate2 Certificate)
{
    public const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>Reads the facts of <paramref name="certificate"/>. No I/O.</summary>
    public static CertificateInfo From(X509Certificate2 certificate, string source, bool? hasPrivateKey)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        var dnsNames = san?.EnumerateDnsNames().Select(n => n.TrimEnd('.').ToLowerInvariant()).ToArray() ?? [];
        var ipAddresses = san?.EnumerateIPAddresses().ToArray() ?? [];
        var eku = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        bool? serverAuth = eku is null
            ? null
            : eku.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == ServerAuthenticationOid);
        var (algorithm, size) = CertificateKey.Of(certificate);
        return new CertificateInfo(
            certificate.Thumbprint.ToUpperInvariant(),
            certificate.Subject,
            dnsNames,
            ipAddresses,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            algorithm,
            size,
            certificate.SignatureAlgorithm.FriendlyName ?? certificate.SignatureAlgorithm.Value ?? "unknown",
            serverAuth,
            hasPrivateKey,
            source,
            certificate);
    }

    public override string ToString() => $"{Thumbprint} ({Subject})";
}
