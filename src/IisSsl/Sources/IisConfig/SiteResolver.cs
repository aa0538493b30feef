using System.Globalization;
using IisSsl.Model;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// Turns the sites of a sites section into <see cref="Site"/>s with their effective bindings, one site at a time as
/// the reader hands it over (<see cref="Add"/>), so what the reader built for a site dies young instead of living,
/// and being copied by every collection, until the whole file is read. <c>siteDefaults</c> usually follows the
/// sites, so each site's own bindings are built at once and the inherited ones joined in <see cref="Complete"/>.
/// A bad site is reported, as the first one in the document, only after the whole file has been read, so an XML
/// error anywhere in the file still comes first.
/// </summary>
internal sealed class SiteResolver(string file)
{
    private readonly EndpointCache _endpoints = new();
    private readonly List<Site> _sites = [];

    // Sites whose own collection removes or clears: their effective bindings need the defaults, known only at the end.
    private readonly List<(int Index, BindingsElement Own, Binding[] Added)> _withRemovals = [];
    private InvalidInputException? _firstBadSite;

    /// <summary>Resolves a section read whole (without a site callback).</summary>
    /// <exception cref="InvalidInputException">A site has no name or id, or its id is not a whole number (the first such site).</exception>
    public static IReadOnlyList<Site> Resolve(SitesSection section, string file)
    {
        var resolver = new SiteResolver(file);
        foreach (var site in section.Sites)
            resolver.Add(site);
        return resolver.Complete(section.DefaultBindings);
    }

    public void Add(SiteElement site)
    {
        if (_firstBadSite is not null)
            return;
        if (!TryParseId(site, out var id, out _firstBadSite))
            return;

        var added = site.Bindings is null ? [] : AddedBindings(site.Bindings);
        if (site.Bindings is not null && RemovesOrClears(site.Bindings))
            _withRemovals.Add((_sites.Count, site.Bindings, added));
        _sites.Add(new Site(site.Name!, id, added, new SourceLocation(file, site.Position.Line)));
    }

    /// <summary>The sites added so far, each with the <paramref name="defaults"/> it inherits.</summary>
    /// <exception cref="InvalidInputException">A site has no name or id, or its id is not a whole number (the first such site).</exception>
    public IReadOnlyList<Site> Complete(BindingsElement? defaults)
    {
        if (_firstBadSite is not null)
            throw _firstBadSite;

        var inherited = EffectiveBindings([], defaults, file, new EndpointCache());
        if (inherited.Count > 0)
        {
            for (var i = 0; i < _sites.Count; i++)
                _sites[i] = _sites[i] with { Bindings = Join(inherited, _sites[i].Bindings) };
        }

        foreach (var (index, own, added) in _withRemovals)
        {
            var next = 0;
            _sites[index] = _sites[index] with { Bindings = BindingCollectionMerge.Apply(inherited, own, _ => added[next++], BindingKey.Of) };
        }

        return _sites;
    }

    private bool TryParseId(SiteElement site, out uint id, out InvalidInputException? error)
    {
        error = null;
        if (string.IsNullOrEmpty(site.Name))
        {
            id = 0;
            error = new InvalidInputException("a <site> element has no name attribute", file, site.Position.Line);
            return false;
        }

        if (!uint.TryParse(site.Id, NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            var problem = site.Id is null ? "has no id attribute" : $"has id '{site.Id}', which is not a whole number";
            error = new InvalidInputException($"site '{site.Name}' {problem}", file, site.Position.Line);
            return false;
        }

        return true;
    }

    /// <summary>The bindings of the collection's <c>&lt;binding&gt;</c> entries, in order.</summary>
    private Binding[] AddedBindings(BindingsElement own)
    {
        var count = 0;
        foreach (var entry in own.Entries)
            count += entry.Kind == BindingEntryKind.Add ? 1 : 0;

        var added = new Binding[count];
        var next = 0;
        foreach (var entry in own.Entries)
        {
            if (entry.Kind == BindingEntryKind.Add)
                added[next++] = Create(entry, file, _endpoints);
        }

        return added;
    }

    private static bool RemovesOrClears(BindingsElement own)
    {
        foreach (var entry in own.Entries)
        {
            if (entry.Kind != BindingEntryKind.Add)
                return true;
        }

        return false;
    }

    private static IReadOnlyList<Binding> Join(List<Binding> inherited, IReadOnlyList<Binding> own)
    {
        if (own.Count == 0)
            return inherited;
        var all = new List<Binding>(inherited.Count + own.Count);
        all.AddRange(inherited);
        all.AddRange(own);
        return all;
    }

    private static Binding Create(BindingEntry entry, string file, EndpointCache endpoints) =>
        BindingFactory.Create(entry.Protocol, entry.BindingInformation, entry.SslFlags, new SourceLocation(file, entry.Position.Line), endpoints);

    internal static List<Binding> EffectiveBindings(IEnumerable<Binding> inherited, BindingsElement? own, string file, EndpointCache endpoints) =>
        BindingCollectionMerge.Apply(inherited, own, entry => Create(entry, file, endpoints), BindingKey.Of);
}
