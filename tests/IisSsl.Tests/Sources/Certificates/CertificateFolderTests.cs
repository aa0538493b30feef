using System.Security.Cryptography.X509Certificates;
using IisSsl.Sources.Certificates;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.Certificates;

public sealed partial class CertificateFolderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly PfxPassword _password = new("s3cret-Pa55");

    public void Dispose()
    {
        _dir.Dispose();
        _password.Dispose();
    }

    private CertificateFolder Folder() => new([_dir.Path], _password.Variable);

    [Theory]
    [InlineData("site.cer")]
    [InlineData("renamed-whatever.crt")]
    [InlineData("x.der")]
    public void Finds_a_der_certificate_by_its_computed_thumbprint_whatever_the_file_name(string fileName)
    {
        using var certificate = TestCertificate.For("a.example.com").Create();
        CertificateFiles.WriteDer(certificate, _dir.Combine(fileName));

        var found = Folder().Find(certificate.Thumbprint, "MY");

        Assert.NotNull(found);
        Assert.Equal(certificate.Thumbprint, found.Thumbprint);
        Assert.Equal(["a.example.com"], found.DnsNames);
        Assert.Null(found.HasPrivateKey);
        Assert.Equal(_dir.Combine(fileName), found.Source);
    }

    [Fact]
    public void Finds_each_certificate_of_a_pem_bundle_and_accepts_pem_in_a_cer_file()
    {
        using var first = TestCertificate.For("one.example.com").Create();
        using var second = TestCertificate.For("two.example.com").Create();
        File.WriteAllText(_dir.Combine("bundle.pem"), first.ExportCertificatePem() + "\n" + second.ExportCertificatePem() + "\n");
        using var third = TestCertificate.For("three.example.com").Create();
        CertificateFiles.WritePem(third, _dir.Combine("pem-encoded.cer"));
        var folder = Folder();

        Assert.Equal(["one.example.com"], folder.Find(first.Thumbprint, "MY")?.DnsNames);
        Assert.Equal(["two.example.com"], folder.Find(second.Thumbprint, "MY")?.DnsNames);
        Assert.Equal(["three.example.com"], folder.Find(third.Thumbprint, "MY")?.DnsNames);
    }

    [Fact]
    public void A_pem_with_the_certificates_key_has_a_private_key_but_its_chain_certificates_do_not()
    {
        using var authority = TestCertificate.Authority("Test CA").Create();
        using var leaf = TestCertificate.For("a.example.com").SignedBy(authority).Create();
        var (certPath, keyPath) = CertificateFiles.WritePemWithKey(leaf, _dir.Path, "leaf");
        File.WriteAllText(_dir.Combine("fullchain.pem"), File.ReadAllText(certPath) + authority.ExportCertificatePem() + "\n" + File.ReadAllText(keyPath));
        File.Delete(certPath);
        var folder = Folder();

        Assert.True(folder.Find(leaf.Thumbprint, "MY")?.HasPrivateKey);
        Assert.Null(folder.Find(authority.Thumbprint, "MY")?.HasPrivateKey);
    }

    [Fact]
    public void Finds_a_pfx_certificate_with_the_password_from_the_environment_and_knows_it_has_a_key()
    {
        using var certificate = TestCertificate.For("pfx.example.com").Create();
        CertificateFiles.WritePfx(certificate, _dir.Combine("site.pfx"), _password.Value);

        var found = Folder().Find(certificate.Thumbprint.ToLowerInvariant(), "MY");

        Assert.NotNull(found);
        Assert.True(found.HasPrivateKey);
        Assert.Equal(["pfx.example.com"], found.DnsNames);
    }

    [Fact]
    public void A_wrong_pfx_password_names_the_file_and_the_variable_but_never_the_password()
    {
        using var certificate = TestCertificate.For("pfx.example.com").Create();
        CertificateFiles.WritePfx(certificate, _dir.Combine("site.pfx"), "another-password");

        var error = Assert.Throws<InvalidInputException>(() => Folder().Find(certificate.Thumbprint, "MY"));

        Assert.Equal(_dir.Combine("site.pfx"), error.File);
        Assert.Contains(_password.Variable, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_password.Value!, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("another-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pfx_with_another_password_does_not_stop_finding_a_certificate_in_another_file()
    {
        using var wanted = TestCertificate.For("wanted.example.com").Create();
        using var other = TestCertificate.For("other.example.com").Create();
        CertificateFiles.WritePfx(wanted, _dir.Combine("wanted.pfx"), _password.Value);
        CertificateFiles.WritePfx(other, _dir.Combine("other.pfx"), "a-password-of-its-own");

        var found = Folder().Find(wanted.Thumbprint, "MY");

        Assert.Equal(wanted.Thumbprint, found?.Thumbprint);
    }

    [Fact]
    public void A_pfx_that_needs_a_password_nobody_gave_says_which_variable_to_set()
    {
        using var unset = new PfxPassword(null);
        using var certificate = TestCertificate.For("pfx.example.com").Create();
        CertificateFiles.WritePfx(certificate, _dir.Combine("site.pfx"), "pw");

        var error = Assert.Throws<InvalidInputException>(() => new CertificateFolder([_dir.Path], unset.Variable).Find(certificate.Thumbprint, "MY"));

        Assert.Contains($"environment variable {unset.Variable}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pfx_files_are_not_opened_when_a_der_file_has_the_certificate()
    {
        using var certificate = TestCertificate.For("a.example.com").Create();
        CertificateFiles.WriteDer(certificate, _dir.Combine("a.cer"));
        File.WriteAllBytes(_dir.Combine("unrelated.pfx"), [1, 2, 3, 4]);

        Assert.NotNull(Folder().Find(certificate.Thumbprint, "MY"));
    }

    [Fact]
    public void A_thumbprint_no_file_has_is_not_found()
    {
        using var certificate = TestCertificate.For("a.example.com").Create();
        CertificateFiles.WriteDer(certificate, _dir.Combine("a.cer"));
        CertificateFiles.WritePfx(certificate, _dir.Combine("a.pfx"), _password.Value);

        Assert.Null(Folder().Find(new string('A', 40), "MY"));
    }

    [Theory]
    [InlineData("000.cer", "zzz.cer")]
    [InlineData("zzz.cer", "000.cer")]
    public void A_certificate_in_two_files_comes_from_the_first_file_in_name_order(string first, string second)
    {
        // Files are read in parallel; among dozens of others, which copy is used must not depend on which read ends first.
        var others = Enumerable.Range(0, 40).Select(i => TestCertificate.For($"other{i}.example.com").Create()).ToList();
        foreach (var (other, i) in others.Select((c, i) => (c, i)))
            CertificateFiles.WriteDer(other, _dir.Combine($"m{i:00}.cer"));
        using var certificate = TestCertificate.For("twice.example.com").Create();
        CertificateFiles.WriteDer(certificate, _dir.Combine(first));
        CertificateFiles.WritePem(certificate, _dir.Combine(second));

        var found = Folder().Find(certificate.Thumbprint, "MY");

        Assert.Equal(_dir.Combine(string.CompareOrdinal(first, second) < 0 ? first : second), found?.Source);
        others.ForEach(c => c.Dispose());
    }

    [Fact]
    public void Looks_in_every_folder_given()
    {
        using var other = new TempDirectory();
        using var certificate = TestCertificate.For("a.example.com").Create();
        CertificateFiles.WriteDer(certificate, other.Combine("a.cer"));

        Assert.NotNull(new CertificateFolder([_dir.Path, other.Path], _password.Variable).Find(certificate.Thumbprint, "MY"));
    }

    [Fact]
    public void A_missing_folder_is_invalid_input()
    {
        var error = Assert.Throws<InvalidInputException>(() => new CertificateFolder([_dir.Combine("nope")], _password.Variable));

        Assert.Equal(_dir.Combine("nope"), error.File);
    }

    [Fact]
    public void Facts_come_from_the_certificate()
    {
        using var certificate = TestCertificate.For("a.example.com", "*.b.example.com").EcdsaKey().Create();
        CertificateFiles.WriteDer(certificate, _dir.Combine("a.cer"));

        var found = Folder().Find(certificate.Thumbprint, "MY")!;

        Assert.Equal(["a.example.com", "*.b.example.com"], found.DnsNames);
        Assert.Equal("ECDSA", found.KeyAlgorithm);
        Assert.Equal(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), found.NotAfter);
        Assert.Equal(X509ContentType.Cert, X509Certificate2.GetCertContentType(found.Certificate.RawData));
    }
}
