namespace IisSsl.Model;

/// <summary>The sites of one applicationHost.config.</summary>
public sealed record IisConfiguration(string Source, IReadOnlyList<Site> Sites)
{
    public IEnumerable<(Site Site, Binding Binding)> HttpsBindings =>
        Sites.SelectMany(site => site.Bindings.Where(b => b.IsHttps).Select(b => (site, b)));
}
