using System.Collections.Concurrent;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IisSsl.Model;

namespace IisSsl.Sources.Certificates;

/// <summary>
/// Reads a certificate's facts straight from its DER with <see cref="AsnReader"/> and the BCL's extension and name
/// types, the same facts <see cref="CertificateInfo.From"/> reads from an <see cref="X509Certificate2"/>.
/// </summary>
/// <remarks>
/// Loading an <see cref="X509Certificate2"/> on Linux costs 100-200 us in OpenSSL's decoder (it decodes the public key
/// through its provider machinery), most of the time of a verify over a thousand certificates. Only the plain case is
/// read here: a strict DER v3 certificate with an RSA or NIST-curve ECDSA key, single-second validity times and no
/// repeated extension. Anything else gives null, and the caller loads the certificate the BCL's way, so unusual
/// certificates keep exactly the facts and errors they had.
/// </remarks>
internal static class DerCertificateReader
{
    private const string SubjectAlternativeNameOid = "2.5.29.17";
    private const string EnhancedKeyUsageOid = "2.5.29.37";
    private const string KeyUsageOid = "2.5.29.15";
    private const int Version3 = 2;

    private static readonly Asn1Tag VersionTag = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag IssuerUniqueIdTag = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag SubjectUniqueIdTag = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag ExtensionsTag = new(TagClass.ContextSpecific, 3, isConstructed: true);

    private static readonly ConcurrentDictionary<string, string> SignatureAlgorithmNames = new(StringComparer.Ordinal);

