using IisSsl.Model;
using IisSsl.Sources.IisConfig;

namespace IisSsl.Sources;

/// <summary>
/// Reads sites and bindings from an applicationHost.config file (IIS or IIS Express), on any OS. Sites inherit the
/// <c>siteDefaults</c> bindings (see <see cref="BindingCollectionMerge"/>); a malformed http/https binding is kept
/// with its <see cref="Binding.Problem"/> rather than failing the whole file. The sites section may live in the file
/// its <c>configSource</c> names, and the file given may be a redirection.config (IIS shared configuration): both
/// are followed. A file that leads to no sites section is refused.
/// </summary>
public sealed class ApplicationHostConfigFile(string path) : IIisConfigurationSource
{
    public string Path { get; } = path;

    /// <exception cref="InvalidInputException">
    /// The file (or one it leads to) is missing or unreadable, not well-formed XML, holds a DTD, is not an
    /// applicationHost.config, or holds what IIS itself refuses in the sites section.
    /// </exception>
    public IisConfiguration Read() => ReadFile(Path, "the IIS configuration file", redirected: false);

    /// <summary>Reads the sites of a config file's <paramref name="content"/>; <paramref name="source"/> names it in locations and errors, and files it refers to are found from its folder.</summary>
    /// <exception cref="InvalidInputException">See <see cref="Read"/>.</exception>
    public static IisConfiguration Parse(byte[] content, string source)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var bytes = new MemoryStream(content, writable: false);
        return Parse(bytes, source, redirected: false);
    }

    private static IisConfiguration ReadFile(string path, string what, bool redirected) =>
        WithFile(path, what, file => Parse(file, path, redirected));

    private static IisConfiguration Parse(Stream content, string source, bool redirected)
    {
        var sites = new SiteResolver(source);
        var section = SitesSectionReader.Read(content, source, sites);
        return ConfigReferences.Next(section, source, redirected) switch
        {
            null => new IisConfiguration(source, sites.Complete(section.DefaultBindings)),
            (var path, SitesDocument.ConfigSource) => new IisConfiguration(source, ReadConfigSource(path)),
            (var path, _) => ReadFile(path, "the shared configuration's applicationHost.config", redirected: true),
        };
    }

    /// <summary>The sites of the file a <c>&lt;sites configSource="…"/&gt;</c> names: its locations and errors name that file.</summary>
    private static IReadOnlyList<Site> ReadConfigSource(string path) => WithFile(path, "the file named by configSource", file =>
    {
        var sites = new SiteResolver(path);
        var section = SitesSectionReader.Read(file, path, sites, SitesDocument.ConfigSource);
        return sites.Complete(section.DefaultBindings);
    });

    private static T WithFile<T>(string path, string what, Func<FileStream, T> read)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return read(file);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidInputException($"{what} does not exist", path, inner: ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{what} cannot be read: {ex.Message}", path, inner: ex);
        }
    }
}
