using System.Security.Cryptography.X509Certificates;
using IisSsl.Sources;
using IisSsl.Tests.Sources.IisConfig;
using IisSsl.TestSupport;

namespace IisSsl.Tests;

/// <summary>IisSslEngine.Snapshot: what it reads, what it writes, and what it refuses before writing anything.</summary>
public sealed class SnapshotEngineTests
{
    private static SnapshotOptions Sample(string sample, TempDirectory temp) => new()
    {
        SslCertPath = RepositoryPaths.Sample(sample, "sslcert.txt"),
        OutputPath = temp.Combine("server", "httpsys.json"),
        IisConfigPath = RepositoryPaths.Sample(sample, "applicationHost.config"),
        CertificateFolders = [RepositoryPaths.Sample(sample, "certs")],
        CertificatesOutDirectory = temp.Combine("server", "certs"),
    };

    [Fact]
    public void Writes_the_snapshot_copies_the_configuration_and_exports_each_referenced_certificate_once()
    {
        using var temp = new TempDirectory();
        temp.CreateDirectory("server");

        var result = IisSslEngine.Snapshot(Sample("sni-per-host", temp));

        Assert.Equal(result.Json, File.ReadAllText(temp.Combine("server", "httpsys.json")));
        SnapshotSchema.AssertValid(result.Json);
        Assert.Equal(File.ReadAllBytes(RepositoryPaths.Sample("sni-per-host", "applicationHost.config")), File.ReadAllBytes(temp.Combine("server", "applicationHost.config")));
        Assert.Equal(2, result.ExportedCertificates.Count);
        foreach (var file in result.ExportedCertificates)
        {
            var certificate = X509CertificateLoader.LoadCertificateFromFile(file);
            Assert.Equal(Path.GetFileNameWithoutExtension(file), certificate.Thumbprint);
            Assert.False(certificate.HasPrivateKey);
        }

        Assert.Empty(result.MissingCertificates);
        Assert.Contains("3 HTTP.SYS record(s) (1 ipport, 2 hostnameport, 0 ccs)", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_found_in_no_folder_is_named_as_not_exported()
    {
        using var temp = new TempDirectory();
        temp.CreateDirectory("server");

        var result = IisSslEngine.Snapshot(Sample("sni-per-host", temp) with { CertificateFolders = [temp.CreateDirectory("empty")] });

        Assert.Empty(result.ExportedCertificates);
        Assert.Equal(2, result.MissingCertificates.Count);
        Assert.Contains("CertificateNotFound", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configuration_IIS_would_refuse_stops_the_snapshot_before_anything_is_written()
    {
        using var temp = new TempDirectory();
        temp.CreateDirectory("server");
        var broken = temp.Write("broken.config", "<configuration><system.applicationHost><sites>");

        Assert.Throws<InvalidInputException>(() => IisSslEngine.Snapshot(Sample("seed-two-sites", temp) with { IisConfigPath = broken }));

        Assert.Empty(Directory.GetFileSystemEntries(temp.Combine("server")));
    }

    [Fact]
    public void A_certificates_folder_that_cannot_be_created_is_bad_input_and_nothing_is_written()
    {
        using var temp = new TempDirectory();
        temp.CreateDirectory("server");
        var file = temp.Write("not-a-folder", "a file where a folder would go");

        var error = Assert.Throws<InvalidInputException>(() => IisSslEngine.Snapshot(Sample("sni-per-host", temp) with { CertificatesOutDirectory = Path.Combine(file, "certs") }));

        Assert.Contains("cannot be created", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Combine("server")));
    }

    [Fact]
    public void Copying_the_configuration_needs_an_output_file_to_copy_it_beside()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<InvalidInputException>(() => IisSslEngine.Snapshot(Sample("seed-two-sites", temp) with { OutputPath = null }));

        Assert.Contains("--config needs --output", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_in_a_folder_that_does_not_exist_is_refused()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<InvalidInputException>(() => IisSslEngine.Snapshot(Sample("seed-two-sites", temp)));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
    [Fact]
    public void A_configuration_whose_sites_live_in_a_configSource_file_is_copied_with_that_file_so_the_copy_reads_the_same_sites()
    {
        using var temp = new TempDirectory();
        temp.CreateDirectory("server");
        var original = ConfigFixtures.PathOf(Path.Combine("configsource", "applicationHost.config"));

        var result = IisSslEngine.Snapshot(Sample("seed-two-sites", temp) with { IisConfigPath = original });

        var copy = temp.Combine("server", "applicationHost.config");
        Assert.Equal(File.ReadAllBytes(ConfigFixtures.PathOf(Path.Combine("configsource", "sites.config"))), File.ReadAllBytes(temp.Combine("server", "sites.config")));
        Assert.Equal(Bindings(original), Bindings(copy));
        Assert.Contains("sites.config", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_configuration_is_copied_as_the_applicationHost_config_its_redirection_points_at()
    {
        using var temp = new TempDirectory();
        temp.CreateDirectory("server");
        var shared = temp.CreateDirectory("share");
        File.Copy(RepositoryPaths.Sample("seed-two-sites", "applicationHost.config"), Path.Combine(shared, "applicationHost.config"));
        var redirection = temp.Write("redirection.config",
            $"<configuration><configSections><section name=\"configurationRedirection\" /></configSections><configurationRedirection enabled=\"true\" path=\"{shared}\" /></configuration>");

        IisSslEngine.Snapshot(Sample("seed-two-sites", temp) with { IisConfigPath = redirection });

        var copy = temp.Combine("server", "applicationHost.config");
        Assert.Equal(File.ReadAllBytes(Path.Combine(shared, "applicationHost.config")), File.ReadAllBytes(copy));
        Assert.Equal(Bindings(redirection), Bindings(copy));
    }

    private static List<string> Bindings(string config) =>
        [.. new ApplicationHostConfigFile(config).Read().Sites.SelectMany(site => site.Bindings.Select(b => $"{site.Name} {b.Protocol} {b.BindingInformation} {b.SslFlags}"))];
}
