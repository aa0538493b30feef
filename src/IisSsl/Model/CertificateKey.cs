using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IisSsl.Model;

/// <summary>
/// The algorithm and size of a certificate's public key, as <see cref="RSA"/>/<see cref="ECDsa"/> report them:
/// RSA the modulus bit length, ECDSA the curve's size.
/// </summary>
internal static class CertificateKey
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";

    private static readonly Dictionary<string, int> NamedCurveBits = new(StringComparer.Ordinal)
    {
        ["1.2.840.10045.3.1.7"] = 256, // NIST P-256
        ["1.3.132.0.34"] = 384, // NIST P-384
        ["1.3.132.0.35"] = 521, // NIST P-521
    };

    public static (string Algorithm, int Size) Of(X509Certificate2 certificate)
    {
        var key = certificate.PublicKey;
        ReadOnlyMemory<byte>? parameters = key.EncodedParameters?.RawData is { } encoded ? encoded : null;
        var keyUsage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        return FromEncoding(key.Oid.Value, parameters, key.EncodedKeyValue.RawData, keyUsage) ?? LoadIntoCryptoLibrary(certificate);
    }

    /// <summary>
    /// The algorithm and size read from a SubjectPublicKeyInfo's algorithm OID, parameters and key bytes, or null
    /// when the key is not plainly an RSA key or an ECDSA key on a NIST curve (then only the crypto library can say).
    /// </summary>
    /// <remarks>
    /// Importing a key into OpenSSL costs more than all the other certificate facts together, and the size is in
    /// the DER already.
    /// </remarks>
    internal static (string Algorithm, int Size)? FromEncoding(
        string? algorithmOid, ReadOnlyMemory<byte>? parameters, ReadOnlyMemory<byte> key, X509KeyUsageExtension? keyUsage) =>
        algorithmOid switch
        {
            RsaOid => RsaModulusBits(key) is { } bits ? ("RSA", bits) : null,
            EcPublicKeyOid when !MayBeKeyAgreementOnly(keyUsage) => CurveBits(parameters, key.Span) is { } bits ? ("ECDSA", bits) : null,
            _ => null,
        };

    private static (string Algorithm, int Size) LoadIntoCryptoLibrary(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
            return ("RSA", rsa.KeySize);
        using var ecdsa = certificate.GetECDsaPublicKey();
        if (ecdsa is not null)
            return ("ECDSA", ecdsa.KeySize);
        return (certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value ?? "unknown", 0);
    }

    /// <summary>RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }: the modulus's bit length.</summary>
    private static int? RsaModulusBits(ReadOnlyMemory<byte> encodedKey)
    {
        try
        {
            var reader = new AsnReader(encodedKey, AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            var modulus = sequence.ReadIntegerBytes().Span;
            _ = sequence.ReadIntegerBytes();
            sequence.ThrowIfNotEmpty();
            reader.ThrowIfNotEmpty();
            if (modulus[0] >= 0x80)
                return null; // negative: not a key the crypto library would load
            modulus = modulus[0] == 0 ? modulus[1..] : modulus;
            return modulus.IsEmpty ? null : ((modulus.Length - 1) * 8) + (32 - BitOperations.LeadingZeroCount((uint)modulus[0]));
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>The size of a named NIST curve, when the point has the length that curve needs.</summary>
    private static int? CurveBits(ReadOnlyMemory<byte>? encodedParameters, ReadOnlySpan<byte> encodedPoint)
    {
        if (encodedParameters is not { } parameters)
            return null;
        try
        {
            var reader = new AsnReader(parameters, AsnEncodingRules.DER);
            var curve = reader.ReadObjectIdentifier();
            reader.ThrowIfNotEmpty();
            if (!NamedCurveBits.TryGetValue(curve, out var bits))
                return null;
            var coordinateBytes = (bits + 7) / 8;
            var wellFormed = (encodedPoint is [0x04, ..] && encodedPoint.Length == 1 + (2 * coordinateBytes))
                || (encodedPoint is [0x02 or 0x03, ..] && encodedPoint.Length == 1 + coordinateBytes);
            return wellFormed ? bits : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The BCL refuses an EC key as ECDSA when its key usage allows key agreement and no signing (an ECDH key);
    /// such certificates keep the loading path so their facts stay what the BCL says.
    /// </summary>
    private static bool MayBeKeyAgreementOnly(X509KeyUsageExtension? keyUsage) =>
        keyUsage is not null && keyUsage.KeyUsages.HasFlag(X509KeyUsageFlags.KeyAgreement);
}
