using IisSsl.Analysis;
using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>
/// One way a client reaches a binding: <c>Sni</c> true for a client sending the binding's host name, false for one
/// sending no SNI (legacy clients, IP literals), and the certificate HTTP.SYS hands it, by thumbprint, with the record
/// or store that chose it. The thumbprint is the record's even when the certificate itself was not read. The paths
/// of a binding are those verify checks (BindingCoverageRule): an SNI binding's SNI path, a non-SNI
/// binding's two, a catch-all binding's path without SNI.
/// </summary>
internal sealed record ServedCertificate(string Site, Endpoint Endpoint, HostName? Host, bool Sni, string? RecordKey, string? Thumbprint, bool FromCentralStore)
{
    public (string Site, Endpoint Endpoint, HostName? Host, bool Sni) Key => (Site.ToUpperInvariant(), Endpoint, Host, Sni);

    public string Describe() =>
        $"site \"{Site}\" {Host?.Value ?? "(any host name)"} on {Endpoint} {(Sni ? "with SNI" : "without SNI")}";

    /// <summary>Every path of every https binding of <paramref name="state"/>, as HTTP.SYS would serve it (see <see cref="CertificateResolver"/>).</summary>
    public static IReadOnlyList<ServedCertificate> Of(ServerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var resolver = new CertificateResolver(state, new HttpSysIndex(state.HttpSys.Bindings));
        var handshakesOn = new Dictionary<Endpoint, CertificateResolver.EndpointHandshakes>();
        var paths = new List<ServedCertificate>();
        foreach (var (site, binding) in state.Configuration.HttpsBindings)
        {
            if (binding.Problem is not null || binding.Endpoint is not { } endpoint)
                continue;
            if (!handshakesOn.TryGetValue(endpoint, out var handshakes))
                handshakesOn[endpoint] = handshakes = resolver.On(endpoint);
            if (!binding.UsesSni || binding.Host is null)
                paths.Add(Path(site, endpoint, binding.Host, sni: false, handshakes.WithoutSni));
            if (binding.Host is { } host)
                paths.Add(Path(site, endpoint, host, sni: true, handshakes.WithSni(host)));
        }

        return paths;
    }

    private static ServedCertificate Path(Site site, Endpoint endpoint, HostName? host, bool sni, Handshake handshake)
    {
        var fromStore = handshake.Step == HandshakeStep.CentralCertificateStore;
        var thumbprint = fromStore ? handshake.Certificate?.Thumbprint : handshake.Record?.Thumbprint;
        return new ServedCertificate(site.Name, endpoint, host, sni, handshake.RecordKey, Normalise(thumbprint), fromStore);
    }

    public static string? Normalise(string? thumbprint) =>
        string.IsNullOrWhiteSpace(thumbprint) ? null : thumbprint.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
