using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FsCheck;
using FsCheck.Fluent;

namespace IisSsl.Tests.Sources.Certificates;

/// <summary>
/// Real certificates across the shapes a server holds: RSA 1024-4096 and ECDSA P-256/384/521 keys, PKCS#1 and PSS
/// signatures, with or without SAN (DNS, IP, IDN, wildcard), EKU and key usage, validity in UTCTime or
/// GeneralizedTime, and subjects with multi-valued RDNs, escapes and every common string type.
/// </summary>
internal static class CertificateSpread
{
    // Keys are the slow part; a handful, made once, signed into many shapes.
    private static readonly Lazy<AsymmetricAlgorithm[]> Keys = new(() =>
    [
        RSA.Create(1024), RSA.Create(2048), RSA.Create(3072), RSA.Create(4096),
        ECDsa.Create(ECCurve.NamedCurves.nistP256), ECDsa.Create(ECCurve.NamedCurves.nistP384), ECDsa.Create(ECCurve.NamedCurves.nistP521),
    ]);

    private static readonly string[][] DnsNameSets =
    [
        [],
        ["a.example.com"],
        ["*.example.com", "example.com"],
        ["xn--bcher-kva.example", "*.xn--caf-dma.example", "Mixed.Case.Example."],
        ["sitev1.mysite.com", "sitev2.mysite.com", "*.sub.mysite.com", "localhost"],
    ];

    private static readonly string[][] IpSets = [[], ["10.0.0.1"], ["192.168.1.10", "2001:db8::1", "::1"]];

    /// <summary>SAN names that are neither DNS names nor IP addresses: the analysis ignores them, the reader must too.</summary>
    private static readonly Action<SubjectAlternativeNameBuilder>?[] OtherNameSets =
    [
        null,
        san => san.AddEmailAddress("hostmaster@example.com"),
        san =>
        {
            san.AddUri(new Uri("https://example.com/policy"));
            san.AddUserPrincipalName("svc@example.com");
        },
    ];

    private static readonly string[]?[] EkuSets =
    [
        null,
        ["1.3.6.1.5.5.7.3.1"],
        ["1.3.6.1.5.5.7.3.2"],
        ["1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.1", "1.3.6.1.4.1.311.10.3.4"],
    ];

    private static readonly X509KeyUsageFlags?[] KeyUsages =
    [
        null,
        X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
        X509KeyUsageFlags.DigitalSignature,
        X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement,
    ];

