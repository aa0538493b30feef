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
public sealed record CertificateInfo
{
    public const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    private readonly Lazy<X509Certificate2> _certificate;

    /// <param name="loadCertificate">Builds <see cref="Certificate"/> on its first use (once, whichever thread asks).</param>
    internal CertificateInfo(Func<X509Certificate2> loadCertificate) =>
        _certificate = new Lazy<X509Certificate2>(loadCertificate, LazyThreadSafetyMode.ExecutionAndPublication);

    private CertificateInfo(X509Certificate2 certificate) => _certificate = new Lazy<X509Certificate2>(certificate);

    public required string Thumbprint { get; init; }

    public required string Subject { get; init; }

    public required IReadOnlyList<string> DnsNames { get; init; }

    public required IReadOnlyList<IPAddress> IpAddresses { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset NotAfter { get; init; }

    public required string KeyAlgorithm { get; init; }

    public required int KeySize { get; init; }

    public required string SignatureAlgorithm { get; init; }

    public required bool? ServerAuthentication { get; init; }

    public required bool? HasPrivateKey { get; init; }

    public required string Source { get; init; }

    /// <summary>
    /// The certificate itself. Sources that read the facts from the DER without the crypto library load it only
    /// here, on first use.
    /// </summary>
    /// <exception cref="InvalidInputException">The certificate file cannot be loaded.</exception>
    public X509Certificate2 Certificate => _certificate.Value;

    /// <summary>Reads the facts of <paramref name="certificate"/>. No I/O.</summary>
    public static CertificateInfo From(X509Certificate2 certificate, string source, bool? hasPrivateKey)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        var (algorithm, size) = CertificateKey.Of(certificate);
        return new CertificateInfo(certificate)
        {
            Thumbprint = certificate.Thumbprint.ToUpperInvariant(),
            Subject = certificate.Subject,
            DnsNames = DnsNamesOf(san),
            IpAddresses = IpAddressesOf(san),
            NotBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            KeyAlgorithm = algorithm,
            KeySize = size,
            SignatureAlgorithm = SignatureAlgorithmName(certificate.SignatureAlgorithm),
            ServerAuthentication = ServerAuthenticationOf(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault()),
            HasPrivateKey = hasPrivateKey,
            Source = source,
        };
    }

    internal static string[] DnsNamesOf(X509SubjectAlternativeNameExtension? san) =>
        san?.EnumerateDnsNames().Select(NormaliseDnsName).ToArray() ?? [];

    /// <summary>A SAN dNSName as the analysis compares it: lower case, without a trailing dot.</summary>
    internal static string NormaliseDnsName(string name) => name.TrimEnd('.').ToLowerInvariant();

    internal static IPAddress[] IpAddressesOf(X509SubjectAlternativeNameExtension? san) =>
        san?.EnumerateIPAddresses().ToArray() ?? [];

    internal static bool? ServerAuthenticationOf(X509EnhancedKeyUsageExtension? eku) =>
        eku is null ? null : eku.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == ServerAuthenticationOid);

    internal static string SignatureAlgorithmName(Oid algorithm) => algorithm.FriendlyName ?? algorithm.Value ?? "unknown";

    public override string ToString() => $"{Thumbprint} ({Subject})";
}
