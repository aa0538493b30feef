using IisSsl.Model;
using IisSsl.Sources.Certificates;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.Certificates;

public sealed class CentralCertificateStoreFolderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly PfxPassword _password = new("ccs-key-password");

    public void Dispose()
    {
        _dir.Dispose();
        _password.Dispose();
    }

    private CentralCertificateStoreFolder Store() => new(_dir.Path, _password.Variable);

    private string WritePfx(string fileName, params string[] names)
    {
        using var certificate = TestCertificate.For(names).Create();
        CertificateFiles.WritePfx(certificate, _dir.Combine(fileName), _password.Value);
        return certificate.Thumbprint;
    }

    [Fact]
    public void The_exact_host_file_wins_over_the_wildcard_file()
    {
        var exact = WritePfx("www.contoso.com.pfx", "www.contoso.com");
        WritePfx("_.contoso.com.pfx", "*.contoso.com");

        var found = Store().Find(HostName.Parse("www.contoso.com"));

        Assert.Equal(exact, found?.Thumbprint);
        Assert.True(found?.HasPrivateKey);
    }

    [Fact]
    public void Without_a_host_file_the_wildcard_file_of_the_parent_serves()
    {
        var wildcard = WritePfx("_.contoso.com.pfx", "*.contoso.com");

        Assert.Equal(wildcard, Store().Find(HostName.Parse("shop.contoso.com"))?.Thumbprint);
        Assert.Equal(wildcard, Store().Find(HostName.Parse("*.contoso.com"))?.Thumbprint);
    }

    [Fact]
    public void File_names_match_whatever_their_case()
    {
        var thumbprint = WritePfx("WWW.Contoso.COM.PFX", "www.contoso.com");

        Assert.Equal(thumbprint, Store().Find(HostName.Parse("www.contoso.com"))?.Thumbprint);
    }

    [Fact]
    public void Idn_hosts_are_looked_up_by_their_unicode_file_name()
    {
        var unicode = WritePfx("bücher.example.pfx", "xn--bcher-kva.example");
        WritePfx("xn--bcher-kva.example.pfx", "other.example");

        Assert.Equal(unicode, Store().Find(HostName.Parse("xn--bcher-kva.example"))?.Thumbprint);
    }

    [Fact]
    public void A_host_without_a_file_has_no_certificate()
    {
        WritePfx("_.contoso.com.pfx", "*.contoso.com");

        Assert.Null(Store().Find(HostName.Parse("www.fabrikam.com")));
        Assert.Null(Store().Find(HostName.Parse("a.b.contoso.com")));
    }

    [Fact]
    public void Each_file_is_opened_once()
    {
        WritePfx("www.contoso.com.pfx", "www.contoso.com");
        var store = Store();

        var first = store.Find(HostName.Parse("www.contoso.com"));
        File.Delete(_dir.Combine("www.contoso.com.pfx"));

        Assert.Same(first, store.Find(HostName.Parse("WWW.contoso.com")));
    }

    [Fact]
    public void A_wrong_key_password_names_the_file_and_the_variable()
    {
        using var certificate = TestCertificate.For("www.contoso.com").Create();
        CertificateFiles.WritePfx(certificate, _dir.Combine("www.contoso.com.pfx"), "not-the-ccs-password");

        var error = Assert.Throws<InvalidInputException>(() => Store().Find(HostName.Parse("www.contoso.com")));

        Assert.Equal(_dir.Combine("www.contoso.com.pfx"), error.File);
        Assert.Contains(_password.Variable, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_password.Value!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_invalid_input() =>
        Assert.Throws<InvalidInputException>(() => new CentralCertificateStoreFolder(_dir.Combine("nope"), _password.Variable));
}