    private static readonly (DateTimeOffset From, DateTimeOffset Until)[] Validities =
    [
        (new(2024, 3, 1, 12, 30, 15, TimeSpan.Zero), new(2025, 3, 1, 12, 30, 15, TimeSpan.Zero)),
        (new(1999, 12, 31, 23, 59, 59, TimeSpan.Zero), new(2049, 12, 31, 23, 59, 59, TimeSpan.Zero)),
        (new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2050, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        (new(1949, 6, 1, 8, 0, 0, TimeSpan.Zero), new(2199, 6, 1, 8, 0, 0, TimeSpan.Zero)),
    ];

    private static readonly Func<X500DistinguishedName>[] Subjects =
    [
        () => new X500DistinguishedName("CN=a.example.com"),
        () => new X500DistinguishedName("CN=\"Smith, John\", O=\"A+B; C\", OU=Web\\=Ops, C=DE"),
        () => new X500DistinguishedName("CN=Bücher GmbH, L=Zürich, E=admin@example.com"),
        () => MultiValuedSubject(),
        () => new X500DistinguishedName(new X500DistinguishedNameBuilder().Build().RawData),
    ];

    private static readonly HashAlgorithmName[] Hashes = [HashAlgorithmName.SHA256, HashAlgorithmName.SHA384, HashAlgorithmName.SHA512, HashAlgorithmName.SHA1];

    /// <summary>An EC key whose usage allows key agreement: the BCL does not take it for ECDSA, so neither does the DER reader.</summary>
    public static bool IsKeyAgreementEcKey(Shape shape) =>
        Keys.Value[shape.Key] is ECDsa && KeyUsages[shape.KeyUsage] is { } usage && usage.HasFlag(X509KeyUsageFlags.KeyAgreement);

    public sealed record Shape(int Key, int Hash, bool Pss, int DnsNames, int Ips, int Eku, int KeyUsage, int Validity, int Subject, int OtherNames = 0)
    {
        public override string ToString() =>
            $"key {Key}, hash {Hashes[Hash].Name}{(Pss ? " PSS" : "")}, dns [{string.Join(' ', DnsNameSets[DnsNames])}], ip [{string.Join(' ', IpSets[Ips])}], other names {OtherNames}, "
            + $"eku {EkuSets[Eku]?.Length.ToString() ?? "none"}, usage {KeyUsages[KeyUsage]?.ToString() ?? "none"}, validity {Validity}, subject {Subject}";
    }

    public static Arbitrary<Shape> Shapes() =>
        (from key in Gen.Choose(0, 6)
         from hash in Gen.Choose(0, Hashes.Length - 1)
         from pss in Gen.Elements(false, true)
         from dns in Gen.Choose(0, DnsNameSets.Length - 1)
         from ips in Gen.Choose(0, IpSets.Length - 1)
         from eku in Gen.Choose(0, EkuSets.Length - 1)
         from usage in Gen.Choose(0, KeyUsages.Length - 1)
         from validity in Gen.Choose(0, Validities.Length - 1)
         from subject in Gen.Choose(0, Subjects.Length - 1)
         from others in Gen.Choose(0, OtherNameSets.Length - 1)
         select new Shape(key, hash, pss, dns, ips, eku, usage, validity, subject, others)).ToArbitrary();

    /// <summary>The DER of a certificate of <paramref name="shape"/>, signed by its own key.</summary>
    public static byte[] Create(Shape shape)
    {
        var key = Keys.Value[shape.Key];
        var subject = Subjects[shape.Subject]();
        var hash = Hashes[shape.Hash];
        var sha1Rsa = hash == HashAlgorithmName.SHA1 && key is RSA;
        if (hash == HashAlgorithmName.SHA1)
            hash = HashAlgorithmName.SHA256; // the BCL no longer signs with SHA-1; RSA keys get Sha1RsaSignatureGenerator below
        if (shape.Pss && key.KeySize < 2048)
            hash = HashAlgorithmName.SHA256; // PSS with a SHA-512-sized salt does not fit a 1024-bit modulus
        var request = key is RSA rsa
            ? new CertificateRequest(subject, rsa, hash, shape.Pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, (ECDsa)key, hash);

        if (DnsNameSets[shape.DnsNames].Length + IpSets[shape.Ips].Length > 0 || OtherNameSets[shape.OtherNames] is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            OtherNameSets[shape.OtherNames]?.Invoke(san);
            foreach (var name in DnsNameSets[shape.DnsNames])
                san.AddDnsName(name);
            foreach (var ip in IpSets[shape.Ips])
                san.AddIpAddress(IPAddress.Parse(ip));
            request.CertificateExtensions.Add(san.Build(critical: shape.Subject == 4));
        }

        if (EkuSets[shape.Eku] is { } ekus)
        {
            var oids = new OidCollection();
            foreach (var oid in ekus)
                oids.Add(new Oid(oid));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, critical: shape.Eku == 3));
        }

        if (KeyUsages[shape.KeyUsage] is { } usage)
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));

        var (from, until) = Validities[shape.Validity];
        if (sha1Rsa)
        {
            using var sha1Signed = request.Create(subject, new Sha1RsaSignatureGenerator((RSA)key), from, until, [0x01, 0x02, 0x03]);
            return sha1Signed.RawData;
        }

        using var certificate = request.CreateSelfSigned(from, until);
        return certificate.RawData;
    }

    /// <summary>A subject no string parser writes: a multi-valued RDN and BMP, T61, IA5 and UTF-8 strings.</summary>
    private static X500DistinguishedName MultiValuedSubject()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSetOf())
            {
                Attribute(writer, "2.5.4.3", UniversalTagNumber.UTF8String, "multi.example.com");
                Attribute(writer, "2.5.4.11", UniversalTagNumber.PrintableString, "Ops");
            }

            using (writer.PushSetOf())
                Attribute(writer, "2.5.4.10", UniversalTagNumber.BMPString, "Örg, \"quoted\" + plus");
            using (writer.PushSetOf())
                Attribute(writer, "2.5.4.7", UniversalTagNumber.T61String, "Town");
            using (writer.PushSetOf())
                Attribute(writer, "1.2.840.113549.1.9.1", UniversalTagNumber.IA5String, "hostmaster@example.com");
            using (writer.PushSetOf())
                Attribute(writer, "2.5.4.5", UniversalTagNumber.PrintableString, " leading and trailing ");
        }

        return new X500DistinguishedName(writer.Encode());
    }

    private static void Attribute(AsnWriter writer, string oid, UniversalTagNumber type, string value)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            writer.WriteCharacterString(type, value);
        }
    }

    /// <summary>sha1WithRSAEncryption, which old certificates still carry (the WeakSignature rule looks for it).</summary>
    private sealed class Sha1RsaSignatureGenerator(RSA key) : X509SignatureGenerator
    {
        private static readonly byte[] Sha1WithRsaIdentifier = [0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x05, 0x05, 0x00];

        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) => Sha1WithRsaIdentifier;

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) =>
            key.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);

        protected override PublicKey BuildPublicKey() => new(key);
    }
}
