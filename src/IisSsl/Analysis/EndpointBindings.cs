using System.Runtime.InteropServices;
using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>The https bindings of one IIS endpoint (IP:Port), in the order of the report's host rows once sorted.</summary>
internal sealed class EndpointBindings
{
    private readonly List<SiteBinding> _bindings = [];
    private IReadOnlyList<string>? _nonSniHosts;
    private List<SiteBinding[]>? _sharingAHost;
    private bool _inReportOrder;

    public EndpointBindings(Endpoint endpoint)
    {
        Endpoint = endpoint;
        Name = endpoint.ToString();
        SortKey = EndpointOrder.SortKey.Of(Name);
    }

    public Endpoint Endpoint { get; }

    public string Name { get; }

    /// <summary>Where the endpoint goes among the report's endpoints.</summary>
    public EndpointOrder.SortKey SortKey { get; }

    /// <summary>The bindings, in configuration order until <see cref="SortForReport"/> puts them in report order.</summary>
    public IReadOnlyList<SiteBinding> Bindings => _bindings;

    public bool HasSniBindings { get; private set; }

    public bool HasNonSniBindings { get; private set; }

    /// <summary>The host names of the non-SNI bindings here: the names one shared certificate must cover.</summary>
    public IReadOnlyList<string> NonSniHosts => _nonSniHosts ??= DistinctHosts(static b => !b.UsesSni);

    /// <summary>Every host name bound here, in ordinal order.</summary>
    public IReadOnlyList<string> Hosts => DistinctHosts(static _ => true);

    /// <summary>The runs of bindings, each in report order, that bind one host name (usually none): found by sorting.</summary>
    public IReadOnlyList<SiteBinding[]> BindingsSharingAHost =>
        _inReportOrder ? _sharingAHost ?? [] : throw NotInReportOrder();

    public void Add(Site site, Binding binding)
    {
        _bindings.Add(new SiteBinding(site, binding, _bindings.Count));
        HasSniBindings |= binding.UsesSni || binding.UsesCentralCertStore;
        HasNonSniBindings |= !binding.UsesSni;
        _inReportOrder = false;
        _nonSniHosts = null;
    }

    /// <summary>
    /// Puts the bindings in the order of the report's host rows: host name (catch-all first), then site, then
    /// configuration order, so rows can be produced in place without sorting them afterwards.
    /// </summary>
    public void SortForReport()
    {
        // The host names are sorted as an array of their own, beside the bindings: comparing them there reads half the
        // memory that comparing bindings does. Only the few runs of one host name then need the full order.
        var hosts = new string?[_bindings.Count];
        for (var i = 0; i < hosts.Length; i++)
            hosts[i] = _bindings[i].Host;
        var bindings = CollectionsMarshal.AsSpan(_bindings);
        hosts.AsSpan().Sort(bindings, StringComparer.Ordinal);
        _sharingAHost = null;
        for (int start = 0, end = 1; end <= hosts.Length; end++)
        {
            if (end < hosts.Length && hosts[end] == hosts[start])
                continue;
            if (end - start > 1)
            {
                var run = bindings[start..end];
                run.Sort(SiteBinding.ReportOrder);
                (_sharingAHost ??= []).Add(run.ToArray());
            }

            start = end;
        }

        _inReportOrder = true;
    }

    private List<string> DistinctHosts(Func<Binding, bool> include)
    {
        // In report order equal host names are neighbours, so one pass finds the distinct ones, already sorted.
        if (!_inReportOrder)
            throw NotInReportOrder();
        var hosts = new List<string>(_bindings.Count);
        foreach (var at in _bindings)
        {
            if (at.Host is { } host && include(at.Binding) && (hosts.Count == 0 || hosts[^1] != host))
                hosts.Add(host);
        }

        return hosts;
    }

    private InvalidOperationException NotInReportOrder() => new($"The bindings of {Name} are not in report order yet.");
}

/// <summary>One https binding of a site, with its position in configuration order (the last tie-breaker of report order).</summary>
/// <remarks>A class, not a struct: collections and sorts of reference types run precompiled (ReadyToRun) code.</remarks>
internal sealed record SiteBinding(Site Site, Binding Binding, int Order)
{
    /// <summary>The host name, held here so sorting compares it without two more indirections (half the time).</summary>
    public string? Host { get; } = Binding.Host?.Value;

    public static Comparison<SiteBinding> ReportOrder { get; } = static (x, y) =>
    {
        var c = string.CompareOrdinal(x.Host, y.Host);
        if (c == 0)
            c = string.CompareOrdinal(x.Site.Name, y.Site.Name);
        return c != 0 ? c : x.Order.CompareTo(y.Order);
    };
}
