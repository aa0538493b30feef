namespace IisSsl.Sources.IisConfig;

/// <summary>
/// Where an element sits in the text: the 1-based line and position of its name in the start tag and, unless it is
/// self-closing, of its name in the end tag (both as <see cref="System.Xml.IXmlLineInfo"/> reports them).
/// </summary>
internal readonly record struct ElementPosition(int Line, int Position, int EndLine, int EndPosition)
{
    public bool IsEmptyElement => EndLine == 0;
}

internal enum BindingEntryKind
{
    /// <summary><c>&lt;binding protocol="…" bindingInformation="…" /&gt;</c>.</summary>
    Add,

    /// <summary><c>&lt;remove protocol="…" bindingInformation="…" /&gt;</c>: drops one inherited binding.</summary>
    Remove,

    /// <summary><c>&lt;clear /&gt;</c>: drops every inherited binding.</summary>
    Clear,
}

/// <summary>One child of a <c>&lt;bindings&gt;</c> collection, with its raw attribute text.</summary>
internal sealed record BindingEntry(
    BindingEntryKind Kind,
    string? Protocol,
    string? BindingInformation,
    string? SslFlags,
    ElementPosition Position)
{
    /// <summary>The entry with its attribute values as strings, to keep after the reader moves on.</summary>
    public static BindingEntry Of(BindingEntryKind kind, EntryAttributes attributes, ElementPosition position) =>
        new(kind, attributes.Protocol.ToStringOrNull(), attributes.BindingInformation.ToStringOrNull(), attributes.SslFlags.ToStringOrNull(), position);
}

/// <summary>A <c>&lt;bindings&gt;</c> element and its children in document order.</summary>
internal sealed record BindingsElement(ElementPosition Position, IReadOnlyList<BindingEntry> Entries);

/// <summary>A <c>&lt;site&gt;</c> element: its raw name and id, and its own <c>&lt;bindings&gt;</c> if it has one.</summary>
internal sealed record SiteElement(string? Name, string? Id, ElementPosition Position, BindingsElement? Bindings);

/// <summary>
/// The parts of <c>system.applicationHost/sites</c> that matter for bindings, as written (before inheritance).
/// <see cref="SitesPosition"/> is null when the file has no sites section; when the section names a
/// <see cref="ConfigSource"/>, the sites are in that file and this one has none.
/// </summary>
internal sealed record SitesSection(ElementPosition? SitesPosition, IReadOnlyList<SiteElement> Sites, BindingsElement? DefaultBindings)
{
    public ConfigSourceReference? ConfigSource { get; init; }

    /// <summary>The <c>configurationRedirection</c> element of a redirection.config (IIS shared configuration), if the file has one.</summary>
    public RedirectionElement? Redirection { get; init; }
}

/// <summary><c>&lt;sites configSource="…" /&gt;</c>: the raw attribute and its line.</summary>
internal sealed record ConfigSourceReference(string Value, int Line);

/// <summary><c>&lt;configurationRedirection enabled="…" path="…" /&gt;</c>: the raw attributes and the element's line.</summary>
internal sealed record RedirectionElement(string? Enabled, string? Path, int Line);

/// <summary>What a file is expected to hold: a whole applicationHost.config, or the <c>&lt;sites&gt;</c> element a configSource names.</summary>
internal enum SitesDocument
{
    ApplicationHost,
    ConfigSource,
}
