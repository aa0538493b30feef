namespace IisSsl.Benchmarks.Generator;

/// <summary>
/// Writes a synthetic shared-hosting server state to a folder: <c>applicationHost.config</c>, the HTTP.SYS records
/// as saved <c>netsh http show sslcert</c> text (<c>sslcert.txt</c>) and one <c>.cer</c> per certificate under
/// <c>certs/</c>: what <c>iis-ssl verify --config … --sslcert … --certs …</c> reads.
/// </summary>
public static class ServerStateGenerator
{
    /// <summary>Writes the state for <paramref name="options"/> into <paramref name="directory"/> (created if needed).</summary>
    public static GeneratedServerState Generate(GeneratorOptions options, string directory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var layout = ServerLayout.Plan(options);
        var state = new GeneratedServerState(
            Path.GetFullPath(directory),
            layout.Sites.Count,
            layout.SniSites,
            layout.SharedIps,
            HttpBindings: layout.Sites.Sum(s => s.Bindings.Count(b => b.Protocol == "http")),
            HttpsBindings: layout.Sites.Sum(s => s.Bindings.Count(b => b.Protocol == "https")),
            IpPortRecords: layout.Records.Count(r => r.Label == "IP:port"),
            HostnamePortRecords: layout.Records.Count(r => r.Label == "Hostname:port"),
            Certificates: layout.Certificates.Count,
            UncoveredHosts: layout.UncoveredHosts);

        Directory.CreateDirectory(state.CertificatesPath);
        ApplicationHostConfigWriter.Write(state.ConfigPath, layout.Sites);
        NetshSslCertWriter.Write(state.SslCertPath, layout.Records);
        foreach (var certificate in layout.Certificates)
            File.WriteAllBytes(Path.Combine(state.CertificatesPath, certificate.FileName), certificate.Der);
        return state;
    }
}
