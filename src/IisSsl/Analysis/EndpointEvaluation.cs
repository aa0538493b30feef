using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Analysis;

/// <summary>
/// One endpoint's report and the findings its bindings raise (after putting its bindings in report order, which
/// also brings out an https binding repeated on two sites). A large server's endpoints are evaluated on every
/// core: they share only the resolver (safe for it), each endpoint has its own certificate caches, and the results
/// come back in endpoint order, so the report is the same whatever the scheduling. A failure (a certificate file
/// that cannot be read when first needed) is the one the first failing endpoint in order raises.
/// </summary>
internal sealed class EndpointEvaluation(EndpointReport report, List<Finding> findings)
{
    /// <summary>Below this many https bindings, other threads cost more than they save.</summary>
    internal const int ParallelFromBindings = 2_000;

    public EndpointReport Report { get; } = report;

    public List<Finding> Findings { get; } = findings;

    public static EndpointEvaluation[] All(
        IReadOnlyList<EndpointBindings> endpoints, CertificateResolver resolver, AnalysisOptions options, int parallelFromBindings = ParallelFromBindings)
    {
        var results = new EndpointEvaluation[endpoints.Count];
        var parallel = endpoints.Count > 1 && endpoints.Sum(e => e.Bindings.Count) >= parallelFromBindings;
        ParallelInOrder.For(endpoints.Count, parallel, i => results[i] = Of(endpoints[i], resolver, new BindingCoverageRule(options)));
        return results;
    }

    private static EndpointEvaluation Of(EndpointBindings at, CertificateResolver resolver, BindingCoverageRule coverage)
    {
        var findings = new List<Finding>();
        at.SortForReport();
        DuplicateBindingRule.ApplyHttps(at, findings);
        var handshakes = resolver.On(at.Endpoint);
        var withoutSni = handshakes.WithoutSni;
        var hosts = coverage.Evaluate(at, handshakes, findings);
        DefaultCertificateRule.Apply(at, handshakes, coverage, findings);
        SniFallbackRule.Apply(at, withoutSni, findings);
        var report = new EndpointReport(at.Name, withoutSni.RecordKey, withoutSni.Certificate is { } certificate ? coverage.Summary(certificate) : null, hosts);
        return new EndpointEvaluation(report, findings);
    }
}
