using System.Globalization;
using IisSsl.Analysis;
using IisSsl.Model;

namespace IisSsl.Probing;

/// <summary>
/// The checks verify makes on a bound certificate, made on a presented one: validity, expiry, purpose, key and
/// signature strength, plus whether the presented chain leads to a trusted root.
/// </summary>
internal static class PresentedCertificateChecks
{
    public static IEnumerable<Finding> Check(CertificateInfo certificate, string? trustProblem, string endpoint, string? hostName, string servedFor, AnalysisOptions options)
    {
        var who = $"The certificate {certificate.Thumbprint} ({certificate.Subject}) presented by {endpoint} {servedFor}";
        if (options.Now > certificate.NotAfter)
            yield return Error(FindingCodes.CertificateExpired, $"{who} expired on {Day(certificate.NotAfter)}.");
        else if (options.Now < certificate.NotBefore)
            yield return Error(FindingCodes.CertificateNotYetValid, $"{who} is not valid before {Day(certificate.NotBefore)}.");
        else if (certificate.NotAfter - options.Now < TimeSpan.FromDays(options.ExpiryWarningDays))
            yield return Warning(FindingCodes.CertificateExpiresSoon, $"{who} expires on {Day(certificate.NotAfter)}, in less than {options.ExpiryWarningDays} days.");

        if (trustProblem is not null)
            yield return Error(FindingCodes.UntrustedChain, $"{who} does not chain to a trusted root: {trustProblem}.");
        if (certificate.ServerAuthentication == false)
            yield return Error(FindingCodes.NotServerAuthentication, $"{who} is not valid for server authentication (its EKU lacks {CertificateInfo.ServerAuthenticationOid}).");
        if (IsWeakKey(certificate))
            yield return Warning(FindingCodes.WeakKey, $"{who} has a weak {certificate.KeyAlgorithm} key of {certificate.KeySize} bits.");
        if (IsWeakSignature(certificate.SignatureAlgorithm))
            yield return Warning(FindingCodes.WeakSignature, $"{who} is signed with {certificate.SignatureAlgorithm}.");

        Finding Error(string code, string message) => new(code, Severity.Error, message, Endpoint: endpoint, HostName: hostName);
        Finding Warning(string code, string message) => new(code, Severity.Warning, message, Endpoint: endpoint, HostName: hostName);
    }

    private static bool IsWeakKey(CertificateInfo certificate) => certificate.KeyAlgorithm switch
    {
        "RSA" => certificate.KeySize < 2048,
        "ECDSA" => certificate.KeySize < 256,
        _ => false,
    };

    private static bool IsWeakSignature(string algorithm) =>
        algorithm.Contains("sha1", StringComparison.OrdinalIgnoreCase) || algorithm.Contains("md5", StringComparison.OrdinalIgnoreCase)
        || algorithm is "1.2.840.113549.1.1.5" or "1.2.840.113549.1.1.4" or "1.2.840.10045.4.1";

    private static string Day(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
