using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IisSsl.Benchmarks.Generator;

/// <summary>
/// Builds real, parseable X.509 certificates (RSA-2048 public key, sha256RSA, server-authentication EKU, DNS SANs)
/// from a seeded random source, so a seed always gives the same bytes and thumbprints. Generating thousands of RSA
/// keys would take minutes and make every run differ; the tool never checks signatures, only reads the facts, so
/// the modulus is random bits and the signature is a hash of the signed data. Nothing here has a private key.
/// </summary>
internal sealed class SyntheticCertificateFactory(Random random)
{
    private static readonly DateTimeOffset NotBefore = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotAfter = new(2049, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public byte[] CreateDer(IReadOnlyList<string> dnsNames)
    {
        var subject = new X500DistinguishedName("CN=" + dnsNames[0]);
        var generator = new HashSignatureGenerator(RandomModulus());
        var request = new CertificateRequest(subject, generator.PublicKey, HashAlgorithmName.SHA256);

        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
            san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));

        var serial = new byte[16];
        random.NextBytes(serial);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        using var certificate = request.Create(subject, generator, NotBefore, NotAfter, serial);
        return certificate.RawData;
    }

    private byte[] RandomModulus()
    {
        var modulus = new byte[256];
        random.NextBytes(modulus);
        modulus[0] |= 0x80;
        modulus[^1] |= 0x01;
        return modulus;
    }

    private sealed class HashSignatureGenerator : X509SignatureGenerator
    {
        private static readonly byte[] Sha256WithRsaIdentifier = [0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B, 0x05, 0x00];

        private readonly PublicKey _publicKey;

        public HashSignatureGenerator(byte[] modulus) => _publicKey = CreatePublicKey(modulus);

        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) => Sha256WithRsaIdentifier;

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm)
        {
            var hash = SHA256.HashData(data);
            var signature = new byte[256];
            for (var offset = 0; offset < signature.Length; offset += hash.Length)
                hash.CopyTo(signature, offset);
            return signature;
        }

        protected override PublicKey BuildPublicKey() => _publicKey;

        private static PublicKey CreatePublicKey(byte[] modulus)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteIntegerUnsigned(modulus);
                writer.WriteInteger(65537);
            }

            return new PublicKey(new Oid("1.2.840.113549.1.1.1"), new AsnEncodedData([0x05, 0x00]), new AsnEncodedData(writer.Encode()));
        }
    }
}
