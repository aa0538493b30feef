using System.Security.Cryptography;
using IisSsl.Sources.Certificates;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.Certificates;

/// <summary>Loading many certificates at once (<see cref="CertificateFolder.FindAll(IReadOnlyList{string})"/>).</summary>
public sealed partial class CertificateFolderTests
{
    [Fact]
    public void A_batch_finds_in_order_exactly_what_finding_one_at_a_time_finds()
    {
        var certificates = Enumerable.Range(0, 24).Select(i => TestCertificate.For($"site{i}.example.com").Create()).ToList();
        for (var i = 0; i < 20; i++)
            CertificateFiles.WriteDer(certificates[i], _dir.Combine($"site{i}.cer"));
        File.WriteAllText(_dir.Combine("bundle.pem"), certificates[20].ExportCertificatePem() + "\n" + certificates[21].ExportCertificatePem() + "\n");
        CertificateFiles.WritePfx(certificates[22], _dir.Combine("site22.pfx"), _password.Value);
        string[] thumbprints =
        [
            .. certificates.Select(c => c.Thumbprint).Reverse(),
            certificates[3].Thumbprint.ToLowerInvariant(),
            "not a thumbprint",
            string.Empty,
            certificates[22].Thumbprint,
        ];
        var oneAtATime = Folder();

        var batch = Folder().FindAll(thumbprints);

        Assert.Equal(thumbprints.Select(t => oneAtATime.Find(t, "MY")?.Thumbprint), batch.Select(c => c?.Thumbprint));
        Assert.Null(batch[0]);
        Assert.True(batch.Skip(1).Take(certificates.Count - 1).All(c => c is not null));
        Assert.Equal(["site21.example.com"], batch[2]?.DnsNames);
        Assert.True(batch[1]?.HasPrivateKey);
        certificates.ForEach(c => c.Dispose());
    }

    [Fact]
    public void A_batch_and_single_lookups_share_the_certificates_they_built()
    {
        using var certificate = TestCertificate.For("a.example.com").Create();
        CertificateFiles.WriteDer(certificate, _dir.Combine("a.cer"));
        var folder = Folder();

        var fromBatch = folder.FindAll([certificate.Thumbprint])[0];

        Assert.Same(fromBatch, folder.Find(certificate.Thumbprint, "MY"));
        Assert.Same(fromBatch, folder.FindAll([certificate.Thumbprint])[0]);
    }

    [Theory]
    [InlineData("first.cer", "second.cer")]
    [InlineData("second.cer", "first.cer")]
    public void A_batch_names_the_unreadable_file_of_the_first_thumbprint_asked_for(string askedFirst, string askedSecond)
    {
        using var good = TestCertificate.For("good.example.com").Create();
        CertificateFiles.WriteDer(good, _dir.Combine("good.cer"));
        File.WriteAllBytes(_dir.Combine("first.cer"), [0x30, 0x03, 0x02, 0x01, 0x01]);
        File.WriteAllBytes(_dir.Combine("second.cer"), [0x30, 0x03, 0x02, 0x01, 0x02]);

        var error = Assert.Throws<InvalidInputException>(() => Folder().FindAll([good.Thumbprint, ThumbprintOf(askedFirst), ThumbprintOf(askedSecond)]));

        Assert.Equal(_dir.Combine(askedFirst), error.File);
    }

    [Fact]
    public void A_batch_reports_an_unreadable_pfx_only_for_a_certificate_no_other_file_has()
    {
        using var inDer = TestCertificate.For("der.example.com").Create();
        using var elsewhere = TestCertificate.For("elsewhere.example.com").Create();
        CertificateFiles.WriteDer(inDer, _dir.Combine("der.cer"));
        CertificateFiles.WritePfx(elsewhere, _dir.Combine("other.pfx"), "a-password-of-its-own");

        Assert.NotNull(Folder().FindAll([inDer.Thumbprint])[0]);
        var error = Assert.Throws<InvalidInputException>(() => Folder().FindAll([inDer.Thumbprint, elsewhere.Thumbprint]));
        Assert.Equal(_dir.Combine("other.pfx"), error.File);
    }

    private string ThumbprintOf(string fileName) => Convert.ToHexString(SHA1.HashData(File.ReadAllBytes(_dir.Combine(fileName))));
}
