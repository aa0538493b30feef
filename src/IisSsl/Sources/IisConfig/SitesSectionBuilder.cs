namespace IisSsl.Sources.IisConfig;

/// <summary>Keeps a <c>&lt;bindings&gt;</c> collection as written: its <see cref="BindingEntry"/>s in document order.</summary>
internal class BindingsBuilder : IBindingsSink
{
    private List<BindingEntry> _entries = [];

    /// <summary>The last collection read, or null when there was none.</summary>
    public BindingsElement? Bindings { get; protected set; }

    public void StartBindings() => _entries = [];

    public void Entry(BindingEntryKind kind, EntryAttributes attributes, ElementPosition position) =>
        _entries.Add(BindingEntry.Of(kind, attributes, position));

    public void EndBindings(ElementPosition position) => Bindings = new BindingsElement(position, _entries);
}

/// <summary>Keeps every site as written (<see cref="SiteElement"/>s), for readers that need the whole section, such as the editor.</summary>
internal sealed class SitesSectionBuilder : BindingsBuilder, ISiteSink
{
    private (string? Name, string? Id) _site;

    public List<SiteElement> Sites { get; } = [];

    public void StartSite(string? name, AttributeText id)
    {
        _site = (name, id.ToStringOrNull());
        Bindings = null;
    }

    public void EndSite(ElementPosition position) => Sites.Add(new SiteElement(_site.Name, _site.Id, position, Bindings));
}
