using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IisSsl.Analysis;
using IisSsl.Benchmarks.Generator;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Benchmarks;

/// <summary>The scale benchmark is only as honest as its states: they must hold what the generator says they hold.</summary>
public sealed partial class ServerStateGeneratorTests : IDisposable
{
    private static readonly GeneratorOptions Options = new() { Sites = 200, Seed = 7 };
    private readonly TempDirectory _temp = new();
    private readonly GeneratedServerState _state;

    public ServerStateGeneratorTests() => _state = ServerStateGenerator.Generate(Options, _temp.Combine("state"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_site_has_one_http_and_four_https_bindings()
    {
        var sites = XDocument.Load(_state.ConfigPath).Descendants("site").ToList();

        Assert.Equal(200, sites.Count);
        Assert.All(sites, site =>
        {
            var protocols = site.Descendants("binding").Select(b => (string)b.Attribute("protocol")!).ToList();
            Assert.Equal(1, protocols.Count(p => p == "http"));
            Assert.Equal(4, protocols.Count(p => p == "https"));
        });
        Assert.Equal(200, _state.HttpBindings);
        Assert.Equal(800, _state.HttpsBindings);
    }

    [Fact]
    public void Sni_bindings_and_hostnameport_records_name_the_same_hosts()
    {
        var sniHosts = HttpsBindings().Where(b => b.Sni).Select(b => b.Host).ToHashSet();
        var hostnamePortHosts = Records().Where(r => r.Label == "Hostname:port").Select(r => r.Key[..^":443".Length]).ToList();

        Assert.Equal(20, _state.SniSites);
        Assert.Equal(20 * 4, sniHosts.Count);
        Assert.Equal(sniHosts.Count, hostnamePortHosts.Count);
        Assert.True(sniHosts.SetEquals(hostnamePortHosts));
        Assert.All(HttpsBindings().Where(b => b.Sni), b => Assert.Equal("*", b.Address));
    }

    [Fact]
    public void Each_shared_ip_has_one_ipport_record_besides_the_wildcard_fallback()
    {
        var ipPortKeys = Records().Where(r => r.Label == "IP:port").Select(r => r.Key).ToList();
        var sharedAddresses = HttpsBindings().Where(b => !b.Sni).Select(b => b.Address + ":443").ToHashSet();

        Assert.Equal(9, _state.SharedIps);
        Assert.Contains("0.0.0.0:443", ipPortKeys);
        Assert.Equal(_state.SharedIps + 1, ipPortKeys.Count);
        Assert.Equal(ipPortKeys.Count, ipPortKeys.Distinct().Count());
        Assert.Subset(ipPortKeys.ToHashSet(), sharedAddresses);
        Assert.Equal(_state.IpPortRecords + _state.HostnamePortRecords, Records().Count);
    }

    [Fact]
    public void Every_record_points_at_a_certificate_file_and_only_the_promised_hosts_are_left_uncovered()
    {
        var certificates = Directory.GetFiles(_state.CertificatesPath, "*.cer")
            .Select(path => X509CertificateLoader.LoadCertificate(File.ReadAllBytes(path)))
            .ToDictionary(c => Convert.ToHexString(SHA1.HashData(c.RawData)));
        var records = Records().ToDictionary(r => r.Key, r => certificates[r.Thumbprint]);

        var uncovered = HttpsBindings().Count(b =>
            !records[b.Sni ? b.Host + ":443" : b.Address + ":443"].MatchesHostname(b.Host, allowWildcards: true, allowCommonName: false));

        Assert.Equal(_state.Certificates, certificates.Count);
        Assert.Equal(2, _state.UncoveredHosts);
        Assert.Equal(_state.UncoveredHosts, uncovered);
    }

    [Fact]
    public void Verify_reads_the_generated_state_and_finds_the_uncovered_hosts_and_the_sni_hosts_shadowed_by_the_shared_ips()
    {
        // The SNI sites listen on * while every shared IP has an ipport record of its own: a browser asking for an SNI
        // site on a shared IP gets that IP's wildcard certificate. One finding per SNI binding, not per address.
        var report = IisSslEngine.Verify(new VerifyOptions
        {
            IisConfigPath = _state.ConfigPath,
            SslCertPath = _state.SslCertPath,
            CertificateFolders = [_state.CertificatesPath],
        });

        Assert.Equal(_state.SharedIps + 1, report.Endpoints.Count);
        Assert.Equal(_state.HttpsBindings, report.Endpoints.Sum(e => e.Hosts.Count));
        Assert.Equal(_state.UncoveredHosts, report.Findings.Count(f => f.Code == FindingCodes.HostNotCovered));
        var shadowed = report.Findings.Where(f => f.Code == FindingCodes.ShadowedByIpPortRecord).ToList();
        Assert.Equal(_state.SniSites * GeneratorOptions.HttpsBindingsPerSite, shadowed.Count);
        Assert.All(shadowed, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Equal(report.Findings.Count, _state.UncoveredHosts + shadowed.Count);
    }

    [Fact]
    public void The_same_seed_writes_the_same_files_and_another_seed_does_not()
    {
        var again = ServerStateGenerator.Generate(Options, _temp.Combine("again"));
        var other = ServerStateGenerator.Generate(Options with { Seed = 8 }, _temp.Combine("other"));

        Assert.Equal(File.ReadAllBytes(_state.ConfigPath), File.ReadAllBytes(again.ConfigPath));
        Assert.Equal(File.ReadAllBytes(_state.SslCertPath), File.ReadAllBytes(again.SslCertPath));
        Assert.NotEqual(File.ReadAllBytes(_state.SslCertPath), File.ReadAllBytes(other.SslCertPath));
        Assert.NotEqual(File.ReadAllBytes(_state.ConfigPath), File.ReadAllBytes(other.ConfigPath));
    }

    private List<(string Address, string Host, bool Sni)> HttpsBindings() =>
        [.. XDocument.Load(_state.ConfigPath).Descendants("binding")
            .Where(b => (string?)b.Attribute("protocol") == "https")
            .Select(b =>
            {
                var parts = ((string)b.Attribute("bindingInformation")!).Split(':');
                return (parts[0], parts[2], (string?)b.Attribute("sslFlags") == "1");
            })];

    private List<(string Label, string Key, string Thumbprint)> Records() =>
        [.. RecordPattern().Matches(File.ReadAllText(_state.SslCertPath))
            .Select(m => (m.Groups["label"].Value, m.Groups["key"].Value, m.Groups["hash"].Value.ToUpperInvariant()))];

    [GeneratedRegex(@"^    (?<label>IP:port|Hostname:port) +: (?<key>\S+)\r\n    Certificate Hash +: (?<hash>[0-9a-f]{40})\r$", RegexOptions.Multiline)]
    private static partial Regex RecordPattern();
}
