using System.Net;
using IisSsl.Execution;
using IisSsl.Model;
using IisSsl.Sources.HttpSys.HttpApi;
using IisSsl.Tests.Sources.HttpSys.HttpApi;
using static IisSsl.Sources.HttpSys.HttpApi.Interop.HttpApi;
using static IisSsl.Tests.Sources.HttpSys.HttpApi.HttpApiHttpSysTests;

namespace IisSsl.Tests.Execution;

/// <summary>The HTTP Server API executor, end to end against the in-process httpapi fake.</summary>
public sealed class HttpApiHttpSysExecutorTests
{
    private static readonly string NewThumbprint = Convert.ToHexString(Hash(100));

    private static SslCertBinding IpPort(string thumbprint, string store = "MY") =>
        new(SslCertBindingKind.IpPort, 443, IPAddress.Any, null, thumbprint, store, IisAppId);

    private static SslCertBinding Sni(string host, string thumbprint) =>
        new(SslCertBindingKind.HostnamePort, 443, Host: HostName.Parse(host), Thumbprint: thumbprint, AppId: IisAppId);

    [Fact]
    public void An_added_ipport_record_gets_the_hash_store_and_app_id_and_HTTP_SYS_defaults_for_the_rest()
    {
        var fake = new FakeHttpApi();

        new HttpApiHttpSysExecutor(fake).Apply(new HttpSysEdit.Add(IpPort(NewThumbprint, "WebHosting")));

        var stored = Assert.Single(fake.Table(HttpServiceConfigSSLCertInfo));
        Assert.Equal("0.0.0.0:443", stored.Key);
        Assert.Equal(Hash(100), stored.Param.Hash);
        Assert.Equal("WebHosting", stored.Param.StoreName);
        Assert.Equal(IisAppId, stored.Param.AppId);
        Assert.Equal((0u, 0u, 0u, 0u), (stored.Param.CertCheckMode, stored.Param.Flags, stored.Param.RevocationFreshnessTime, stored.Param.RevocationUrlRetrievalTimeout));
        Assert.Null(stored.Param.CtlIdentifier);
        Assert.Equal((1, 1), (fake.InitializeCalls, fake.TerminateCalls));
    }

