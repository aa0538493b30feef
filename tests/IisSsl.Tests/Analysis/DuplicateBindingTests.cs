using IisSsl.Analysis;
using IisSsl.Model;
using static IisSsl.Tests.Analysis.Analyze;

namespace IisSsl.Tests.Analysis;

public sealed class DuplicateBindingTests
{
    [Fact]
    public void Same_binding_on_two_sites_is_a_duplicate_whatever_the_case_of_the_host_or_the_spelling_of_all_unassigned()
    {
        var report = Run(new ServerBuilder()
            .Site("A", Https("*:443:Shop.Example.com"))
            .Site("B", Https("0.0.0.0:443:shop.example.com"))
            .IpPort("0.0.0.0", 443, TestSupportCertificates.Shop));

        var findings = report.Codes(FindingCodes.DuplicateBinding);
        Assert.Equal(["A", "B"], findings.Select(f => f.Site).Order());
        Assert.All(findings, f =>
        {
            Assert.Equal(Severity.Error, f.Severity);
            Assert.Equal("*:443", f.Endpoint);
            Assert.Equal("shop.example.com", f.HostName);
        });
        Assert.Contains("also bound by 'B'", findings.Single(f => f.Site == "A").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_other_sites_are_named_in_configuration_order()
    {
        var report = Run(new ServerBuilder()
            .Site("C", Https("*:443:shop.example.com"))
            .Site("A", Https("*:443:shop.example.com"))
            .Site("B", Https("*:443:www.example.com"), Https("*:443:shop.example.com")));

        var findings = report.Codes(FindingCodes.DuplicateBinding);
        Assert.Equal(3, findings.Length);
        Assert.Contains("of site 'B' is also bound by 'C', 'A':", findings.Single(f => f.Site == "B").Message, StringComparison.Ordinal);
        Assert.Contains("of site 'A' is also bound by 'C', 'B':", findings.Single(f => f.Site == "A").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catch_all_https_bindings_of_two_sites_on_one_endpoint_are_duplicates()
    {
        var report = Run(new ServerBuilder()
            .Site("A", Https("*:443:"), Https("*:443:a.example.com"))
            .Site("B", Https("*:443:")));

        Assert.Equal(["A", "B"], report.Codes(FindingCodes.DuplicateBinding).Select(f => f.Site).Order());
    }

    [Fact]
    public void One_site_binding_the_same_target_twice_is_not_a_duplicate()
    {
        var report = Run(new ServerBuilder()
            .Site("A", Https("*:443:shop.example.com"), Https("*:443:shop.example.com", SslFlags.Sni)));

        Assert.Empty(report.Codes(FindingCodes.DuplicateBinding));
    }

    [Fact]
    public void Same_host_on_another_port_ip_or_protocol_is_not_a_duplicate()
    {
        var report = Run(new ServerBuilder()
            .Site("A", Https("*:443:shop.example.com"))
            .Site("B", Https("*:8443:shop.example.com"), Https("10.0.0.5:443:shop.example.com"),
                new Binding("http", "*:443:shop.example.com", Endpoint.AllUnassigned(443), HostName.Parse("shop.example.com"), SslFlags.None)));

        Assert.Empty(report.Codes(FindingCodes.DuplicateBinding));
    }

    [Fact]
    public void Http_bindings_duplicated_across_sites_are_found_too()
    {
        var http = new Binding("http", "*:80:", Endpoint.AllUnassigned(80), null, SslFlags.None);
        var report = Run(new ServerBuilder().Site("A", http).Site("B", http));

        Assert.Equal(2, report.Codes(FindingCodes.DuplicateBinding).Length);
    }
}

internal static class TestSupportCertificates
{
    private static readonly Lazy<System.Security.Cryptography.X509Certificates.X509Certificate2> LazyShop =
        new(() => IisSsl.TestSupport.TestCertificate.For("shop.example.com").Create());

    public static System.Security.Cryptography.X509Certificates.X509Certificate2 Shop => LazyShop.Value;
}
