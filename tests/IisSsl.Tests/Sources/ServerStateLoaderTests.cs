using IisSsl.Model;
using IisSsl.Sources;
using IisSsl.Sources.HttpSys;
using IisSsl.TestSupport;
using NSubstitute;

namespace IisSsl.Tests.Sources;

public sealed class ServerStateLoaderTests
{
    private const string A = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private const string B = "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

    private static readonly IisConfiguration NoSites = new("applicationHost.config", []);

    private static IIisConfigurationSource Config()
    {
        var config = Substitute.For<IIisConfigurationSource>();
        config.Read().Returns(NoSites);
        return config;
    }

    private static IHttpSysSource Records(params SslCertBinding[] bindings)
    {
        var httpSys = Substitute.For<IHttpSysSource>();
        httpSys.Read().Returns(new HttpSysState("sslcert.txt", bindings));
        return httpSys;
    }

    private static SslCertBinding IpPort(int port, string? thumbprint, string store = "MY") =>
        new(SslCertBindingKind.IpPort, port, System.Net.IPAddress.Any, Thumbprint: thumbprint, StoreName: store);

    private static CertificateInfo Info(string source)
    {
        using var certificate = TestCertificate.For("a.example.com").Create();
        return CertificateInfo.From(certificate, source, null);
    }

    [Fact]
    public void Looks_up_only_the_thumbprints_the_records_reference_and_each_once()
    {
        var certificates = Substitute.For<ICertificateSource>();
        certificates.Find(A, "MY").Returns(Info("a.cer"));

        var state = ServerStateLoader.Load(
            Config(),
            Records(IpPort(443, A), IpPort(8443, A), new SslCertBinding(SslCertBindingKind.CentralCertificateStore, 443)),
            [certificates]);

        Assert.Equal([A], state.CertificatesByThumbprint.Keys);
        certificates.Received(1).Find(A, "MY");
        certificates.ReceivedWithAnyArgs(1).Find(default!, default!);
    }

    [Fact]
    public void A_thumbprint_no_source_has_is_absent()
    {
        var certificates = Substitute.For<ICertificateSource>();
        certificates.Find(A, "MY").Returns(Info("a.cer"));

        var state = ServerStateLoader.Load(Config(), Records(IpPort(443, A), IpPort(444, B)), [certificates]);

        Assert.True(state.CertificatesByThumbprint.ContainsKey(A));
        Assert.False(state.CertificatesByThumbprint.ContainsKey(B));
    }

    [Fact]
    public void The_first_source_that_has_a_certificate_wins_and_gets_the_records_store()
    {
        var first = Substitute.For<ICertificateSource>();
        var second = Substitute.For<ICertificateSource>();
        second.Find(A, "WebHosting").Returns(Info("second"));
        var third = Substitute.For<ICertificateSource>();
        third.Find(A, "WebHosting").Returns(Info("third"));

        var state = ServerStateLoader.Load(Config(), Records(IpPort(443, A, "WebHosting")), [first, second, third]);

        Assert.Equal("second", state.CertificatesByThumbprint[A].Source);
        first.Received(1).Find(A, "WebHosting");
        third.DidNotReceiveWithAnyArgs().Find(default!, default!);
    }

    [Fact]
    public void Keeps_the_configuration_records_and_central_certificate_store_it_was_given()
    {
        var ccs = Substitute.For<ICentralCertificateLookup>();
        var httpSys = Records(IpPort(443, null));

        var state = ServerStateLoader.Load(Config(), httpSys, [], ccs);

        Assert.Same(NoSites, state.Configuration);
        Assert.Single(state.HttpSys.Bindings);
        Assert.Same(ccs, state.CentralCertificateStore);
    }

