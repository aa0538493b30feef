using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// Does a certificate cover a host name, the way a browser decides (RFC 6125, SAN only, no CN fallback)?
/// Concrete names go through the BCL's <c>MatchesHostname</c>; an IIS wildcard host header <c>*.a.com</c>
/// stands for an open-ended set of names, so only the same wildcard SAN <c>*.a.com</c> covers it.
/// </summary>
public static class CertificateNameMatcher
{
    public static bool Covers(CertificateInfo certificate, HostName host)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(host);
        if (host.IsWildcard)
            return certificate.DnsNames.Any(name => string.Equals(name, host.Value, StringComparison.OrdinalIgnoreCase));
        return certificate.Certificate.MatchesHostname(host.Value, allowWildcards: true, allowCommonName: false);
    }
}
