using System.Net;
using IisSsl.Execution;
using IisSsl.Model;

namespace IisSsl.Tests.Execution;

public sealed class CommandLineTests
{
    private const string Hash = "61D34F532DA121BBAB64723C4871E72C92F03735";
    private const string IisAppId = "{4dc3e181-e14b-4a21-b022-59fc669b0914}";

    private static SslCertBinding IpPort(string address) =>
        new(SslCertBindingKind.IpPort, 443, IPAddress.Parse(address), null, Hash, "MY", Guid.Parse(SslCertBinding.IisAppId));

    [Fact]
    public void Adding_an_ipport_record_is_the_classic_netsh_line()
    {
        Assert.Equal(
            $"netsh http add sslcert ipport=0.0.0.0:443 certhash={Hash} appid={IisAppId} certstorename=MY",
            NetshCommands.Line(new HttpSysEdit.Add(IpPort("0.0.0.0"))));
    }

    [Fact]
    public void Ipv6_and_sni_records_use_their_own_keys()
    {
        var sni = new SslCertBinding(SslCertBindingKind.HostnamePort, 443, null, HostName.Parse("www.contoso.com"), Hash, "WebHosting", Guid.Parse(SslCertBinding.IisAppId));

        Assert.Equal($"netsh http update sslcert hostnameport=www.contoso.com:443 certhash={Hash} appid={IisAppId} certstorename=WebHosting", NetshCommands.Line(new HttpSysEdit.Update(sni, sni)));
        Assert.Equal("netsh http delete sslcert ipport=[2001:db8::1]:443", NetshCommands.Line(new HttpSysEdit.Delete(IpPort("2001:db8::1"))));
    }

    [Fact]
    public void A_ccs_record_has_no_certificate_hash()
    {
        var ccs = new SslCertBinding(SslCertBindingKind.CentralCertificateStore, 443, AppId: Guid.Parse(SslCertBinding.IisAppId));

        Assert.Equal(["http", "add", "sslcert", "ccs=443", "appid=" + IisAppId], NetshCommands.Arguments(new HttpSysEdit.Add(ccs)));
    }

    [Fact]
    public void Recreating_a_record_keeps_its_known_settings()
    {
        var record = IpPort("0.0.0.0") with { Settings = new Dictionary<string, string> { ["Disable HTTP2"] = "Set", ["Usage Check"] = "Enabled", ["Disable QUIC"] = "Not Set" } };

        var arguments = NetshCommands.Arguments(new HttpSysEdit.Add(record));

        Assert.Contains("usagecheck=enable", arguments);
        Assert.Contains("disablehttp2=enable", arguments);
        Assert.DoesNotContain(arguments, a => a.StartsWith("disablequic", StringComparison.Ordinal));
    }

    [Fact]
    public void The_inverse_of_each_edit_undoes_it()
    {
        var old = IpPort("0.0.0.0");
        var updated = old with { Thumbprint = "0000000000000000000000000000000000000000" };

        Assert.Equal(new HttpSysEdit.Delete(old), new HttpSysEdit.Add(old).Inverse);
        Assert.Equal(new HttpSysEdit.Add(old), new HttpSysEdit.Delete(old).Inverse);
        Assert.Equal(new HttpSysEdit.Update(updated, old), new HttpSysEdit.Update(old, updated).Inverse);
    }

    [Theory]
    [InlineData(0u, "appcmd.exe set site /site.name:\"MySite V1\" /+bindings.[protocol='https',bindingInformation='*:443:sitev1.mysite.com']")]
    [InlineData(1u, "appcmd.exe set site /site.name:\"MySite V1\" /+bindings.[protocol='https',bindingInformation='*:443:sitev1.mysite.com',sslFlags='1']")]
    public void Adding_a_binding_is_the_classic_appcmd_line(uint flags, string expectedTail)
    {
        var line = AppcmdCommands.Line(new ConfigEdit.AddBinding("MySite V1", "https", "*:443:sitev1.mysite.com", (SslFlags)flags));

        Assert.EndsWith(expectedTail, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_flags_and_removing_use_collection_item_addressing()
    {
        Assert.EndsWith(
            "/bindings.[protocol='https',bindingInformation='*:443:a.com'].sslFlags:5",
            AppcmdCommands.Line(new ConfigEdit.SetSslFlags("S", "https", "*:443:a.com", SslFlags.Sni | SslFlags.DisableHttp2)),
            StringComparison.Ordinal);
        Assert.EndsWith(
            "/-bindings.[protocol='https',bindingInformation='*:443:a.com']",
            AppcmdCommands.Line(new ConfigEdit.RemoveBinding("S", "https", "*:443:a.com")),
            StringComparison.Ordinal);
    }
}
