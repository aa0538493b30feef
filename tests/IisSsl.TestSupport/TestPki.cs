using System.Security.Cryptography.X509Certificates;

namespace IisSsl.TestSupport;

/// <summary>A test CA and server certificates signed by it, made once per test run (ECDSA keys: quick to make).</summary>
public static class TestPki
{
    /// <summary>Valid since long ago, so it can also sign certificates that have already expired.</summary>
    public static X509Certificate2 Authority { get; } = TestCertificate.Authority("IisSslNuke Probe Test CA")
        .EcdsaKey()
        .Valid(DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddYears(1))
        .Create();

    public static X509Certificate2 SiteA { get; } = Signed("a.test");

    public static X509Certificate2 SiteB { get; } = Signed("b.test");

    /// <summary>What clients without SNI get: names only <c>default.test</c>.</summary>
    public static X509Certificate2 Default { get; } = Signed("default.test");

    public static X509Certificate2 Signed(params string[] names) => TestCertificate.For(names).EcdsaKey().SignedBy(Authority).ValidFor(days: 90).Create();

    public static string WriteAuthorityBundle(TempDirectory directory) => CertificateFiles.WritePem(Authority, directory.Combine("ca.pem"));
}
