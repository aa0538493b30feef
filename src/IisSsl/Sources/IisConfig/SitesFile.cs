namespace IisSsl.Sources.IisConfig;

/// <summary>
/// The file that really holds the sites a config path leads to (itself, the file its <c>configSource</c> names, or
/// the applicationHost.config of a shared configuration), with the bytes of every file read on the way there, so an
/// editor writes that file and nothing else, and can tell when any of them changed since.
/// </summary>
internal sealed record SitesFile(string Path, SitesDocument Document, IReadOnlyList<(string Path, byte[] Bytes)> Referrers)
{
    /// <exception cref="InvalidInputException">A file is missing, unreadable or malformed, or the path leads to no sites section.</exception>
    public static SitesFile Locate(string path)
    {
        var referrers = new List<(string, byte[])>();
        var document = SitesDocument.ApplicationHost;
        var redirected = false;
        while (true)
        {
            var bytes = InputFile.ReadAllBytes(path, referrers.Count == 0 ? "the IIS configuration file" : "the file it refers to");
            var section = SitesSectionReader.Read(ConfigText.Decode(bytes, path).Text, path, document);
            if (ConfigReferences.Next(section, path, redirected) is not { } next)
                return new SitesFile(path, document, referrers);
            referrers.Add((path, bytes));
            redirected |= next.Document == SitesDocument.ApplicationHost;
            (path, document) = next;
        }
    }
}
