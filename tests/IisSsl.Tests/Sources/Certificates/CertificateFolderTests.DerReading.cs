using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IisSsl.Model;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.Certificates;

/// <summary>DER/PEM files are read without loading the certificate; what that reader declines keeps the loading path and its errors.</summary>
public sealed partial class CertificateFolderTests
{
    [Fact]
    public void A_der_files_certificate_is_loaded_once_when_first_asked_for()
    {
        using var certificate = TestCertificate.For("a.example.com").Create();
        CertificateFiles.WriteDer(certificate, _dir.Combine("a.cer"));
        var found = Folder().Find(certificate.Thumbprint, "MY")!;

        var seen = new X509Certificate2[8];
        Parallel.For(0, seen.Length, i => seen[i] = found.Certificate);

        Assert.All(seen, c => Assert.Same(seen[0], c));
        Assert.Equal(certificate.RawData, seen[0].RawData);
    }

    [Fact]
    public void A_version_1_certificate_has_the_facts_the_loaded_certificate_gives()
    {
        var der = DerCertificateReaderTests.AsVersion1(TestCertificate.For("v1.example.com").Create().RawData);
        var path = _dir.Combine("v1.cer");
        File.WriteAllBytes(path, der);

        var found = Folder().Find(ThumbprintOf("v1.cer"), "MY");

        Assert.NotNull(found);
        Assert.Equal(DerCertificateReaderTests.Facts(CertificateInfo.From(X509CertificateLoader.LoadCertificate(der), path, null)), DerCertificateReaderTests.Facts(found));
    }

    [Fact]
    public void A_certificate_file_with_trailing_bytes_has_the_facts_the_loaded_certificate_gives()
    {
        byte[] bytes = [.. TestCertificate.For("a.example.com").Create().RawData, 0x00, 0x00];
        var path = _dir.Combine("trailing.cer");
        File.WriteAllBytes(path, bytes);

        var found = Folder().Find(ThumbprintOf("trailing.cer"), "MY");

        Assert.NotNull(found);
        Assert.Equal(DerCertificateReaderTests.Facts(CertificateInfo.From(X509CertificateLoader.LoadCertificate(bytes), path, null)), DerCertificateReaderTests.Facts(found));
    }

    [Fact]
    public void A_truncated_certificate_file_is_named_as_unreadable()
    {
        File.WriteAllBytes(_dir.Combine("damaged.cer"), TestCertificate.For("a.example.com").Create().RawData[..^10]);

        var error = Assert.Throws<InvalidInputException>(() => Folder().Find(ThumbprintOf("damaged.cer"), "MY"));

        Assert.Equal(_dir.Combine("damaged.cer"), error.File);
        Assert.Contains("is not a readable X.509 certificate", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<CryptographicException>(error.InnerException);
    }
}
