using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IisSsl.TestSupport;

/// <summary>
/// Builds real X.509 certificates for tests, fluently:
/// <c>TestCertificate.For("a.com", "*.b.com").ValidFor(days: 90).Create()</c>.
/// </summary>
public sealed class TestCertificate
{
    private readonly List<string> _dnsNames;
    private string? _commonName;
    private DateTimeOffset _notBefore = DateTimeOffset.UtcNow.AddDays(-1);
    private DateTimeOffset _notAfter = DateTimeOffset.UtcNow.AddYears(1);
    private int _rsaKeySize = 2048;
    private bool _ecdsa;
    private ECCurve _curve = ECCurve.NamedCurves.nistP256;
    private HashAlgorithmName _hash = HashAlgorithmName.SHA256;
    private string[]? _ekuOids = [ServerAuthOid];
    private X509Certificate2? _issuer;
    private bool _isCertificateAuthority;

    public const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    private TestCertificate(IEnumerable<string> dnsNames) => _dnsNames = [.. dnsNames];

    /// <summary>A certificate whose SAN lists <paramref name="dnsNames"/> (the first is also the CN).</summary>
    public static TestCertificate For(params string[] dnsNames) => new(dnsNames);

    /// <summary>A certificate with no SAN extension at all, only a CN (what old self-signed certificates look like).</summary>
    public static TestCertificate WithOnlyCommonName(string commonName) => new([]) { _commonName = commonName };

    /// <summary>A CA certificate, to sign others with <see cref="SignedBy"/>.</summary>
    public static TestCertificate Authority(string name) => new([]) { _commonName = name, _isCertificateAuthority = true, _ekuOids = null };

    public TestCertificate CommonName(string commonName) { _commonName = commonName; return this; }

    public TestCertificate ValidFor(int days) { _notBefore = DateTimeOffset.UtcNow.AddDays(-1); _notAfter = DateTimeOffset.UtcNow.AddDays(days); return this; }

    public TestCertificate Valid(DateTimeOffset from, DateTimeOffset until) { _notBefore = from; _notAfter = until; return this; }

    public TestCertificate ExpiredDaysAgo(int days) => Valid(DateTimeOffset.UtcNow.AddDays(-days - 365), DateTimeOffset.UtcNow.AddDays(-days));

    public TestCertificate RsaKey(int bits) { _rsaKeySize = bits; _ecdsa = false; return this; }

    public TestCertificate EcdsaKey() => EcdsaKey(ECCurve.NamedCurves.nistP256);

    public TestCertificate EcdsaKey(ECCurve curve) { _ecdsa = true; _curve = curve; return this; }

    public TestCertificate SignatureHash(HashAlgorithmName hash) { _hash = hash; return this; }

    /// <summary>Enhanced key usages; none at all means no EKU extension (valid for any purpose).</summary>
    public TestCertificate Eku(params string[] oids) { _ekuOids = oids.Length == 0 ? null : oids; return this; }

    public TestCertificate SignedBy(X509Certificate2 issuer) { _issuer = issuer; return this; }

    /// <summary>Creates the certificate with its private key.</summary>
    public X509Certificate2 Create()
    {
        var subject = new X500DistinguishedName($"CN={_commonName ?? _dnsNames.FirstOrDefault() ?? "test"}");
        using var rsa = _ecdsa ? null : RSA.Create(_rsaKeySize);
        using var ec = _ecdsa ? ECDsa.Create(_curve) : null;
        var request = rsa is not null
            ? new CertificateRequest(subject, rsa, _hash, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, ec!, _hash);

        if (_dnsNames.Count > 0)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var name in _dnsNames)
                san.AddDnsName(name);
            request.CertificateExtensions.Add(san.Build());
        }

        if (_ekuOids is not null)
        {
            var oids = new OidCollection();
            foreach (var oid in _ekuOids)
                oids.Add(new Oid(oid));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, critical: false));
        }

        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(_isCertificateAuthority, false, 0, _isCertificateAuthority));
        if (_isCertificateAuthority)
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        if (_issuer is null)
            return request.CreateSelfSigned(_notBefore, _notAfter);

        var serial = RandomNumberGenerator.GetBytes(12);
        var notAfter = _notAfter < _issuer.NotAfter ? _notAfter : new DateTimeOffset(_issuer.NotAfter.ToUniversalTime());
        using var publicOnly = request.Create(_issuer, _notBefore, notAfter, serial);
        return rsa is not null ? publicOnly.CopyWithPrivateKey(rsa) : publicOnly.CopyWithPrivateKey(ec!);
    }
}
