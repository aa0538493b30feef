using System.Security.Cryptography.X509Certificates;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Analysis;

/// <summary>Certificates shared by the analysis tests (RSA key generation is slow; each is made once).</summary>
internal static class Certificates
{
    private static readonly Lazy<X509Certificate2> LazySiteV1 = new(() => TestCertificate.For("sitev1.mysite.com").Create());
    private static readonly Lazy<X509Certificate2> LazySiteV2 = new(() => TestCertificate.For("sitev2.mysite.com").Create());
    private static readonly Lazy<X509Certificate2> LazyBoth = new(() => TestCertificate.For("sitev1.mysite.com", "sitev2.mysite.com").Create());
    private static readonly Lazy<X509Certificate2> LazyWildcard = new(() => TestCertificate.For("*.mysite.com").Create());
    private static readonly Lazy<X509Certificate2> LazyOther = new(() => TestCertificate.For("other.example").Create());

    public static X509Certificate2 SiteV1 => LazySiteV1.Value;

    public static X509Certificate2 SiteV2 => LazySiteV2.Value;

    public static X509Certificate2 BothSites => LazyBoth.Value;

    public static X509Certificate2 WildcardMySite => LazyWildcard.Value;

    public static X509Certificate2 Other => LazyOther.Value;
}
