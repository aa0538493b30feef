using System.Security.Cryptography;

namespace IisSsl.Sources.Certificates;

/// <summary>The certificates (as DER) and the private key, if any, of one PEM file.</summary>
internal sealed record PemBundle(IReadOnlyList<byte[]> Certificates, string? KeyPem, bool HasEncryptedKey)
{
    private static readonly string[] KeyLabels = ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"];

    public static bool LooksLikePem(ReadOnlySpan<byte> bytes) => bytes.IndexOf("-----BEGIN "u8) >= 0;

    public static PemBundle Parse(string text)
    {
        var certificates = new List<byte[]>();
        string? key = null;
        var encrypted = false;
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label];
            if (label.SequenceEqual("CERTIFICATE"))
            {
                var der = new byte[fields.DecodedDataLength];
                if (Convert.TryFromBase64Chars(rest[fields.Base64Data], der, out var written))
                    certificates.Add(der[..written]);
            }
            else if (key is null && KeyLabels.Contains(label.ToString()))
            {
                key = rest[fields.Location].ToString();
            }
            else if (label.SequenceEqual("ENCRYPTED PRIVATE KEY"))
            {
                encrypted = true;
            }

            rest = rest[fields.Location.End..];
        }

        return new PemBundle(certificates, key, encrypted);
    }
}
