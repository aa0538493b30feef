using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.TestSupport;
using static IisSsl.Tests.Analysis.Analyze;

namespace IisSsl.Tests.Analysis;

public sealed class CertificateRuleTests
{
    private static Finding[] FindingsFor(X509Certificate2 certificate, bool? hasPrivateKey = true, int warningDays = 30) =>
        [.. Run(new ServerBuilder()
            .Site("A", Https("*:443:a.example.com", line: 5))
            .IpPort("0.0.0.0", 443, certificate, hasPrivateKey), warningDays).Findings];

    [Fact]
    public void Expired_certificate_is_an_error_naming_the_host_and_record()
    {
        var finding = Assert.Single(FindingsFor(TestCertificate.For("a.example.com").ExpiredDaysAgo(3).Create()));

        Assert.Equal((FindingCodes.CertificateExpired, Severity.Error), (finding.Code, finding.Severity));
        Assert.Equal(("A", "*:443", "a.example.com"), (finding.Site, finding.Endpoint, finding.HostName));
        Assert.Contains("ipport=0.0.0.0:443", finding.Message, StringComparison.Ordinal);
        Assert.Contains("expired on", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_not_yet_valid_is_an_error()
    {
        var certificate = TestCertificate.For("a.example.com").Valid(DateTimeOffset.UtcNow.AddDays(2), DateTimeOffset.UtcNow.AddDays(200)).Create();

        Assert.Equal(FindingCodes.CertificateNotYetValid, Assert.Single(FindingsFor(certificate)).Code);
    }

    [Fact]
    public void Certificate_expiring_within_the_warning_window_is_a_warning()
    {
        var certificate = TestCertificate.For("a.example.com").ValidFor(days: 10).Create();

        var finding = Assert.Single(FindingsFor(certificate, warningDays: 30));
        Assert.Equal((FindingCodes.CertificateExpiresSoon, Severity.Warning), (finding.Code, finding.Severity));
        Assert.Empty(FindingsFor(certificate, warningDays: 5));
    }

    [Fact]
    public void Missing_private_key_is_an_error_and_unknown_is_not_a_finding()
    {
        Assert.Equal(FindingCodes.MissingPrivateKey, Assert.Single(FindingsFor(TestCertificate.For("a.example.com").Create(), hasPrivateKey: false)).Code);
        Assert.Empty(FindingsFor(TestCertificate.For("a.example.com").Create(), hasPrivateKey: null));
    }

    [Fact]
    public void Certificate_without_server_authentication_eku_is_an_error_and_no_eku_is_fine()
    {
        var clientOnly = TestCertificate.For("a.example.com").Eku(TestCertificate.ClientAuthOid).Create();
        var anyPurpose = TestCertificate.For("a.example.com").Eku().Create();

        Assert.Equal(FindingCodes.NotServerAuthentication, Assert.Single(FindingsFor(clientOnly)).Code);
        Assert.Empty(FindingsFor(anyPurpose));
    }

    [Fact]
    public void Rsa_key_below_2048_bits_is_weak()
    {
        var finding = Assert.Single(FindingsFor(TestCertificate.For("a.example.com").RsaKey(1024).Create()));

        Assert.Equal((FindingCodes.WeakKey, Severity.Error), (finding.Code, finding.Severity));
        Assert.Contains("RSA 1024-bit", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ecdsa_p256_key_is_not_weak() =>
        Assert.Empty(FindingsFor(TestCertificate.For("a.example.com").EcdsaKey().Create()));

    [Theory]
    [InlineData("sha1RSA")]
    [InlineData("md5RSA")]
    [InlineData("1.2.840.10045.4.1")]
    public void Sha1_or_md5_signature_is_a_warning(string signatureAlgorithm)
    {
        // .NET refuses to sign with SHA-1, so the facts a reader would produce for such a certificate are given directly.
        var facts = CertificateInfo.From(TestCertificate.For("a.example.com").Create(), "legacy.cer", true) with { SignatureAlgorithm = signatureAlgorithm };
        var report = Run(new ServerBuilder().Site("A", Https("*:443:a.example.com")).IpPort("0.0.0.0", 443, facts));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingCodes.WeakSignature, Severity.Warning), (finding.Code, finding.Severity));
        Assert.Contains(signatureAlgorithm, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sha256_signature_is_not_weak() =>
        Assert.Empty(FindingsFor(TestCertificate.For("a.example.com").SignatureHash(HashAlgorithmName.SHA256).Create()));

    [Fact]
    public void Certificate_problems_are_reported_once_per_host_it_serves()
    {
        var expired = TestCertificate.For("a.example.com", "b.example.com").ExpiredDaysAgo(1).Create();
        var report = Run(new ServerBuilder()
            .Site("A", Https("*:443:a.example.com"))
            .Site("B", Https("*:443:b.example.com"))
            .IpPort("0.0.0.0", 443, expired));

        var findings = report.Codes(FindingCodes.CertificateExpired);
        Assert.Equal(["a.example.com", "b.example.com"], findings.Select(f => f.HostName));
        Assert.Equal(2, findings.Select(f => f.Message).Distinct().Count());
    }
}