    [Fact]
    public void A_configuration_error_is_reported_before_an_http_sys_error()
    {
        var config = Substitute.For<IIisConfigurationSource>();
        config.Read().Returns(_ => throw new InvalidInputException("bad config", "applicationHost.config", 3));
        var httpSys = Substitute.For<IHttpSysSource>();
        httpSys.Read().Returns(_ => throw new InvalidInputException("bad record", "sslcert.txt", 5));

        var error = Assert.Throws<InvalidInputException>(() => ServerStateLoader.Load(config, httpSys, []));

        Assert.Equal("applicationHost.config:3: bad config", error.Message);
    }

    [Fact]
    public void An_http_sys_error_is_reported_when_the_configuration_reads()
    {
        var httpSys = Substitute.For<IHttpSysSource>();
        httpSys.Read().Returns(_ => throw new InvalidInputException("bad record", "sslcert.txt", 5));

        var error = Assert.Throws<InvalidInputException>(() => ServerStateLoader.Load(Config(), httpSys, []));

        Assert.Equal("sslcert.txt:5: bad record", error.Message);
    }

    [Fact]
    public void A_configuration_error_is_reported_as_itself()
    {
        var config = Substitute.For<IIisConfigurationSource>();
        config.Read().Returns(_ => throw new InvalidInputException("bad config", "applicationHost.config", 3));

        var error = Assert.Throws<InvalidInputException>(() => ServerStateLoader.Load(config, Records(), []));

        Assert.Equal("applicationHost.config:3: bad config", error.Message);
    }

    [Theory]
    [InlineData("state.json", typeof(HttpSysJsonSnapshot))]
    [InlineData("STATE.JSON", typeof(HttpSysJsonSnapshot))]
    [InlineData("sslcert.txt", typeof(NetshSslCertText))]
    [InlineData("sslcert", typeof(NetshSslCertText))]
    public void The_sslcert_file_extension_chooses_snapshot_or_netsh_text(string path, Type expected) =>
        Assert.IsType(expected, ServerStateLoader.HttpSysFor(path));

    [Fact]
    public void Without_an_sslcert_file_the_live_machine_is_read() =>
        Assert.IsType<LiveHttpSys>(ServerStateLoader.HttpSysFor(null));

    [Fact]
    public void Off_windows_the_configuration_file_must_be_given()
    {
        var error = Assert.Throws<InvalidInputException>(() => ServerStateLoader.IisConfigurationFor(null, isWindows: false));

        Assert.Contains("pass --iis-config", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_windows_the_default_configuration_is_iis_own_file()
    {
        var source = Assert.IsType<ApplicationHostConfigFile>(ServerStateLoader.IisConfigurationFor(null, isWindows: true));

        Assert.EndsWith(Path.Combine("System32", "inetsrv", "config", "applicationHost.config"), source.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_folders_are_used_when_given()
    {
        using var dir = new TempDirectory();

        var sources = ServerStateLoader.CertificatesFor([dir.Path], VerifyOptions.DefaultPfxPasswordVariable);

        Assert.IsType<IisSsl.Sources.Certificates.CertificateFolder>(Assert.Single(sources));
    }

    [Fact]
    public void A_snapshot_and_a_certificate_folder_load_end_to_end()
    {
        using var dir = new TempDirectory();
        using var certificate = TestCertificate.For("sitev2.mysite.com").Create();
        CertificateFiles.WriteDer(certificate, dir.Combine("v2.cer"));
        var snapshot = new HttpSysJsonSnapshot(dir.Combine("state.json"));
        snapshot.Write(new HttpSysState("x", [IpPort(443, certificate.Thumbprint), IpPort(444, B)]));

        var state = ServerStateLoader.Load(
            Config(),
            ServerStateLoader.HttpSysFor(snapshot.Path),
            ServerStateLoader.CertificatesFor([dir.Path], VerifyOptions.DefaultPfxPasswordVariable));

        Assert.Equal([certificate.Thumbprint], state.CertificatesByThumbprint.Keys);
        Assert.Equal(["sitev2.mysite.com"], state.CertificatesByThumbprint[certificate.Thumbprint].DnsNames);
    }
}
