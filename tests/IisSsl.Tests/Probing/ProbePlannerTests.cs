using System.Net;
using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Probing;

namespace IisSsl.Tests.Probing;

public sealed class ProbePlannerTests
{
    private static readonly IisConfiguration TwoSites = new("applicationHost.config",
    [
        new Site("MySite V1", 1,
        [
            Https("*:443:sitev1.mysite.com", Endpoint.AllUnassigned(443), "sitev1.mysite.com", SslFlags.None),
            new Binding("http", "*:80:sitev1.mysite.com", new Endpoint(IPAddress.Any, 80), HostName.Parse("sitev1.mysite.com"), SslFlags.None),
        ]),
        new Site("MySite V2", 2,
        [
            Https("*:443:sitev2.mysite.com", Endpoint.AllUnassigned(443), "sitev2.mysite.com", SslFlags.Sni),
            Https("10.0.0.5:8443:", new Endpoint(IPAddress.Parse("10.0.0.5"), 8443), null, SslFlags.None),
            Https("[::]:443:v6.mysite.com", new Endpoint(IPAddress.IPv6Any, 443), "v6.mysite.com", SslFlags.Sni),
        ]),
    ]);

    [Fact]
    public void Each_https_endpoint_of_the_config_is_a_target_with_the_hosts_bound_there()
    {
        var plan = ProbePlanner.Plan(new ProbeOptions(), TwoSites);

        Assert.Equal(["127.0.0.1:443", "10.0.0.5:8443", "[::1]:443"], plan.Endpoints.Select(e => e.Target.Display));
        Assert.Equal(
            [("sitev1.mysite.com", "MySite V1"), ("sitev2.mysite.com", "MySite V2")],
            plan.Endpoints[0].Hosts.Select(h => (h.Name.Value, h.Site)));
        Assert.Empty(plan.Endpoints[1].Hosts);
    }

    [Fact]
    public void All_unassigned_bindings_are_dialled_at_the_connect_address()
    {
        var plan = ProbePlanner.Plan(new ProbeOptions { ConnectAddress = "192.168.1.20" }, TwoSites);

        Assert.Equal(["192.168.1.20:443", "10.0.0.5:8443"], plan.Endpoints.Select(e => e.Target.Display));
        Assert.Equal(["sitev1.mysite.com", "sitev2.mysite.com", "v6.mysite.com"], plan.Endpoints[0].Hosts.Select(h => h.Name.Value));
    }

    [Fact]
    public void Only_hosts_of_non_sni_bindings_must_be_covered_for_clients_without_sni()
    {
        var plan = ProbePlanner.Plan(new ProbeOptions(), TwoSites);

        Assert.Equal([true, false], plan.Endpoints[0].Hosts.Select(h => h.NeedsNoSniCoverage));
    }

    [Fact]
    public void Every_target_is_probed_once_without_sni_and_once_per_host_with_it()
    {
        var plan = ProbePlanner.Plan(new ProbeOptions(), TwoSites);

        Assert.Equal(
            ["127.0.0.1:443 (no SNI)", "127.0.0.1:443 SNI=sitev1.mysite.com", "127.0.0.1:443 SNI=sitev2.mysite.com", "10.0.0.5:8443 (no SNI)", "[::1]:443 (no SNI)", "[::1]:443 SNI=v6.mysite.com"],
            plan.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public void Explicit_targets_are_farm_nodes_that_each_get_every_configured_host()
    {
        var plan = ProbePlanner.Plan(new ProbeOptions { Targets = ["web01:443", "web02:443"], Hosts = ["extra.mysite.com"] }, TwoSites);

        Assert.Equal(["web01:443", "web02:443"], plan.Endpoints.Select(e => e.Target.Display));
        Assert.All(plan.Endpoints, e => Assert.Equal(
            ["sitev1.mysite.com", "sitev2.mysite.com", "v6.mysite.com", "extra.mysite.com"],
            e.Hosts.Select(h => h.Name.Value)));
    }

    [Fact]
    public void Without_sni_only_no_host_is_asked_for_by_name()
    {
        var plan = ProbePlanner.Plan(new ProbeOptions { Targets = ["127.0.0.1:443"], Hosts = ["a.test", "b.test"], NoSniOnly = true }, null);

        var request = Assert.Single(plan.Requests);
        Assert.Null(request.Host);
        Assert.All(plan.Endpoints[0].Hosts, h => Assert.True(h.NeedsNoSniCoverage));
    }

    [Fact]
    public void A_wildcard_host_header_is_noted_as_not_probed()
    {
        var config = new IisConfiguration("applicationHost.config",
            [new Site("Wild", 1, [Https("*:443:*.mysite.com", Endpoint.AllUnassigned(443), "*.mysite.com", SslFlags.Sni)])]);

        var plan = ProbePlanner.Plan(new ProbeOptions(), config);

        var note = Assert.Single(plan.Notes);
        Assert.Equal((FindingCodes.HostNotProbed, Severity.Info, "*.mysite.com"), (note.Code, note.Severity, note.HostName));
        Assert.DoesNotContain(plan.Requests, r => r.Host is not null);
    }

    [Fact]
    public void Duplicate_targets_and_hosts_are_probed_once()
    {
        var plan = ProbePlanner.Plan(new ProbeOptions { Targets = ["127.0.0.1:8443", "127.0.0.1:8443"], Hosts = ["A.test", "a.test."] }, null);

        Assert.Equal(["127.0.0.1:8443 (no SNI)", "127.0.0.1:8443 SNI=a.test"], plan.Requests.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData(new string[0], new[] { "a.test" }, "Nothing to probe")]
    [InlineData(new[] { "127.0.0.1:443" }, new[] { "bad_host" }, "Invalid host")]
    [InlineData(new[] { "127.0.0.1:443" }, new[] { "*.a.test" }, "wildcard")]
    public void Options_naming_nothing_probeable_are_invalid_input(string[] targets, string[] hosts, string expected)
    {
        var error = Assert.Throws<InvalidInputException>(() => ProbePlanner.Plan(new ProbeOptions { Targets = targets, Hosts = hosts }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_without_hosts_and_without_the_no_sni_handshake_are_invalid_input() =>
        Assert.Throws<InvalidInputException>(() => ProbePlanner.Plan(new ProbeOptions { Targets = ["127.0.0.1:443"], IncludeNoSni = false }));

    [Theory]
    [InlineData(0, 16)]
    [InlineData(5, 0)]
    public void A_non_positive_timeout_or_concurrency_is_invalid_input(int timeoutSeconds, int concurrency) =>
        Assert.Throws<InvalidInputException>(() => ProbePlanner.Plan(new ProbeOptions
        {
            Targets = ["127.0.0.1:443"],
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            MaxConcurrency = concurrency,
        }));

    [Fact]
    public async Task A_missing_ca_bundle_is_invalid_input_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-bundle-" + Guid.NewGuid().ToString("N") + ".pem");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => IisSslEngine.ProbeAsync(new ProbeOptions { Targets = ["127.0.0.1:443"], CaBundlePath = path }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static Binding Https(string information, Endpoint endpoint, string? host, SslFlags flags) =>
        new("https", information, endpoint, host is null ? null : HostName.Parse(host), flags);
}
