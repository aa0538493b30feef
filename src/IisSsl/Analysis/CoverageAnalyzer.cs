using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Analysis;

/// <summary>
/// The pure function from server state to report: for every https binding, which HTTP.SYS record and certificate
/// each kind of client really gets (see <see cref="CertificateResolver"/>), whether that certificate covers the
/// host name, and what is wrong with the bindings and certificates. Linear in the number of bindings and records.
/// </summary>
public static class CoverageAnalyzer
{
    public static VerificationReport Analyze(ServerState state, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);

        var findings = new List<Finding>();
        InvalidBindingRule.Apply(state.Configuration, findings);
        DuplicateBindingRule.Apply(state.Configuration, findings);

        var resolver = new CertificateResolver(state, new HttpSysIndex(state.HttpSys.Bindings));
        var coverage = new BindingCoverageRule(resolver, options);
        var endpoints = new List<EndpointReport>();
        foreach (var at in GroupByEndpoint(state.Configuration))
        {
            var withoutSni = resolver.WithoutSni(at.Endpoint);
            var hosts = new HostReport[at.Bindings.Count];
            for (var i = 0; i < hosts.Length; i++)
                hosts[i] = coverage.Evaluate(at.Bindings[i].Site, at.Bindings[i].Binding, at, findings);
            SniFallbackRule.Apply(at, withoutSni, findings);
            endpoints.Add(new EndpointReport(
                at.Name,
                withoutSni.RecordKey,
                withoutSni.Certificate is { } certificate ? coverage.Summary(certificate) : null,
                hosts));
        }

        var distinct = findings.Distinct().ToList();
        return new VerificationReport(endpoints, FindingOrder.Sort(distinct));
    }

    /// <summary>The https bindings grouped by IIS endpoint, in report order (port, then address; within one, host rows).</summary>
    private static List<EndpointBindings> GroupByEndpoint(IisConfiguration configuration)
    {
        var byEndpoint = new Dictionary<Endpoint, EndpointBindings>();
        foreach (var site in configuration.Sites)
        {
            foreach (var binding in site.Bindings)
            {
                if (!binding.IsHttps || binding.Problem is not null || binding.Endpoint is null)
                    continue;
                if (!byEndpoint.TryGetValue(binding.Endpoint, out var at))
                    byEndpoint[binding.Endpoint] = at = new EndpointBindings(binding.Endpoint);
                at.Add(site, binding);
            }
        }

        var endpoints = new List<EndpointBindings>(byEndpoint.Values);
        endpoints.Sort(static (x, y) => x.SortKey.CompareTo(y.SortKey));
        foreach (var at in endpoints)
            at.SortForReport();
        return endpoints;
    }
}
