namespace IisSsl.Sources.IisConfig;

/// <summary>Receives the entries of one <c>&lt;bindings&gt;</c> collection in document order, as the reader meets them.</summary>
internal interface IBindingsSink
{
    /// <summary>The collection's start tag (a later <c>&lt;bindings&gt;</c> of the same parent replaces an earlier one).</summary>
    void StartBindings();

    /// <param name="kind">Which entry it is.</param>
    /// <param name="attributes">Its attribute values, valid only during the call (the reader reuses them for the next entry).</param>
    /// <param name="position">Where it is.</param>
    void Entry(BindingEntryKind kind, EntryAttributes attributes, ElementPosition position);

    void EndBindings(ElementPosition position);
}

/// <summary>
/// Receives each <c>&lt;site&gt;</c> of the sites section in document order, as the reader meets it: its start tag,
/// the entries of its own <c>&lt;bindings&gt;</c>, its end.
/// </summary>
internal interface ISiteSink : IBindingsSink
{
    /// <param name="name">The name attribute.</param>
    /// <param name="id">The id attribute, valid only during the call.</param>
    void StartSite(string? name, AttributeText id);

    void EndSite(ElementPosition position);
}