    [Fact]
    public void Hostnameport_ipv6_and_ccs_records_are_added_under_their_own_keys()
    {
        var fake = new FakeHttpApi();
        var executor = new HttpApiHttpSysExecutor(fake);

        executor.Apply(new HttpSysEdit.Add(Sni("sitev2.mysite.com", NewThumbprint)));
        executor.Apply(new HttpSysEdit.Add(new SslCertBinding(SslCertBindingKind.IpPort, 8443, IPAddress.Parse("2001:db8::5"), Thumbprint: NewThumbprint, AppId: IisAppId)));
        executor.Apply(new HttpSysEdit.Add(new SslCertBinding(SslCertBindingKind.CentralCertificateStore, 443, AppId: IisAppId)));

        Assert.Equal("sitev2.mysite.com:443", Assert.Single(fake.Table(HttpServiceConfigSslSniCertInfo)).Key);
        Assert.Equal("[2001:db8::5]:8443", Assert.Single(fake.Table(HttpServiceConfigSSLCertInfo)).Key);
        Assert.Empty(Assert.Single(fake.Table(HttpServiceConfigSslCcsCertInfo)).Param.Hash);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_update_changes_only_the_certificate_and_keeps_every_other_field_and_the_extended_properties(bool updateDropsExtended)
    {
        var fake = new FakeHttpApi { UpdateDropsExtendedProperties = updateDropsExtended };
        var before = Everything(3);
        var stored = fake.Seed(HttpServiceConfigSslSniCertInfo, "adfs.mysite.com:443", before);
        stored.Extended[ExParamTypeHttp2Window] = new(0, 65535, 0);
        stored.Extended[ExParamTypeHttp2SettingsLimits] = new(7, 100, 200);
        stored.Extended[ExParamTypeHttpPerformance] = new(0, 3, 0, [1, 2, 3, 4, 5]);
        var previous = Sni("adfs.mysite.com", Convert.ToHexString(before.Hash)) with { AppId = AdfsAppId, StoreName = "WebHosting" };
        var replacement = previous with { Thumbprint = NewThumbprint, StoreName = "My", AppId = IisAppId };

        new HttpApiHttpSysExecutor(fake).Apply(new HttpSysEdit.Update(previous, replacement));

        var after = Assert.Single(fake.Table(HttpServiceConfigSslSniCertInfo));
        Assert.Equal(Hash(100), after.Param.Hash);
        Assert.Equal("My", after.Param.StoreName);
        Assert.Equal(IisAppId, after.Param.AppId);
        Assert.Equal(
            before with { Hash = after.Param.Hash, StoreName = "My", AppId = IisAppId },
            after.Param with { Hash = after.Param.Hash });
        Assert.Equal(before.CtlIdentifier, after.Param.CtlIdentifier);
        Assert.Equal(before.Flags, after.Param.Flags);
        Assert.Equal([0, 1, 2], after.Extended.Keys);
        Assert.Equal(new FakeHttpApi.StoredExtended(0, 65535, 0), after.Extended[0]);
        Assert.Equal(new FakeHttpApi.StoredExtended(7, 100, 200), after.Extended[1]);
        Assert.Equal([1, 2, 3, 4, 5], after.Extended[2].Buffer);
        Assert.Contains("Update 5", fake.Calls);
        Assert.DoesNotContain("Delete 5", fake.Calls);
    }

    [Fact]
    public void An_add_that_finds_the_record_already_there_becomes_an_update_keeping_its_other_fields()
    {
        var fake = new FakeHttpApi();
        var before = Everything(3);
        fake.Seed(HttpServiceConfigSSLCertInfo, "0.0.0.0:443", before);

        new HttpApiHttpSysExecutor(fake).Apply(new HttpSysEdit.Add(IpPort(NewThumbprint)));

        var after = Assert.Single(fake.Table(HttpServiceConfigSSLCertInfo));
        Assert.Equal(Hash(100), after.Param.Hash);
        Assert.Equal((before.CertCheckMode, before.Flags, before.CtlStoreName), (after.Param.CertCheckMode, after.Param.Flags, after.Param.CtlStoreName));
        Assert.Equal(["Set 1", "Query 1", "Update 1"], fake.Calls.Where(c => c is "Set 1" or "Query 1" or "Update 1"));
    }

    [Fact]
    public void An_update_of_a_record_that_is_gone_adds_it()
    {
        var fake = new FakeHttpApi();
        var record = IpPort(NewThumbprint);

        new HttpApiHttpSysExecutor(fake).Apply(new HttpSysEdit.Update(record, record));

        Assert.Equal(Hash(100), Assert.Single(fake.Table(HttpServiceConfigSSLCertInfo)).Param.Hash);
    }

    [Fact]
    public void A_record_added_from_a_snapshot_gets_its_settings_and_extended_properties()
    {
        var fake = new FakeHttpApi();
        var record = IpPort(NewThumbprint) with
        {
            Settings = new Dictionary<string, string>
            {
                ["Negotiate Client Certificate"] = "Enabled",
                ["Disable TLS1.3"] = "Set",
                ["URL Retrieval Timeout"] = "15000",
                ["Ctl Store Name"] = "(null)",
                ["Extended Properties[0].PropertyId"] = "0",
                ["Extended Properties[0].Receive Window"] = "1048576",
            },
        };

        new HttpApiHttpSysExecutor(fake).Apply(new HttpSysEdit.Add(record));

        var stored = Assert.Single(fake.Table(HttpServiceConfigSSLCertInfo));
        Assert.Equal(SslFlagNegotiateClientCert | SslFlagDisableTls13, stored.Param.Flags);
        Assert.Equal(15000u, stored.Param.RevocationUrlRetrievalTimeout);
        Assert.Null(stored.Param.CtlStoreName);
        Assert.Equal(new FakeHttpApi.StoredExtended(0, 1048576, 0), Assert.Single(stored.Extended).Value);
    }

    [Fact]
    public void A_setting_that_cannot_be_carried_to_HTTP_SYS_refuses_the_add_before_anything_changes()
    {
        var fake = new FakeHttpApi();
        var localized = IpPort(NewThumbprint) with { Settings = new Dictionary<string, string> { ["Negotiate Client Certificate"] = "Aktiviert" } };

        var error = Assert.Throws<ExecutionFailedException>(() => new HttpApiHttpSysExecutor(fake).Apply(new HttpSysEdit.Add(localized)));

        Assert.Contains("'Negotiate Client Certificate' = 'Aktiviert'", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Table(HttpServiceConfigSSLCertInfo));
    }

    [Fact]
    public void A_delete_removes_the_record_and_a_second_delete_is_done_too()
    {
        var fake = new FakeHttpApi();
        fake.Seed(HttpServiceConfigSslSniCertInfo, "sitev2.mysite.com:443", Plain(4));
        var executor = new HttpApiHttpSysExecutor(fake);
        var record = Sni("sitev2.mysite.com", Convert.ToHexString(Hash(4)));

        executor.Apply(new HttpSysEdit.Delete(record));
        executor.Apply(new HttpSysEdit.Delete(record));

        Assert.Empty(fake.Table(HttpServiceConfigSslSniCertInfo));
        Assert.Equal((2, 2), (fake.InitializeCalls, fake.TerminateCalls));
    }

    [Fact]
    public void Access_denied_says_run_elevated_and_names_the_record()
    {
        var fake = new FakeHttpApi { Fault = (call, _) => call == "Set" ? ERROR_ACCESS_DENIED : null };

        var error = Assert.Throws<ExecutionFailedException>(() => new HttpApiHttpSysExecutor(fake).Apply(new HttpSysEdit.Add(IpPort(NewThumbprint))));

        Assert.Contains("ipport=0.0.0.0:443", error.Message, StringComparison.Ordinal);
        Assert.Contains("HttpSetServiceConfiguration", error.Message, StringComparison.Ordinal);
        Assert.Contains("access denied (error 5): run elevated", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, fake.TerminateCalls);
    }

    [Fact]
    public void A_certificate_HTTP_SYS_cannot_use_is_named_with_its_store()
    {
        var fake = new FakeHttpApi { Fault = (call, _) => call == "Set" ? ERROR_NO_SUCH_LOGON_SESSION : null };

        var error = Assert.Throws<ExecutionFailedException>(() => new HttpApiHttpSysExecutor(fake).Apply(new HttpSysEdit.Add(IpPort(NewThumbprint, "WebHosting"))));

        Assert.Contains($"the certificate {NewThumbprint} is not usable (error 1312): it must be in LocalMachine\\WebHosting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_error_carries_its_Win32_code()
    {
        var fake = new FakeHttpApi();
        fake.Seed(HttpServiceConfigSSLCertInfo, "0.0.0.0:443", Plain(1));
        fake.Fault = (call, _) => call == "Delete" ? 1450u : null;

        var error = Assert.Throws<ExecutionFailedException>(() => new HttpApiHttpSysExecutor(fake).Apply(new HttpSysEdit.Delete(IpPort("AA"))));

        Assert.Contains("HttpDeleteServiceConfiguration: Win32 error 1450", error.Message, StringComparison.Ordinal);
        Assert.Single(fake.Table(HttpServiceConfigSSLCertInfo));
    }

    [Fact]
    public void A_failed_update_leaves_the_record_as_it_was()
    {
        var fake = new FakeHttpApi();
        var before = Everything(3);
        fake.Seed(HttpServiceConfigSSLCertInfo, "0.0.0.0:443", before);
        fake.Fault = (call, _) => call == "Update" ? ERROR_INVALID_PARAMETER : null;
        var previous = IpPort(Convert.ToHexString(before.Hash));

        var error = Assert.Throws<ExecutionFailedException>(() =>
            new HttpApiHttpSysExecutor(fake).Apply(new HttpSysEdit.Update(previous, IpPort(NewThumbprint))));

        Assert.Contains("error 87", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Assert.Single(fake.Table(HttpServiceConfigSSLCertInfo)).Param);
    }
}
