using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IisSsl.Model;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Model;

public sealed class CertificateKeyTests
{
    [Theory]
    [InlineData(1024)]
    [InlineData(2048)]
    [InlineData(3072)]
    [InlineData(4096)]
    public void An_rsa_key_has_the_size_the_bcl_reports(int bits)
    {
        using var certificate = TestCertificate.For("a.example.com").RsaKey(bits).Create();
        using var rsa = certificate.GetRSAPublicKey()!;

        var facts = Facts(certificate);

        Assert.Equal(("RSA", rsa.KeySize), (facts.KeyAlgorithm, facts.KeySize));
        Assert.Equal(bits, facts.KeySize);
    }

    [Theory]
    [InlineData("nistP256", 256)]
    [InlineData("nistP384", 384)]
    [InlineData("nistP521", 521)]
    public void An_ecdsa_key_has_the_size_of_its_curve_as_the_bcl_reports(string curveName, int bits)
    {
        using var certificate = TestCertificate.For("a.example.com").EcdsaKey(ECCurve.CreateFromFriendlyName(curveName)).Create();
        using var ecdsa = certificate.GetECDsaPublicKey()!;

        var facts = Facts(certificate);

        Assert.Equal(("ECDSA", ecdsa.KeySize), (facts.KeyAlgorithm, facts.KeySize));
        Assert.Equal(bits, facts.KeySize);
    }

    [Theory]
    [InlineData(0x80, 2048)]
    [InlineData(0x40, 2047)]
    [InlineData(0x01, 2041)]
    public void An_rsa_key_size_counts_the_bits_of_the_modulus_not_its_bytes(byte firstByte, int bits)
    {
        var modulus = RandomNumberGenerator.GetBytes(256);
        modulus[0] = firstByte;
        modulus[^1] |= 1;
        using var certificate = WithPublicKey(RsaPublicKey(modulus));
        using var rsa = certificate.GetRSAPublicKey()!;

        var facts = Facts(certificate);

        Assert.Equal(("RSA", rsa.KeySize), (facts.KeyAlgorithm, facts.KeySize));
        Assert.Equal(bits, facts.KeySize);
    }

    [Fact]
    public void An_ec_key_only_for_key_agreement_is_not_taken_for_an_ecdsa_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = WithPublicKey(new PublicKey(key), new X509KeyUsageExtension(X509KeyUsageFlags.KeyAgreement, critical: true));
        Assert.Null(certificate.GetECDsaPublicKey());

        var facts = Facts(certificate);

        Assert.Equal((certificate.PublicKey.Oid.FriendlyName, 0), (facts.KeyAlgorithm, facts.KeySize));
    }

    private static CertificateInfo Facts(X509Certificate2 certificate) => CertificateInfo.From(certificate, "test", hasPrivateKey: null);

    private static PublicKey RsaPublicKey(byte[] modulus)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(modulus);
            writer.WriteInteger(65537);
        }

        return new PublicKey(new Oid("1.2.840.113549.1.1.1"), new AsnEncodedData([0x05, 0x00]), new AsnEncodedData(writer.Encode()));
    }

    /// <summary>A certificate for a public key nobody holds the private key of, signed by a throwaway issuer.</summary>
    private static X509Certificate2 WithPublicKey(PublicKey publicKey, params X509Extension[] extensions)
    {
        using var issuerKey = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName("CN=odd.example.com"), publicKey, HashAlgorithmName.SHA256);
        foreach (var extension in extensions)
            request.CertificateExtensions.Add(extension);
        var now = DateTimeOffset.UtcNow;
        return request.Create(new X500DistinguishedName("CN=Issuer"), X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pkcs1), now.AddDays(-1), now.AddDays(30), [1, 2, 3]);
    }
}
