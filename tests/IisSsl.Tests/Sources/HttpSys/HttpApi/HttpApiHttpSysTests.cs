using System.Net;
using IisSsl.Model;
using IisSsl.Sources.HttpSys;
using IisSsl.Sources.HttpSys.HttpApi;
using IisSsl.TestSupport;
using static IisSsl.Sources.HttpSys.HttpApi.Interop.HttpApi;

namespace IisSsl.Tests.Sources.HttpSys.HttpApi;

/// <summary>The HTTP Server API reader, end to end against the in-process httpapi fake.</summary>
public sealed class HttpApiHttpSysTests
{
    internal static readonly Guid IisAppId = Guid.Parse(SslCertBinding.IisAppId);
    internal static readonly Guid AdfsAppId = Guid.Parse("5d89a20c-beab-4389-9447-324788eb944a");

    internal static byte[] Hash(byte seed) => [.. Enumerable.Range(seed, 20).Select(b => (byte)b)];

    /// <summary>A record with every field set to something other than its default.</summary>
    internal static SslParam Everything(byte seed) =>
        new(Hash(seed), AdfsAppId, "WebHosting", CertCheckModeNoRevocationCheck | CertCheckModeFreshnessTimeEnabled | CertCheckModeNoUsageCheck, 3600, 15000, "AdfsTrustedDevices", "AdfsTrustedDevicesStore", SslFlagNegotiateClientCert | SslFlagDisableHttp2 | SslFlagEnableTokenBinding | 0x4000);

    internal static SslParam Plain(byte seed) => new(Hash(seed), IisAppId, "My", 0, 0, 0, null, null, 0);

    private static FakeHttpApi ServerWithEveryKind()
    {
        var fake = new FakeHttpApi();
        fake.Seed(HttpServiceConfigSSLCertInfo, "0.0.0.0:443", Plain(1)).Extended[ExParamTypeHttp2Window] = new(0, 1048576, 0);
        fake.Seed(HttpServiceConfigSSLCertInfo, "[::]:443", Plain(2));
        fake.Seed(HttpServiceConfigSSLCertInfo, "10.0.0.5:8443", Everything(3));
        var sni = fake.Seed(HttpServiceConfigSslSniCertInfo, "sitev2.mysite.com:443", Plain(4));
        sni.Extended[ExParamTypeHttp2Window] = new(0, 65535, 0);
        sni.Extended[ExParamTypeHttp2SettingsLimits] = new(0, 2796202, 4294967295);
        fake.Seed(HttpServiceConfigSslCcsCertInfo, "443", new SslParam([], IisAppId, null, 0, 0, 0, null, null, 0));
        return fake;
    }

    [Fact]
    public void Reads_every_ipport_hostnameport_and_ccs_record_with_its_key_hash_store_and_app_id()
    {
        var state = new HttpApiHttpSys(ServerWithEveryKind()).Read();

        Assert.Equal(
            ["ipport=0.0.0.0:443", "ipport=[::]:443", "ipport=10.0.0.5:8443", "hostnameport=sitev2.mysite.com:443", "ccs=443"],
            state.Bindings.Select(b => b.Key));
        var v4 = state.Bindings[0];
        Assert.Equal(IPAddress.Any, v4.Address);
        Assert.Equal(Convert.ToHexString(Hash(1)), v4.Thumbprint);
        Assert.Equal("My", v4.StoreName);
        Assert.Equal(IisAppId, v4.AppId);
        Assert.Equal(IPAddress.IPv6Any, state.Bindings[1].Address);
        Assert.Equal("sitev2.mysite.com", state.Bindings[3].Host!.Value);
        var ccs = state.Bindings[4];
        Assert.Equal(SslCertBindingKind.CentralCertificateStore, ccs.Kind);
        Assert.Null(ccs.Thumbprint);
        Assert.Equal("MY", ccs.StoreName);
        Assert.Equal(HttpApiHttpSys.Source, state.Source);
    }

    [Fact]
    public void Every_field_of_the_record_is_kept_under_the_label_netsh_prints_it_with()
    {
        var record = new HttpApiHttpSys(ServerWithEveryKind()).Read().Bindings[2];

        Assert.Equal("Disabled", record.Settings["Verify Client Certificate Revocation"]);
        Assert.Equal("Disabled", record.Settings["Verify Revocation Using Cached Client Certificate Only"]);
        Assert.Equal("Disabled", record.Settings["Usage Check"]);
        Assert.Equal("3600", record.Settings["Revocation Freshness Time"]);
        Assert.Equal("15000", record.Settings["URL Retrieval Timeout"]);
        Assert.Equal("AdfsTrustedDevices", record.Settings["Ctl Identifier"]);
        Assert.Equal("AdfsTrustedDevicesStore", record.Settings["Ctl Store Name"]);
        Assert.Equal("Enabled", record.Settings["Negotiate Client Certificate"]);
        Assert.Equal("Set", record.Settings["Disable HTTP2"]);
        Assert.Equal("Set", record.Settings["Enable Token Binding"]);
        Assert.Equal("Not Set", record.Settings["Disable QUIC"]);
        Assert.Equal("0x00000004", record.Settings[SslParamSettings.OtherCertCheckModeBits]);
        Assert.Equal("0x00004000", record.Settings[SslParamSettings.OtherFlagBits]);
        Assert.Equal("WebHosting", record.StoreName);
        Assert.Equal(AdfsAppId, record.AppId);
    }