    /// <summary>
    /// The facts of <paramref name="der"/>, or null when it is not the plain case this reader understands.
    /// <paramref name="loadCertificate"/> becomes <see cref="CertificateInfo.Certificate"/>, called on first use.
    /// </summary>
    public static CertificateInfo? TryRead(byte[] der, string thumbprint, string source, bool? hasPrivateKey, Func<X509Certificate2> loadCertificate)
    {
        try
        {
            return Read(der, thumbprint, source, hasPrivateKey, loadCertificate);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static CertificateInfo? Read(byte[] der, string thumbprint, string source, bool? hasPrivateKey, Func<X509Certificate2> loadCertificate)
    {
        // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
        var file = new AsnReader(der, AsnEncodingRules.DER);
        var certificate = file.ReadSequence();
        file.ThrowIfNotEmpty();
        var tbs = certificate.ReadSequence();
        var signatureAlgorithm = ReadAlgorithm(certificate).Oid;
        certificate.ReadBitString(out _);
        certificate.ThrowIfNotEmpty();

        // TBSCertificate ::= SEQUENCE { [0] EXPLICIT version, serialNumber, signature, issuer, validity, subject,
        //   subjectPublicKeyInfo, [1] issuerUniqueID OPTIONAL, [2] subjectUniqueID OPTIONAL, [3] EXPLICIT extensions OPTIONAL }
        if (!tbs.HasData || tbs.PeekTag() != VersionTag)
            return null;
        var version = tbs.ReadSequence(VersionTag);
        if (!version.TryReadInt32(out var number) || number != Version3)
            return null;
        version.ThrowIfNotEmpty();
        tbs.ReadIntegerBytes();
        ReadAlgorithm(tbs);
        ReadName(tbs);
        var validity = tbs.ReadSequence();
        var notBefore = ReadTime(validity);
        var notAfter = ReadTime(validity);
        validity.ThrowIfNotEmpty();
        var subject = ReadName(tbs);
        var publicKeyInfo = tbs.ReadSequence();
        var (keyAlgorithm, keyParameters) = ReadAlgorithm(publicKeyInfo);
        var publicKey = publicKeyInfo.ReadBitString(out var unusedBits);
        publicKeyInfo.ThrowIfNotEmpty();
        if (notBefore is null || notAfter is null || unusedBits != 0)
            return null;
        SkipOptional(tbs, IssuerUniqueIdTag);
        SkipOptional(tbs, SubjectUniqueIdTag);
        var extensions = tbs.HasData && tbs.PeekTag() == ExtensionsTag ? ReadExtensions(tbs.ReadSequence(ExtensionsTag)) : Extensions.None;
        tbs.ThrowIfNotEmpty();
        if (extensions is null)
            return null;

        if (CertificateKey.FromEncoding(keyAlgorithm, keyParameters, publicKey, extensions.KeyUsage) is not { } key)
            return null;
        var names = extensions.SubjectAlternativeName is { } san ? SubjectAlternativeNames.Read(san.Value, san.Critical) : ([], []);

        return new CertificateInfo(loadCertificate)
        {
            Thumbprint = thumbprint,
            Subject = new X500DistinguishedName(subject.Span).Name,
            DnsNames = names.DnsNames,
            IpAddresses = names.IpAddresses,
            NotBefore = notBefore.Value,
            NotAfter = notAfter.Value,
            KeyAlgorithm = key.Algorithm,
            KeySize = key.Size,
            SignatureAlgorithm = SignatureAlgorithmNames.GetOrAdd(signatureAlgorithm, static oid => CertificateInfo.SignatureAlgorithmName(new Oid(oid, null))),
            ServerAuthentication = extensions.EnhancedKeyUsage is { } eku ? ServerAuthenticationOf(eku) : null,
            HasPrivateKey = hasPrivateKey,
            Source = source,
        };
    }

    /// <summary>AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }</summary>
    private static (string Oid, ReadOnlyMemory<byte>? Parameters) ReadAlgorithm(AsnReader reader)
    {
        var algorithm = reader.ReadSequence();
        var oid = algorithm.ReadObjectIdentifier();
        ReadOnlyMemory<byte>? parameters = algorithm.HasData ? algorithm.ReadEncodedValue() : null;
        algorithm.ThrowIfNotEmpty();
        return (oid, parameters);
    }

    /// <summary>A Name (a SEQUENCE of RDNs), as its whole encoding.</summary>
    private static ReadOnlyMemory<byte> ReadName(AsnReader reader) =>
        reader.PeekTag() == Asn1Tag.Sequence ? reader.ReadEncodedValue() : throw new AsnContentException("a Name is a SEQUENCE");

    /// <summary>
    /// Time ::= CHOICE { utcTime, generalTime }, as UTC. Null for fractional seconds, which the BCL refuses on Linux
    /// (it reads only YYMMDDHHMMSSZ and YYYYMMDDHHMMSSZ): such a certificate keeps the BCL's path and its error.
    /// </summary>
    private static DateTimeOffset? ReadTime(AsnReader reader)
    {
        var time = reader.PeekTag() == Asn1Tag.UtcTime ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
        return time.Ticks % TimeSpan.TicksPerSecond == 0 ? new DateTimeOffset(time.UtcDateTime, TimeSpan.Zero) : null;
    }

    private static void SkipOptional(AsnReader reader, Asn1Tag tag)
    {
        if (reader.HasData && reader.PeekTag().HasSameClassAndValue(tag))
            reader.ReadEncodedValue();
    }

    /// <summary>
    /// Extensions ::= SEQUENCE OF Extension; Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }.
    /// Null when an extension appears twice (which of the two would count is the BCL's choice, not ours).
    /// </summary>
    private static Extensions? ReadExtensions(AsnReader explicitTag)
    {
        var list = explicitTag.ReadSequence();
        explicitTag.ThrowIfNotEmpty();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        (byte[] Value, bool Critical)? san = null;
        byte[]? eku = null;
        X509KeyUsageExtension? keyUsage = null;
        while (list.HasData)
        {
            var extension = list.ReadSequence();
            var oid = extension.ReadObjectIdentifier();
            var critical = extension.HasData && extension.PeekTag() == Asn1Tag.Boolean && extension.ReadBoolean();
            var value = extension.ReadOctetString();
            extension.ThrowIfNotEmpty();
            if (!seen.Add(oid))
                return null;
            switch (oid)
            {
                case SubjectAlternativeNameOid:
                    san = (value, critical);
                    break;
                case EnhancedKeyUsageOid:
                    eku = value;
                    break;
                case KeyUsageOid:
                    keyUsage = new X509KeyUsageExtension(new AsnEncodedData(value), critical);
                    break;
            }
        }

        return new Extensions(san, eku, keyUsage);
    }

    /// <summary>
    /// ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId: whether serverAuth is among them, read as the BCL's
    /// <see cref="X509EnhancedKeyUsageExtension"/> reads it, without an <see cref="Oid"/> (and its name lookup) per purpose.
    /// </summary>
    private static bool ServerAuthenticationOf(byte[] value)
    {
        var reader = new AsnReader(value, AsnEncodingRules.DER);
        var purposes = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        var serverAuthentication = false;
        while (purposes.HasData)
            serverAuthentication |= purposes.ReadObjectIdentifier() == CertificateInfo.ServerAuthenticationOid;
        return serverAuthentication;
    }

    /// <summary>The extensions the facts need: the SAN and EKU as their encoded values (with the SAN's criticality).</summary>
    private sealed record Extensions(
        (byte[] Value, bool Critical)? SubjectAlternativeName,
        byte[]? EnhancedKeyUsage,
        X509KeyUsageExtension? KeyUsage)
    {
        public static readonly Extensions None = new(null, null, null);
    }
}
