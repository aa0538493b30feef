using System.Globalization;
using IisSsl.Model;

namespace IisSsl.Sources.IisConfig;

/// <summary>Turns the sites section as written into <see cref="Site"/>s with their effective bindings.</summary>
internal static class SiteResolver
{
    public static IReadOnlyList<Site> Resolve(SitesSection section, string file)
    {
        var endpoints = new EndpointCache();
        var defaults = EffectiveBindings([], section.DefaultBindings, file, endpoints);
        var sites = new List<Site>(section.Sites.Count);
        foreach (var site in section.Sites)
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
            sites.Add(new Site(site.Name, id, bindings, location));
        }

        return sites;
    }

    internal static List<Binding> EffectiveBindings(IEnumerable<Binding> inherited, BindingsElement? own, string file, EndpointCache endpoints) =>
        BindingCollectionMerge.Apply(
            inherited,
            own,
            entry => BindingFactory.Create(entry.Protocol, entry.BindingInformation, entry.SslFlags, new SourceLocation(file, entry.Position.Line), endpoints),
            BindingKey.Of);
}
