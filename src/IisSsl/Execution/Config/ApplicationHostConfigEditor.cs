using IisSsl.Sources.IisConfig;

namespace IisSsl.Execution.Config;

/// <summary>
/// Applies <see cref="ConfigEdit"/>s to the bytes of an applicationHost.config without reserialising it: every byte
/// not meant to change stays as it was (comments, attribute order and quotes, indentation, line endings, encoding,
/// byte order mark, XML declaration). Pure bytes to bytes; writing the file is the caller's job.
/// </summary>
public static class ApplicationHostConfigEditor
{
    /// <summary>
    /// Applies <paramref name="edits"/> in order and returns the new file content (the same bytes when there are none).
    /// </summary>
    /// <param name="original">The current file content.</param>
    /// <param name="edits">The changes, addressed by site name and (protocol, bindingInformation).</param>
    /// <param name="fileName">Names the file in error messages.</param>
    /// <exception cref="InvalidInputException">
    /// The file cannot be read, a site does not exist, a binding to change or remove does not exist (or is inherited
    /// from siteDefaults, for sslFlags), a binding to add already exists or its bindingInformation is malformed.
    /// </exception>
    public static byte[] Apply(byte[] original, IReadOnlyList<ConfigEdit> edits, string fileName) =>
        Apply(original, edits, fileName, SitesDocument.ApplicationHost);

    /// <summary>As the public overload, for a file holding <paramref name="document"/>: an applicationHost.config, or the <c>&lt;sites&gt;</c> file its configSource names.</summary>
    /// <exception cref="InvalidInputException">See the public overload; also when an applicationHost.config keeps its sites in another file (configSource), which must be edited instead.</exception>
    internal static byte[] Apply(byte[] original, IReadOnlyList<ConfigEdit> edits, string fileName, SitesDocument document)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(edits);
        var file = ConfigText.Decode(original, fileName);
        var section = SitesSectionReader.Read(file.Text, fileName, document);
        if (edits.Count == 0)
            return [.. original];
        if (section.SitesPosition is null || section.ConfigSource is not null)
        {
            // Never edit a file that does not hold the sites: the caller must edit the file that does (SitesFile.Locate).
            throw new InvalidInputException("the sites are not in this file (configSource, shared configuration, or no sites section); edit the file that holds them", fileName);
        }

        var inherited = BindingCollectionMerge.Apply(
            [], section.DefaultBindings, entry => PlannedBinding.From(entry, BindingOrigin.Inherited), b => b.Key);
        var sites = SitesByName(section);
        var plans = new Dictionary<SiteElement, SiteEditPlan>(ReferenceEqualityComparer.Instance);
        foreach (var edit in edits)
        {
            var site = FindSite(sites, edit.SiteName)
                ?? throw new InvalidInputException($"site '{edit.SiteName}' does not exist in the configuration", fileName);
            if (!plans.TryGetValue(site, out var plan))
                plans[site] = plan = new SiteEditPlan(site, inherited, fileName);
            plan.Apply(edit);
        }

        var layout = new TextLayout(file.Text);
        var result = TextChange.Apply(file, plans.Values.SelectMany(p => p.Changes(layout, section.SitesPosition)));
        EnsureStillReadable(result, fileName, document);
        return result;
    }

    private static Dictionary<string, SiteElement> SitesByName(SitesSection section)
    {
        var sites = new Dictionary<string, SiteElement>(StringComparer.Ordinal);
        foreach (var site in section.Sites)
        {
            if (site.Name is not null)
                sites.TryAdd(site.Name, site);
        }

        return sites;
    }

    /// <summary>The site with exactly this name, else the only one whose name differs just in case.</summary>
    private static SiteElement? FindSite(Dictionary<string, SiteElement> sites, string name)
    {
        if (sites.TryGetValue(name, out var exact))
            return exact;
        var matches = sites.Where(s => string.Equals(s.Key, name, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return matches.Count == 1 ? matches[0].Value : null;
    }

    private static void EnsureStillReadable(byte[] result, string fileName, SitesDocument document)
    {
        try
        {
            SitesSectionReader.Read(ConfigText.Decode(result, fileName).Text, fileName, document);
        }
        catch (InvalidInputException ex)
        {
            throw new InvalidOperationException($"editing {fileName} produced unreadable XML; nothing was written: {ex.Message}", ex);
        }
    }
}
