using System.Diagnostics;
using IisSsl.Analysis;
using IisSsl.Planning;
using IisSsl.Sources.Certificates;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.Certificates;

/// <summary>
/// Hostile --certs entries (issue 14): only regular files of at most 1 MiB are read; anything else is skipped with a
/// warning naming the file and why. A FIFO must not hang, a link to /dev/zero must not grow memory.
/// </summary>
public sealed class HostileCertificateFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [LinuxFact]
    public void A_fifo_named_like_a_certificate_is_skipped_not_waited_on()
    {
        using var certificate = TestCertificate.For("a.example.com").Create();
        CertificateFiles.WriteDer(certificate, _dir.Combine("real.cer"));
        MakeFifo(_dir.Combine("x.cer"));
        var folder = new CertificateFolder([_dir.Path], "UNUSED_PFX_PASSWORD");

        var lookup = Task.Run(() => folder.Find(certificate.Thumbprint, "MY"));

        Assert.True(lookup.Wait(TimeSpan.FromSeconds(30)), "reading the certificate folder hung on a FIFO");
        Assert.NotNull(lookup.Result);
        var skipped = Assert.Single(folder.Skipped);
        Assert.Contains(_dir.Combine("x.cer"), skipped, StringComparison.Ordinal);
        Assert.Contains("not a regular file (a named pipe (FIFO))", skipped, StringComparison.Ordinal);
    }

    [LinuxFact]
    public void A_link_to_dev_zero_is_skipped_without_reading_it()
    {
        File.CreateSymbolicLink(_dir.Combine("zero.pem"), "/dev/zero");
        File.CreateSymbolicLink(_dir.Combine("zero.pfx"), "/dev/zero");
        var folder = new CertificateFolder([_dir.Path], "UNUSED_PFX_PASSWORD");

        Assert.Null(folder.Find(new string('A', 40), "MY"));

        Assert.Equal(2, folder.Skipped.Count);
        Assert.All(folder.Skipped, s => Assert.Contains("character device", s, StringComparison.Ordinal));
    }

    [LinuxFact]
    public void A_file_longer_than_the_size_it_had_when_opened_is_skipped_not_read_on()
    {
        // procfs files are regular files whose size reads 0 and whose content is made as they are read: the same
        // as a file that grows while it is read.
        File.CreateSymbolicLink(_dir.Combine("status.pem"), "/proc/self/status");
        var folder = new CertificateFolder([_dir.Path], "UNUSED_PFX_PASSWORD");

        Assert.Null(folder.Find(new string('A', 40), "MY"));

        var skipped = Assert.Single(folder.Skipped);
        Assert.Contains("status.pem", skipped, StringComparison.Ordinal);
        Assert.Contains("grew past the 0 bytes it had when opened", skipped, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_file_is_read_whole_and_exactly()
    {
        using var certificate = TestCertificate.For("exact.example.com").Create();
        var path = _dir.Combine("exact.cer");
        CertificateFiles.WriteDer(certificate, path);

        var bytes = CertificateFileReader.TryRead(path, out var skipped);

        Assert.Null(skipped);
        Assert.Equal(certificate.RawData, bytes);
    }

    [Fact]
    public void A_file_over_the_size_cap_is_skipped_and_the_cap_is_named()
    {
        File.WriteAllBytes(_dir.Combine("huge.crt"), new byte[CertificateFileReader.MaxBytes + 1]);
        var folder = new CertificateFolder([_dir.Path], "UNUSED_PFX_PASSWORD");

        Assert.Null(folder.Find(new string('A', 40), "MY"));

        var skipped = Assert.Single(folder.Skipped);
        Assert.Contains("huge.crt", skipped, StringComparison.Ordinal);
        Assert.Contains("1 MiB", skipped, StringComparison.Ordinal);
    }

    [LinuxFact]
    public void Verify_reports_a_skipped_file_as_a_warning_naming_it()
    {
        var sample = RepositoryPaths.Sample("seed-two-sites", "applicationHost.config");
        var certs = _dir.CreateDirectory("certs");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Path.GetDirectoryName(sample)!, "certs")))
            File.Copy(file, Path.Combine(certs, Path.GetFileName(file)));
        MakeFifo(Path.Combine(certs, "x.cer"));

        var report = IisSslEngine.Verify(new VerifyOptions
        {
            IisConfigPath = sample,
            SslCertPath = RepositoryPaths.Sample("seed-two-sites", "sslcert.txt"),
            CertificateFolders = [certs],
        });

        var warning = Assert.Single(report.Findings, f => f.Code == FindingCodes.CertificateFileSkipped);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains(Path.Combine(certs, "x.cer"), warning.Message, StringComparison.Ordinal);
    }

    [LinuxFact]
    public void Plan_and_apply_name_skipped_files_in_one_bounded_warning()
    {
        var server = _dir.CreateDirectory("server");
        var sample = RepositoryPaths.Sample("ensure-from-http");
        foreach (var file in Directory.GetFiles(sample, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(server, Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // A record whose certificate is looked up in the folder, so the folder is read (and its FIFOs skipped).
        File.WriteAllText(Path.Combine(server, "sslcert.json"), """
            { "version": 1, "sslCertBindings": [
              { "ipport": "0.0.0.0:8443", "certificateHash": "01632d46a6666de9f440b704cfbfb62a61496a80", "certificateStoreName": "MY", "appId": "{4dc3e181-e14b-4a21-b022-59fc669b0914}" } ] }
            """);
        for (var i = 1; i <= 5; i++)
            MakeFifo(Path.Combine(server, "certs", $"x{i}.cer"));
        Environment.SetEnvironmentVariable("IIS_SSL_PFX_PASSWORD", "sample"); // the sample manifest's passwordEnv
        var options = new EnsureOptions
        {
            ManifestPath = Path.Combine(server, "https-san.json"),
            IisConfigPath = Path.Combine(server, "applicationHost.config"),
            SslCertPath = Path.Combine(server, "sslcert.json"),
            CertificateFolders = [Path.Combine(server, "certs")],
        };

        var planned = IisSslEngine.Plan(options);
        var applied = IisSslEngine.Apply(options);

        Assert.Equal(EnsureOutcome.Planned, planned.Outcome);
        Assert.Equal(EnsureOutcome.Applied, applied.Outcome);
        foreach (var result in new[] { planned, applied })
        {
            var warning = Assert.Single(result.Warnings, w => w.StartsWith(FindingCodes.CertificateFileSkipped, StringComparison.Ordinal));
            Assert.Contains("5 file(s)", warning, StringComparison.Ordinal);
            Assert.Contains("and 2 more", warning, StringComparison.Ordinal);
            Assert.Equal(3, warning.Split("(FIFO)").Length - 1);
            Assert.DoesNotContain(result.Verification.Findings, f => f.Code == FindingCodes.CertificateFileSkipped);
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}

/// <summary>A fact about Linux special files (FIFOs, devices): skipped elsewhere.</summary>
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "Linux special files";
    }
}
