using System.Globalization;
using IisSsl.Model;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// Turns the sites of a sites section into <see cref="Site"/>s with their effective bindings as the reader meets
/// each element (an <see cref="ISiteSink"/>): a binding is built from its attributes at once, and no record of the
/// section as written is kept until the whole file is read (every such object lived through, and was copied by, the
/// collections during the read). <c>siteDefaults</c> usually follows the sites, so each site's own bindings are
/// built at once and the inherited ones joined in <see cref="Complete"/>.
/// A bad site is reported, as the first one in the document, only after the whole file has been read, so an XML
/// error anywhere in the file still comes first.
/// </summary>
internal sealed class SiteResolver(string file) : ISiteSink
{
    // Stands for a <binding> in a collection kept for its removals: the merge takes the binding already built.
    private static readonly BindingEntry Added = new(BindingEntryKind.Add, null, null, null, default);

    private readonly BindingPartsCache _parts = new();
    private readonly List<Site> _sites = [];

    // Sites whose own collection removes or clears: their effective bindings need the defaults, known only at the end.
    private readonly List<PendingMerge> _withRemovals = [];
    private InvalidInputException? _firstBadSite;


    // The site being read: its name and id (the id's text kept only when it is not a whole number, to name it in
    // the refusal), the bindings its own collection adds, and that collection's entries if it removes or clears
    // (null otherwise, the usual case).
    private (string? Name, uint? Id, string? IdText) _site;
    private readonly List<Binding> _added = [];
    private List<BindingEntry>? _entries;
    private BindingsElement? _removals;

    public void StartSite(string? name, AttributeText id)
    {
        _site = id.IsPresent && uint.TryParse(id.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? (name, parsed, null)
            : (name, null, id.ToStringOrNull());
        StartBindings();
    }

    public void StartBindings()
    {
        _added.Clear();
        _entries = null;
        _removals = null;
    }

    public void Entry(BindingEntryKind kind, EntryAttributes attributes, ElementPosition position)
    {
        if (_firstBadSite is not null)
            return;
        if (kind == BindingEntryKind.Add)
        {
            _added.Add(BindingFactory.Create(attributes, new SourceLocation(file, position.Line), _parts));
            _entries?.Add(Added);
            return;
        }

        _entries ??= [.. Enumerable.Repeat(Added, _added.Count)];
        _entries.Add(BindingEntry.Of(kind, attributes, position));
    }

    public void EndBindings(ElementPosition position) =>
        _removals = _entries is null ? null : new BindingsElement(position, _entries);

    public void EndSite(ElementPosition position)
    {
        if (_firstBadSite is not null)
            return;
        if (!IsValid(_site, position.Line, out _firstBadSite))
            return;

        Binding[] added = [.. _added];
        if (_removals is not null)
            _withRemovals.Add(new PendingMerge(_sites.Count, _removals, added));
        _sites.Add(new Site(_site.Name!, _site.Id!.Value, added, new SourceLocation(file, position.Line)));
    }

    /// <summary>The sites read so far, each with the <paramref name="defaults"/> it inherits.</summary>
    /// <exception cref="InvalidInputException">A site has no name or id, or its id is not a whole number (the first such site), or two sites share a name or an id.</exception>
    public IReadOnlyList<Site> Complete(BindingsElement? defaults)
    {
        if ((_firstBadSite ?? DuplicateKey()) is { } bad)
            throw bad;

        var inherited = EffectiveBindings([], defaults, file, new BindingPartsCache());
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

    private bool IsValid((string? Name, uint? Id, string? IdText) site, int line, out InvalidInputException? error)
    {
        error = null;
        if (string.IsNullOrEmpty(site.Name))
        {
            error = new InvalidInputException("a <site> element has no name attribute", file, line);
            return false;
        }

        if (site.Id is null)
        {
            var problem = site.IdText is null ? "has no id attribute" : $"has id '{site.IdText}', which is not a whole number";
            error = new InvalidInputException($"site '{site.Name}' {problem}", file, line);
            return false;
        }

        return true;
    }

    /// <summary>
    /// IIS's two unique keys of the sites collection: the first site (in document order) whose name or id an earlier
    /// site already has. Checked once all sites are read, in sets sized once. Names compare as IIS compares string
    /// keys, without regard to case (inferred from IIS's case-insensitive site names, e.g. in appcmd).
    /// </summary>
    private InvalidInputException? DuplicateKey()
    {
        var names = new HashSet<string>(_sites.Count, StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<long>(_sites.Count);
        foreach (var site in _sites)
        {
            var line = site.Location?.Line ?? 0;
            if (!names.Add(site.Name))
                return Duplicate($"two sites are named '{site.Name}' (the other is on line {LineOf(s => string.Equals(s.Name, site.Name, StringComparison.OrdinalIgnoreCase))}); IIS refuses a duplicate site name", line);
            if (!ids.Add(site.Id))
                return Duplicate($"two sites have id {site.Id} (the other is on line {LineOf(s => s.Id == site.Id)}); IIS refuses a duplicate site id", line);
        }

        return null;
    }

    private int LineOf(Func<Site, bool> match) => _sites.First(match).Location?.Line ?? 0;

    private InvalidInputException Duplicate(string problem, int line) => new(problem, file, line);

    /// <summary>A site whose own collection removes or clears (a class: a list of a value tuple is JIT-compiled on first use under ReadyToRun).</summary>
    private sealed record PendingMerge(int Index, BindingsElement Own, Binding[] Added);

    private static IReadOnlyList<Binding> Join(List<Binding> inherited, IReadOnlyList<Binding> own)
    {
        if (own.Count == 0)
            return inherited;
        var all = new List<Binding>(inherited.Count + own.Count);
        all.AddRange(inherited);
        all.AddRange(own);
        return all;
    }

    private static List<Binding> EffectiveBindings(IEnumerable<Binding> inherited, BindingsElement? own, string file, BindingPartsCache parts) =>
        BindingCollectionMerge.Apply(
            inherited,
            own,
            entry => BindingFactory.Create(entry.Protocol, entry.BindingInformation, entry.SslFlags, new SourceLocation(file, entry.Position.Line), parts),
            BindingKey.Of);
}
