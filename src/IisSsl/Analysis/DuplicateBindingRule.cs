using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// The same protocol, IP, port and host on two different sites (reference §1.3): the configuration accepts it, but
/// only one of the sites can register the URL prefix and start. IP <c>*</c> and <c>0.0.0.0</c> are the same
/// (both parse to All Unassigned); host names are already normalised, so the comparison ignores case.
/// </summary>
internal sealed class DuplicateBindingRule
{
    // https bindings are grouped by endpoint and sorted by host name for the report anyway, so a target bound twice
    // is a run of one host name there, which the sort already finds (ApplyHttps, per endpoint). http bindings are
    // grouped nowhere: the walk notes their targets in a set, and who binds a repeated one is collected in a second
    // walk, only when there is one.
    private readonly HashSet<Binding> _httpSeen = new(SameTarget.Instance);
    private readonly HashSet<Binding> _httpRepeated = new(SameTarget.Instance);

    /// <summary>Notes a valid http binding (one with an endpoint and no problem).</summary>
    public void AddHttp(Binding binding)
    {
        if (!_httpSeen.Add(binding))
            _httpRepeated.Add(binding);
    }

    /// <summary>The https bindings of one endpoint, in report order, that bind the same host name on two sites.</summary>
    /// <remarks>Static and per endpoint, so endpoints evaluated in parallel can each check their own.</remarks>
    public static void ApplyHttps(EndpointBindings at, List<Finding> findings)
    {
        foreach (var run in at.BindingsSharingAHost)
            Report([.. run.OrderBy(b => b.Order).Select(b => (b.Site, b.Binding))], findings);
    }

    /// <summary>The http targets bound by more than one site.</summary>
    /// <param name="configuration">The configuration, walked again only for repeated http targets.</param>
    /// <param name="findings">Where the findings go.</param>
    public void ApplyHttp(IisConfiguration configuration, List<Finding> findings)
    {
        if (_httpRepeated.Count == 0)
            return;
        var shared = new Dictionary<Binding, List<(Site Site, Binding Binding)>>(SameTarget.Instance);
        foreach (var site in configuration.Sites)
        {
            foreach (var binding in site.Bindings)
            {
                if (binding.Problem is not null || binding.Endpoint is null || !binding.IsHttp || !_httpRepeated.Contains(binding))
                    continue;
                if (!shared.TryGetValue(binding, out var list))
                    shared[binding] = list = [];
                list.Add((site, binding));
            }
        }

        foreach (var list in shared.Values)
            Report(list, findings);
    }

    /// <summary>The findings for the bindings of one target, in configuration order.</summary>
    private static void Report(List<(Site Site, Binding Binding)> list, List<Finding> findings)
    {
        var protocol = list[0].Binding.IsHttps ? "https" : "http";
        var sites = list.Select(o => o.Site.Name).Distinct(StringComparer.Ordinal).ToList();
        if (sites.Count < 2)
            return;
        foreach (var (site, binding) in list.DistinctBy(o => o.Site.Name, StringComparer.Ordinal))
        {
            var others = string.Join(", ", sites.Where(s => s != site.Name).Select(s => $"'{s}'"));
            var text = $"{protocol} {binding.Endpoint}:{binding.Host?.Value ?? ""} of site '{site.Name}' is also bound by {others}: "
                + "IIS registers the URL prefix for only one of them and the other sites fail to start ('Cannot register the URL prefix'). "
                + "Fix it by keeping the binding on one site, or by giving each site its own host name, IP or port.";
            findings.Add(new Finding(FindingCodes.DuplicateBinding, Severity.Error, text, site.Name,
                binding.Endpoint!.ToString(), binding.Host?.Value, binding.Location));
        }
    }

    /// <summary>The same protocol (http or https), IP, port and host name: the URL prefix IIS registers.</summary>
    private sealed class SameTarget : IEqualityComparer<Binding>
    {
        public static SameTarget Instance { get; } = new();

        public bool Equals(Binding? x, Binding? y) =>
            ReferenceEquals(x, y)
            || (x is not null && y is not null
                && x.Endpoint!.Port == y.Endpoint!.Port
                && x.IsHttps == y.IsHttps
                && x.Endpoint.Address.Equals(y.Endpoint.Address)
                && Equals(x.Host, y.Host));

        public int GetHashCode(Binding obj) =>
            (obj.Endpoint!.Port * 31 + obj.Endpoint.Address.GetHashCode()) * 31 + (obj.Host?.GetHashCode() ?? 0);
    }
}
