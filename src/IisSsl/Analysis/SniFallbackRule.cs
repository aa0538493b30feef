namespace IisSsl.Analysis;

/// <summary>
/// An endpoint with only SNI/CCS bindings and no ipport record: clients without SNI (IP-literal and legacy
/// clients) fail the handshake (reference §4.2). Endpoints that also have non-SNI bindings are left to the
/// coverage findings of those bindings, which already say the same thing with a host name.
/// </summary>
internal static class SniFallbackRule
{
    public static void Apply(EndpointBindings at, Handshake withoutSni, List<Finding> findings)
    {
        if (withoutSni.HasRecord || !at.HasSniBindings || at.HasNonSniBindings)
            return;
        var hosts = at.Hosts;
        var keys = string.Join(", ", CertificateResolver.IpPortKeys(at.Endpoint));
        findings.Add(new Finding(
            FindingCodes.SniWithoutFallback,
            Severity.Warning,
            $"{at.Name} has only SNI bindings ({Describe.Names(hosts)}) and no {keys} record, so clients without SNI (IP-literal and legacy clients) fail the TLS handshake. "
            + $"Add a default certificate if they matter: netsh http add sslcert ipport={Model.Endpoint.AllUnassigned(at.Endpoint.Port).HttpSysKey} certhash=<thumbprint> appid={{{Model.SslCertBinding.IisAppId}}}.",
            Endpoint: at.Name));
    }
}
