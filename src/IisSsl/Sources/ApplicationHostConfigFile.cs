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
    public IisConfiguration Read() => Parse(ReadBytes(Path), Path);

    /// <summary>Reads the sites of a config file's <paramref name="content"/>; <paramref name="source"/> names it in locations and errors.</summary>
    /// <exception cref="InvalidInputException">The content is not well-formed XML, holds a DTD, or a site has no name or id.</exception>
    public static IisConfiguration Parse(byte[] content, string source)
    {
        var text = ConfigText.Decode(content, source);
        var section = SitesSectionReader.Read(text.Text, source);
        return new IisConfiguration(source, SiteResolver.Resolve(section, source));
    }

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidInputException("the IIS configuration file does not exist", path, inner: ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"the IIS configuration file cannot be read: {ex.Message}", path, inner: ex);
        }
    }
}
