namespace IisSsl.Model;

/// <summary>An IIS site and its effective bindings (including bindings inherited from <c>siteDefaults</c>).</summary>
public sealed record Site(string Name, long Id, IReadOnlyList<Binding> Bindings, SourceLocation? Location = null);
