using IisSsl.Model;

namespace IisSsl.Sources;

/// <summary>Where IIS's sites and bindings come from (an applicationHost.config file, on any OS).</summary>
public interface IIisConfigurationSource
{
    /// <exception cref="InvalidInputException">The configuration cannot be read (missing, malformed, a DTD).</exception>
    IisConfiguration Read();
}
