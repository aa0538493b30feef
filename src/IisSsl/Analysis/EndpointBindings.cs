using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>The https bindings of one IIS endpoint (IP:Port), with what clients without SNI get there.</summary>
internal sealed class EndpointBindings(Endpoint endpoint)
{
    private IReadOnlyList<string>? _nonSniHosts;

    public Endpoint Endpoint { get; } = endpoint;

    public string Name { get; } = endpoint.ToString();

    public List<(Site Site, Binding Binding)> Bindings { get; } = [];

    public bool HasSniBindings => Bindings.Exists(b => b.Binding.UsesSni || b.Binding.UsesCentralCertStore);

    public bool HasNonSniBindings => Bindings.Exists(b => !b.Binding.UsesSni);

    /// <summary>The host names of the non-SNI bindings here: the names one shared certificate must cover.</summary>
    public IReadOnlyList<string> NonSniHosts => _nonSniHosts ??=
    [
        .. Bindings.Where(b => !b.Binding.UsesSni && b.Binding.Host is not null)
            .Select(b => b.Binding.Host!.Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];
}
