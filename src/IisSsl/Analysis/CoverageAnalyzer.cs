using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Analysis;

/// <summary>
/// The pure function from server state to report: for every https binding, which HTTP.SYS record and certificate
/// each kind of client really gets (see <see cref="CertificateResolver"/>), whether that certificate covers the
/// host name, and what is wrong with the bindings and certificates. Linear in the number of bindings and records;
/// a large server's endpoints are evaluated on every core (<see cref="EndpointEvaluation"/>).
/// </summary>
public static class CoverageAnalyzer
{
    public static VerificationReport Analyze(ServerState state, AnalysisOptions options) =>
        Analyze(state, options, EndpointEvaluation.ParallelFromBindings);

    internal static VerificationReport Analyze(ServerState state, AnalysisOptions options, int parallelFromBindings)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);

        var findings = new List<Finding>();
        foreach (var skipped in state.SkippedFiles ?? [])
            findings.Add(new Finding(FindingCodes.CertificateFileSkipped, Severity.Warning, skipped));
        var httpsEndpoints = WalkBindings(state.Configuration, findings, out var httpsBindings);
        var resolver = CertificateResolver.For(state);
        var endpoints = new List<EndpointReport>(httpsEndpoints.Count);
        foreach (var evaluated in EndpointEvaluation.All(httpsEndpoints, resolver, options, parallelFromBindings))
        {
            endpoints.Add(evaluated.Report);
            findings.AddRange(evaluated.Findings);
        }

        var distinct = findings.Distinct().ToList();
        return new VerificationReport(endpoints, FindingOrder.Sort(distinct), Scope(state, httpsBindings, httpsEndpoints));
    }

    /// <summary>What was read, and how many https bindings were checked (those with an endpoint HTTP.SYS could serve).</summary>
    private static ReportScope Scope(ServerState state, int httpsBindings, List<EndpointBindings> checkedEndpoints) =>
        ReportScope.Verify(
            state.Configuration.Sites.Count,
            httpsBindings,
            state.HttpSys.Bindings.Count,
            state.CertificatesByThumbprint.Count,
            checkedEndpoints.Sum(e => e.Bindings.Count));

    /// <summary>
    /// One walk over every binding (the model is large, and each pass over it costs its cache misses): raises the
    /// invalid binding and duplicate http binding findings, and returns the https bindings grouped by IIS endpoint in
    /// report order (port, then address). Each endpoint sorts its own bindings when it is evaluated.
    /// </summary>
    private static List<EndpointBindings> WalkBindings(IisConfiguration configuration, List<Finding> findings, out int httpsBindings)
    {
        httpsBindings = 0;
        var duplicates = new DuplicateBindingRule();
        var byEndpoint = new Dictionary<Endpoint, EndpointBindings>();
        EndpointBindings? previous = null;
        foreach (var site in configuration.Sites)
        {
            // By index: a foreach over IReadOnlyList would allocate an enumerator per site.
            for (var i = 0; i < site.Bindings.Count; i++)
            {
                var binding = site.Bindings[i];
                var https = binding.IsHttps;
                if (!https && !binding.IsHttp)
                    continue;
                if (https)
                    httpsBindings++;
                if (binding.Problem is not null)
                {
                    InvalidBindingRule.Apply(site, binding, findings);
                    continue;
                }

                if (binding.Endpoint is not { } endpoint)
                    continue;
                if (!https)
                {
                    duplicates.AddHttp(binding);
                    continue;
                }

                // A site's bindings usually share one endpoint: compare with the previous one before hashing.
                if (previous is null || !previous.Endpoint.Equals(endpoint))
                {
                    if (!byEndpoint.TryGetValue(endpoint, out previous))
                        byEndpoint[endpoint] = previous = new EndpointBindings(endpoint);
                }

                previous.Add(site, binding);
            }
        }

        var endpoints = new List<EndpointBindings>(byEndpoint.Values);
        endpoints.Sort(static (x, y) => x.SortKey.CompareTo(y.SortKey));
        duplicates.ApplyHttp(configuration, findings);
        return endpoints;
    }
}
