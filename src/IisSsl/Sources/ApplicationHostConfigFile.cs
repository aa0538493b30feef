using IisSsl.Model;
using IisSsl.Sources.IisConfig;

namespace IisSsl.Sources;

/// <summary>
/// Reads sites and bindings from an applicationHost.config file (IIS or IIS Express), on any OS. Sites inherit the
/// <c>siteDefaults</c> bindings (see <see cref="BindingCollectionMerge"/>); a malformed http/https binding is kept
/// with its <see cref="Binding.Problem"/> rather than failing the whole file.
/// </summary>
public sealed class ApplicationHostConfigFile(string path) : IIisConfigurationSource
{
    public string Path { get; } = path;

    /// <exception cref="InvalidInputException">The file is missing or unreadable, not well-formed XML, holds a DTD, or a site has no name or id.</exception>
    public IisConfiguration Read()
    {
        try
        {
            using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return Parse(file, Path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidInputException("the IIS configuration file does not exist", Path, inner: ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"the IIS configuration file cannot be read: {ex.Message}", Path, inner: ex);
        }
    }

    /// <summary>Reads the sites of a config file's <paramref name="content"/>; <paramref name="source"/> names it in locations and errors.</summary>
    /// <exception cref="InvalidInputException">The content is not well-formed XML, holds a DTD, or a site has no name or id.</exception>
    public static IisConfiguration Parse(byte[] content, string source)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var bytes = new MemoryStream(content, writable: false);
        return Parse(bytes, source);
    }

    private static IisConfiguration Parse(Stream content, string source)
    {
        var sites = new SiteResolver(source);
        var section = SitesSectionReader.Read(content, source, sites);
        return new IisConfiguration(source, sites.Complete(section.DefaultBindings));
    }
}
