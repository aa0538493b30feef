using System.Net;
using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Sources;

namespace IisSsl.Probing;

/// <summary>
/// Turns <see cref="ProbeOptions"/> into endpoints and handshakes. Explicit targets each get every host (those
/// given and, with a config, every https host name it binds: the farm case). Without explicit targets each https
/// binding's IP:Port is a target, with the hosts bound there; <c>*</c> is dialled at the connect address.
/// </summary>
internal static class ProbePlanner
{
    public const string DefaultIPv4ConnectAddress = "127.0.0.1";
    public const string DefaultIPv6ConnectAddress = "::1";

    public static ProbePlan Plan(ProbeOptions options)
    {
        Validate(options);
        var configuration = options.IisConfigPath is null ? null : new ApplicationHostConfigFile(options.IisConfigPath).Read();
        return Plan(options, configuration);
    }

    public static ProbePlan Plan(ProbeOptions options, IisConfiguration? configuration)
    {
        var notes = new List<Finding>();
        var explicitHosts = options.Hosts.Select(ParseHost).Select(h => new ProbeHost(h, string.Empty, options.NoSniOnly)).ToArray();
        var configEndpoints = configuration is null ? [] : FromConfiguration(configuration, options.ConnectAddress, options.NoSniOnly, notes);

        IReadOnlyList<ProbeEndpoint> endpoints;
        if (options.Targets.Count > 0)
        {
            var hosts = Distinct(configEndpoints.SelectMany(e => e.Hosts).Concat(explicitHosts));
            endpoints = [.. options.Targets.Select(ProbeTarget.Parse).Distinct().Select(t => new ProbeEndpoint(t, hosts))];
        }
        else if (configuration is not null)
        {
            endpoints = [.. configEndpoints.Select(e => e with { Hosts = Distinct(e.Hosts.Concat(explicitHosts)) })];
        }
        else
        {
            throw new InvalidInputException("Nothing to probe: give at least one target (IP:PORT) or an applicationHost.config.");
        }

        var requests = Requests(endpoints, options).ToArray();
        if (requests.Length == 0)
            throw new InvalidInputException("Nothing to probe: give at least one host name, or probe without SNI.");
        return new ProbePlan(endpoints, requests, notes);
    }

    /// <summary>One handshake without SNI per target (first), then one per host with SNI, in the order given.</summary>
    private static IEnumerable<HandshakeRequest> Requests(IReadOnlyList<ProbeEndpoint> endpoints, ProbeOptions options)
    {
        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            if (options.IncludeNoSni || options.NoSniOnly)
                yield return new HandshakeRequest(i, endpoint.Target, null);
            if (options.NoSniOnly)
                continue;
            foreach (var host in endpoint.Hosts)
                yield return new HandshakeRequest(i, endpoint.Target, host.Name);
        }
    }

    private static List<ProbeEndpoint> FromConfiguration(IisConfiguration configuration, string? connectAddress, bool noSniOnly, List<Finding> notes)
    {
        var byTarget = new Dictionary<ProbeTarget, List<ProbeHost>>();
        var order = new List<ProbeTarget>();
        foreach (var (site, binding) in configuration.HttpsBindings)
        {
            if (binding.Endpoint is null || binding.Problem is not null)
                continue;
            var target = new ProbeTarget(Dial(binding.Endpoint, connectAddress), binding.Endpoint.Port);
            if (!byTarget.TryGetValue(target, out var hosts))
            {
                byTarget[target] = hosts = [];
                order.Add(target);
            }

            if (binding.Host is null)
                continue;
            if (binding.Host.IsWildcard)
            {
                notes.Add(new Finding(
                    FindingCodes.HostNotProbed,
                    Severity.Info,
                    $"Wildcard host header {binding.Host} cannot be probed as such; probe a concrete name below it with --hosts.",
                    site.Name,
                    target.Display,
                    binding.Host.Value));
                continue;
            }

            hosts.Add(new ProbeHost(binding.Host, site.Name, noSniOnly || !binding.UsesSni));
        }

        return [.. order.Select(t => new ProbeEndpoint(t, Distinct(byTarget[t])))];
    }

    private static string Dial(Endpoint endpoint, string? connectAddress)
    {
        if (endpoint.IsAllUnassigned)
            return connectAddress is null ? DefaultIPv4ConnectAddress : ProbeTarget.Parse(connectAddress).Address;
        if (endpoint.Address.Equals(IPAddress.IPv6Any))
            return connectAddress is null ? DefaultIPv6ConnectAddress : ProbeTarget.Parse(connectAddress).Address;
        return endpoint.Address.ToString();
    }

    /// <summary>One entry per name, first occurrence's site, needing no-SNI coverage if any occurrence does.</summary>
    private static ProbeHost[] Distinct(IEnumerable<ProbeHost> hosts)
    {
        var result = new List<ProbeHost>();
        var index = new Dictionary<HostName, int>();
        foreach (var host in hosts)
        {
            if (index.TryGetValue(host.Name, out var at))
            {
                result[at] = result[at] with { NeedsNoSniCoverage = result[at].NeedsNoSniCoverage || host.NeedsNoSniCoverage };
                continue;
            }

            index[host.Name] = result.Count;
            result.Add(host);
        }

        return [.. result];
    }

    private static HostName ParseHost(string text)
    {
        if (!HostName.TryParse(text, out var host, out var error))
            throw new InvalidInputException($"Invalid host to probe: {error}.");
        return host.IsWildcard
            ? throw new InvalidInputException($"Invalid host to probe: '{text}' is a wildcard; a client always asks for one concrete name.")
            : host;
    }

    private static void Validate(ProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Timeout <= TimeSpan.Zero)
            throw new InvalidInputException("The probe timeout must be positive.");
        if (options.MaxConcurrency < 1)
            throw new InvalidInputException("The probe concurrency must be at least 1.");
        if (options.ExpiryWarningDays < 0)
            throw new InvalidInputException("The expiry warning must be zero or more days.");
        if (!options.HttpPath.StartsWith('/') || options.HttpPath.Any(char.IsWhiteSpace))
            throw new InvalidInputException($"The HTTP check path '{options.HttpPath}' must start with '/' and contain no spaces.");
    }
}
