using IisSsl.Model;

namespace IisSsl.Sources;

/// <summary>Reads sites and bindings from an applicationHost.config file. (Placeholder: implemented on the config branch.)</summary>
public sealed class ApplicationHostConfigFile(string path) : IIisConfigurationSource
{
    public string Path { get; } = path;

    public IisConfiguration Read() => throw new NotImplementedException();
}
