using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FsCheck.Xunit;
using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Analysis;

public sealed class CertificateNameMatcherTests
{
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private static CertificateInfo Certificate(params string[] dnsNames)
    {
        var request = new CertificateRequest("CN=" + (dnsNames.FirstOrDefault() ?? "none"), Key, HashAlgorithmName.SHA256);
        if (dnsNames.Length > 0)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var name in dnsNames)
                san.AddDnsName(name);
            request.CertificateExtensions.Add(san.Build());
        }

        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return CertificateInfo.From(certificate, "test", hasPrivateKey: true);
    }

    private static bool Covers(CertificateInfo certificate, string host) => CertificateNameMatcher.Covers(certificate, HostName.Parse(host));

    [Theory]
    [InlineData("sitev1.mysite.com", "sitev1.mysite.com", true)]
    [InlineData("sitev1.mysite.com", "SITEV1.mysite.com.", true)]
    [InlineData("sitev1.mysite.com", "sitev2.mysite.com", false)]
    [InlineData("*.mysite.com", "sitev2.mysite.com", true)]
    [InlineData("*.mysite.com", "mysite.com", false)]
    [InlineData("*.mysite.com", "a.b.mysite.com", false)]
    [InlineData("*.mysite.com", "*.mysite.com", true)]
    [InlineData("*.mysite.com", "*.shop.mysite.com", false)]
    [InlineData("shop.mysite.com", "*.mysite.com", false)]
    [InlineData("xn--bcher-kva.example", "bücher.example", true)]
    public void Follows_rfc_6125_san_matching(string san, string host, bool covered) =>
        Assert.Equal(covered, Covers(Certificate(san), host));

    [Fact]
    public void An_iis_wildcard_host_header_is_not_covered_by_a_list_of_concrete_names() =>
        Assert.False(Covers(Certificate("a.mysite.com", "b.mysite.com", "mysite.com"), "*.mysite.com"));

    [Fact]
    public void The_common_name_is_never_used()
    {
        var cnOnly = CertificateInfo.From(TestCertificate.WithOnlyCommonName("sitev1.mysite.com").Create(), "test", true);

        Assert.False(Covers(cnOnly, "sitev1.mysite.com"));
    }

    private static readonly string[] Labels = ["a", "b", "www", "xn--bcher-kva", "mysite", "com", "net"];

    private static string Name(int seed, int minLabels)
    {
        var count = minLabels + (Math.Abs(seed) % 3);
        return string.Join('.', Enumerable.Range(0, count).Select(i => Labels[Math.Abs(seed / (i + 1) + i * 7) % Labels.Length]));
    }

    [Property(MaxTest = 300)]
    public bool Agrees_with_the_bcl_MatchesHostname_on_every_name(int hostSeed, int sanSeed, bool wildcardSan, bool secondSan)
    {
        var host = HostName.Parse(Name(hostSeed, 2));
        var san = (wildcardSan ? "*." : string.Empty) + Name(sanSeed, 2);
        var sans = secondSan ? new[] { san, Name(sanSeed + hostSeed, 2) } : [san];
        var certificate = Certificate(sans);

        return CertificateNameMatcher.Covers(certificate, host) == CertificateNameMatcher.MatchesHostname(certificate, host);
    }

    [Property(MaxTest = 100)]
    public bool Agrees_with_the_bcl_when_the_host_is_the_wildcard_sans_child(int labelSeed, int parentSeed)
    {
        var parent = Name(parentSeed, 2);
        var host = HostName.Parse(Labels[Math.Abs(labelSeed) % Labels.Length] + "." + parent);
        var certificate = Certificate("*." + parent);

        return CertificateNameMatcher.Covers(certificate, host) == CertificateNameMatcher.MatchesHostname(certificate, host);
    }

    [Property(MaxTest = 50)]
    public bool Repeated_questions_to_one_certificate_keep_agreeing_with_the_bcl(int parentSeed, int[] childSeeds)
    {
        var parent = Name(parentSeed, 2);
        var certificate = Certificate("*." + parent, Name(parentSeed + 1, 2));
        string[] extraLabels = ["-bad", "bad-", "UPPER", "x1", "xn--bcher-kva", "a-b"];
        var children = (childSeeds ?? []).Select(seed => seed % 3 == 0
            ? extraLabels[Math.Abs(seed) % extraLabels.Length]
            : Labels[Math.Abs(seed) % Labels.Length]);

        return children.All(label => !HostName.TryParse(label + "." + parent, out var host, out _)
            || CertificateNameMatcher.Covers(certificate, host) == CertificateNameMatcher.MatchesHostname(certificate, host));
    }

    [Property(MaxTest = 100)]
    public bool Agrees_with_the_bcl_whether_a_certificate_names_a_few_hosts_or_many(int hostSeed, byte nameCount, int sanSeed)
    {
        // Up to 20 names: short SAN lists are scanned, longer ones looked up in a set; both must answer as the BCL does.
        var sans = Enumerable.Range(0, 1 + (nameCount % 20))
            .Select(i => (i % 5 == 4 ? "*." : string.Empty) + Name(sanSeed + (i * 7919), 2))
            .Distinct()
            .ToArray();
        var certificate = Certificate(sans);
        var hosts = new[] { Name(hostSeed, 2), sans[Math.Abs(hostSeed) % sans.Length].Replace("*.", "www.", StringComparison.Ordinal) };

        return hosts.Select(HostName.Parse).All(host =>
            CertificateNameMatcher.Covers(certificate, host) == CertificateNameMatcher.MatchesHostname(certificate, host));
    }
}