    [Fact]
    public void Extended_properties_are_read_as_netsh_numbers_them()
    {
        var sni = new HttpApiHttpSys(ServerWithEveryKind()).Read().Bindings[3];

        Assert.Equal("0", sni.Settings["Extended Properties[0].PropertyId"]);
        Assert.Equal("65535", sni.Settings["Extended Properties[0].Receive Window"]);
        Assert.Equal("1", sni.Settings["Extended Properties[1].PropertyId"]);
        Assert.Equal("2796202", sni.Settings["Extended Properties[1].Max Settings Per Frame"]);
        Assert.Equal("4294967295", sni.Settings["Extended Properties[1].Max Settings Per Minute"]);
    }

    [Fact]
    public void A_buffer_too_small_for_a_record_is_asked_again_with_the_length_HTTP_SYS_needs()
    {
        var small = ServerWithEveryKind();
        var fromZero = new HttpApiHttpSys(small, initialQueryBuffer: 0).Read();
        var usual = new HttpApiHttpSys(ServerWithEveryKind()).Read();

        Assert.True(small.InsufficientBufferAnswers >= fromZero.Bindings.Count);
        Assert.Equal(HttpSysSnapshotFormat.Serialize(usual), HttpSysSnapshotFormat.Serialize(fromZero));
    }

    [Fact]
    public void A_record_longer_than_the_first_buffer_is_read_whole()
    {
        var fake = new FakeHttpApi();
        var longCtl = new string('c', 3000);
        fake.Seed(HttpServiceConfigSSLCertInfo, "0.0.0.0:443", Plain(1) with { CtlIdentifier = longCtl });

        var record = new HttpApiHttpSys(fake).Read().Bindings.Single();

        Assert.Equal(longCtl, record.Settings["Ctl Identifier"]);
        Assert.Equal(1, fake.InsufficientBufferAnswers);
    }

    [Fact]
    public void Each_read_initializes_and_terminates_the_configuration_session_once()
    {
        var fake = ServerWithEveryKind();

        new HttpApiHttpSys(fake).Read();

        Assert.Equal((1, 1), (fake.InitializeCalls, fake.TerminateCalls));
        Assert.Equal("Initialize 2.0 2", fake.Calls[0]);
        Assert.Equal("Terminate 2", fake.Calls[^1]);
    }

    [Fact]
    public void An_empty_HTTP_SYS_reads_as_no_records()
    {
        Assert.Empty(new HttpApiHttpSys(new FakeHttpApi()).Read().Bindings);
    }

    [Fact]
    public void Access_denied_on_reading_says_to_run_elevated_and_still_terminates()
    {
        var fake = ServerWithEveryKind();
        fake.Fault = (call, id) => call == "Query" && id == HttpServiceConfigSslSniCertInfo ? ERROR_ACCESS_DENIED : null;

        var error = Assert.Throws<InvalidInputException>(() => new HttpApiHttpSys(fake).Read());

        Assert.Contains("run elevated", error.Message, StringComparison.Ordinal);
        Assert.Contains("hostnameport", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, fake.TerminateCalls);
    }

    [Fact]
    public void A_failed_HttpInitialize_is_reported_with_its_code_and_message()
    {
        var fake = new FakeHttpApi { Fault = (call, _) => call == "Initialize" ? 1234u : null };

        var error = Assert.Throws<InvalidInputException>(() => new HttpApiHttpSys(fake).Read());

        Assert.Contains("HttpInitialize failed: Win32 error 1234", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scoped_central_certificate_store_records_are_refused_not_ignored()
    {
        var fake = ServerWithEveryKind();
        fake.ScopedCcsRecords = 1;

        var error = Assert.Throws<InvalidInputException>(() => new HttpApiHttpSys(fake).Read());

        Assert.Contains("scoped Central Certificate Store", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, LiveHttpSysAccess.Via.HttpApi)]
    [InlineData("", LiveHttpSysAccess.Via.HttpApi)]
    [InlineData("api", LiveHttpSysAccess.Via.HttpApi)]
    [InlineData("NETSH", LiveHttpSysAccess.Via.Netsh)]
    public void The_live_HTTP_SYS_is_read_through_the_API_unless_netsh_is_asked_for(string? value, LiveHttpSysAccess.Via expected)
    {
        Assert.Equal(expected, LiveHttpSysAccess.Chosen(value ?? string.Empty));
    }

    [Fact]
    public void An_unknown_choice_of_HTTP_SYS_access_is_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => LiveHttpSysAccess.Chosen("wmi"));
        Assert.Contains(LiveHttpSysAccess.Variable, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Samples() =>
        [.. Directory.GetDirectories(RepositoryPaths.Samples).Where(d => File.Exists(Path.Combine(d, "sslcert.txt"))).Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_server_written_through_the_API_from_netsh_text_reads_back_as_the_same_snapshot(string sample)
    {
        var fromText = new NetshSslCertText(RepositoryPaths.Sample(sample, "sslcert.txt")).Read();
        var fake = new FakeHttpApi();
        var executor = new IisSsl.Execution.HttpApiHttpSysExecutor(fake);
        foreach (var record in fromText.Bindings)
            executor.Apply(new IisSsl.Execution.HttpSysEdit.Add(record));

        var fromApi = new HttpApiHttpSys(fake).Read();

        Assert.Equal(HttpSysSnapshotFormat.Serialize(fromText), HttpSysSnapshotFormat.Serialize(fromApi));
    }
}
