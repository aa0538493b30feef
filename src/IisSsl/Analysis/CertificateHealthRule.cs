using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// Checks a served certificate itself: validity, private key, Server Authentication EKU, key size and signature hash.
/// Findings are raised once per https binding the certificate serves (one per host name), so each host's
/// test case in a JUnit view shows what is wrong with the certificate it gets; the host name in the message
/// keeps every message distinct.
/// WeakSignature is raised for every SHA-1/MD5/MD2-signed certificate, self-signed ones included: kept simple on
/// purpose, since a client that trusts a self-signed certificate by pinning it is rare on a public IIS site.
/// </summary>
internal static class CertificateHealthRule
{
    private static readonly HashSet<string> WeakSignatureOids = new(StringComparer.Ordinal)
    {
        "1.2.840.113549.1.1.2", // md2RSA
        "1.2.840.113549.1.1.4", // md5RSA
        "1.2.840.113549.1.1.5", // sha1RSA
        "1.2.840.10045.4.1", // sha1ECDSA
        "1.2.840.10040.4.3", // sha1DSA
    };

    public static IEnumerable<CertificateProblem> Problems(CertificateInfo certificate, AnalysisOptions options)
    {
        if (certificate.NotAfter < options.Now)
            yield return new CertificateProblem(FindingCodes.CertificateExpired, Severity.Error, $"expired on {Describe.Date(certificate.NotAfter)}");
        else if (certificate.NotBefore > options.Now)
            yield return new CertificateProblem(FindingCodes.CertificateNotYetValid, Severity.Error, $"is not valid before {Describe.Date(certificate.NotBefore)}");
        else if (certificate.NotAfter - options.Now < TimeSpan.FromDays(options.ExpiryWarningDays))
        {
            var days = Math.Max(0, (int)Math.Floor((certificate.NotAfter - options.Now).TotalDays));
            yield return new CertificateProblem(FindingCodes.CertificateExpiresSoon, Severity.Warning,
                $"expires on {Describe.Date(certificate.NotAfter)}, in {days} day{(days == 1 ? "" : "s")} (warning threshold {options.ExpiryWarningDays} days)");
        }

        if (certificate.HasPrivateKey == false)
            yield return new CertificateProblem(FindingCodes.MissingPrivateKey, Severity.Error, "has no private key, so HTTP.SYS cannot complete the handshake with it");
        if (certificate.ServerAuthentication == false)
            yield return new CertificateProblem(FindingCodes.NotServerAuthentication, Severity.Error, "has no Server Authentication EKU (1.3.6.1.5.5.7.3.1), so clients reject it for a web server");
        if (IsWeakKey(certificate))
            yield return new CertificateProblem(FindingCodes.WeakKey, Severity.Error, $"has a weak {certificate.KeyAlgorithm} {certificate.KeySize}-bit key (minimum RSA 2048, ECDSA 256)");
        if (IsWeakSignature(certificate.SignatureAlgorithm))
            yield return new CertificateProblem(FindingCodes.WeakSignature, Severity.Warning, $"is signed with {certificate.SignatureAlgorithm}, which browsers no longer accept (use SHA-256 or better)");
    }

    private static bool IsWeakKey(CertificateInfo certificate) => certificate.KeyAlgorithm switch
    {
        "RSA" => certificate.KeySize < 2048,
        "ECDSA" => certificate.KeySize < 256,
        _ => false,
    };

    private static bool IsWeakSignature(string algorithm) =>
        WeakSignatureOids.Contains(algorithm)
        || algorithm.Contains("sha1", StringComparison.OrdinalIgnoreCase)
        || algorithm.Contains("md5", StringComparison.OrdinalIgnoreCase)
        || algorithm.Contains("md2", StringComparison.OrdinalIgnoreCase);
}
