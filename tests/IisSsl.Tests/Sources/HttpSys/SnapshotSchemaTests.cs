using System.Net;
using FsCheck.Xunit;
using IisSsl.Model;
using IisSsl.Sources.HttpSys;
using IisSsl.Sources.HttpSys.HttpApi;
using IisSsl.Tests.Sources.HttpSys.HttpApi;
using IisSsl.TestSupport;
using static IisSsl.Sources.HttpSys.HttpApi.Interop.HttpApi;

namespace IisSsl.Tests.Sources.HttpSys;

/// <summary>Every snapshot the tool writes matches docs/snapshot.schema.json, and the schema is strict enough to say no.</summary>
public sealed class SnapshotSchemaTests
{
    [Theory]
    [MemberData(nameof(HttpApiHttpSysTests.Samples), MemberType = typeof(HttpApiHttpSysTests))]
    public void The_snapshot_of_every_sample_matches_the_schema(string sample)
    {
        var state = new NetshSslCertText(RepositoryPaths.Sample(sample, "sslcert.txt")).Read();

        SnapshotSchema.AssertValid(HttpSysSnapshotFormat.Serialize(state));
    }

    [Fact]
    public void A_snapshot_read_through_the_HTTP_Server_API_matches_the_schema()
    {
        var fake = new FakeHttpApi();
        fake.Seed(HttpServiceConfigSSLCertInfo, "[2001:db8::1]:443", HttpApiHttpSysTests.Everything(1)).Extended[ExParamTypeHttp2Window] = new(0, 1, 0);
        fake.Seed(HttpServiceConfigSslSniCertInfo, "xn--bcher-kva.example:443", HttpApiHttpSysTests.Plain(2));
        fake.Seed(HttpServiceConfigSslSniCertInfo, "*.mysite.com:443", HttpApiHttpSysTests.Plain(3));
        fake.Seed(HttpServiceConfigSslCcsCertInfo, "443", new SslParam([], Guid.NewGuid(), null, 0, 0, 0, null, null, 0));

        SnapshotSchema.AssertValid(HttpSysSnapshotFormat.Serialize(new HttpApiHttpSys(fake).Read()));
    }

    [Property]
    public bool Any_snapshot_the_tool_writes_matches_the_schema(byte[] address, ushort port, byte[]? hash, Guid appId, bool ipv6, string? store, string[]? settingValues)
    {
        var bytes = new byte[ipv6 ? 16 : 4];
        (address ?? []).Take(bytes.Length).ToArray().CopyTo(bytes, 0);
        var thumbprint = hash is { Length: > 0 } ? Convert.ToHexString(hash) : null;
        var settings = (settingValues ?? []).Where(v => v is not null).Select((v, i) => (Name: $"Setting {i}", Value: v)).ToDictionary(s => s.Name, s => s.Value);
        var port1 = Math.Max(1, (int)port);
        var state = new HttpSysState("x",
        [
            new SslCertBinding(SslCertBindingKind.IpPort, port1, new IPAddress(bytes), Thumbprint: thumbprint, StoreName: store ?? "MY", AppId: appId) { Settings = settings },
            new SslCertBinding(SslCertBindingKind.HostnamePort, port1, Host: HostName.Parse("www.example.com"), Thumbprint: thumbprint, AppId: appId),
            new SslCertBinding(SslCertBindingKind.CentralCertificateStore, port1, AppId: appId),
        ]);

        return SnapshotSchema.Problems(HttpSysSnapshotFormat.Serialize(state)).Count == 0;
    }

    [Theory]
    [InlineData("""{ "version": 2, "sslCertBindings": [] }""")]
    [InlineData("""{ "version": 1, "sslCertBindings": [], "extra": true }""")]
    [InlineData("""{ "version": 1, "sslCertBindings": [ { "ipport": "0.0.0.0:443", "ccs": 443, "certificateStoreName": "MY", "appId": "{4dc3e181-e14b-4a21-b022-59fc669b0914}" } ] }""")]
    [InlineData("""{ "version": 1, "sslCertBindings": [ { "certificateStoreName": "MY", "appId": "{4dc3e181-e14b-4a21-b022-59fc669b0914}" } ] }""")]
    [InlineData("""{ "version": 1, "sslCertBindings": [ { "ipport": "localhost:443", "certificateStoreName": "MY", "appId": "{4dc3e181-e14b-4a21-b022-59fc669b0914}" } ] }""")]
    [InlineData("""{ "version": 1, "sslCertBindings": [ { "ccs": 443, "certificateHash": "not hex", "certificateStoreName": "MY", "appId": "{4dc3e181-e14b-4a21-b022-59fc669b0914}" } ] }""")]
    [InlineData("""{ "version": 1, "sslCertBindings": [ { "ccs": 443, "certificateStoreName": "MY", "appId": "{4dc3e181-e14b-4a21-b022-59fc669b0914}", "settings": { "Disable HTTP2": 1 } } ] }""")]
    public void The_schema_refuses_what_the_tool_never_writes(string json)
    {
        Assert.NotEmpty(SnapshotSchema.Problems(json));
    }
}
