using IisSsl.Sources;
using IisSsl.Sources.IisConfig;

namespace IisSsl;

/// <summary>
/// The files a snapshot copies so the sites can be read on another machine: the applicationHost.config that holds
/// the sites section (for a shared configuration, the one its redirection.config points at, not the redirection.config,
/// whose path names the Windows file share) and the file its <c>&lt;sites configSource&gt;</c> names, at the same path
/// relative to it. Checked first the way verify reads them: a copy of a configuration IIS would refuse helps nobody.
/// </summary>
internal sealed record ConfigCopy(IReadOnlyList<(string RelativePath, byte[] Bytes, string Source)> Files)
{
    /// <exception cref="InvalidInputException">A file is missing, unreadable or malformed, or the path leads to no sites.</exception>
    public static ConfigCopy Read(string path)
    {
        new ApplicationHostConfigFile(path).Read();
        var sites = SitesFile.Locate(path);
        if (sites.Document != SitesDocument.ConfigSource)
            return new ConfigCopy([(IisSslEngine.ConfigCopyName, InputFile.ReadAllBytes(sites.Path, "the IIS configuration file"), sites.Path)]);

        // The applicationHost.config was read on the way to its configSource file: its bytes are at hand.
        var (applicationHost, bytes) = sites.Referrers[^1];
        var relative = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(applicationHost))!, sites.Path);
        return new ConfigCopy(
        [
            (IisSslEngine.ConfigCopyName, bytes, applicationHost),
            (relative, InputFile.ReadAllBytes(sites.Path, "the file named by configSource"), sites.Path),
        ]);
    }
}
