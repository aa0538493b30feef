using System.Globalization;
using IisSsl.Model;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// Turns the sites section as written into <see cref="Site"/>s with their effective bindings. A large file's sites
/// are resolved in ranges on every core (each range with its own endpoint cache), in document order; a bad site is
/// reported as the first one in the document, whatever the scheduling.
/// </summary>
internal static class SiteResolver
{
    /// <summary>Below this many sites, other threads cost more than they save.</summary>
    internal const int ParallelFromSites = 2_000;

    public static IReadOnlyList<Site> Resolve(SitesSection section, string file, int parallelFromSites = ParallelFromSites)
    {
        var defaults = EffectiveBindings([], section.DefaultBindings, file, new EndpointCache());
        var sites = new Site[section.Sites.Count];
        var ranges = sites.Length < parallelFromSites ? 1 : Math.Min(sites.Length, 4 * Environment.ProcessorCount);
        ParallelInOrder.For(ranges, ranges > 1, range =>
            ResolveRange(section, file, defaults, sites, range * sites.Length / ranges, (range + 1) * sites.Length / ranges));
        return sites;
    }

    private static void ResolveRange(SitesSection section, string file, List<Binding> defaults, Site[] sites, int start, int end)
    {
        var endpoints = new EndpointCache();
        for (var i = start; i < end; i++)
            sites[i] = Resolve(section.Sites[i], file, defaults, endpoints);
    }

    private static Site Resolve(SiteElement site, string file, List<Binding> defaults, EndpointCache endpoints)
    {
        var location = new SourceLocation(file, site.Position.Line);
        if (string.IsNullOrEmpty(site.Name))
            throw new InvalidInputException("a <site> element has no name attribute", file, site.Position.Line);
        if (!uint.TryParse(site.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var problem = site.Id is null ? "has no id attribute" : $"has id '{site.Id}', which is not a whole number";
            throw new InvalidInputException($"site '{site.Name}' {problem}", file, site.Position.Line);
        }

        var bindings = site.Bindings is null ? defaults : EffectiveBindings(defaults, site.Bindings, file, endpoints);
        return new Site(site.Name, id, bindings, location);
    }

    internal static List<Binding> EffectiveBindings(IEnumerable<Binding> inherited, BindingsElement? own, string file, EndpointCache endpoints) =>
        BindingCollectionMerge.Apply(
            inherited,
            own,
            entry => BindingFactory.Create(entry.Protocol, entry.BindingInformation, entry.SslFlags, new SourceLocation(file, entry.Position.Line), endpoints),
            BindingKey.Of);
}
