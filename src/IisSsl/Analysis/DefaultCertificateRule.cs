using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// The default certificate of an endpoint (what <c>0.0.0.0:port</c>, <c>[::]:port</c> or the endpoint's own
/// <c>ipport</c> record serves to clients without SNI) is a served certificate like any other: it is checked for
/// expiry, validity, key, signature, private key and EKU even when only SNI bindings use the port, so no binding's path
/// checked it. The finding names the record; it carries the endpoint but no site or host.
/// </summary>
internal static class DefaultCertificateRule
{
    public static void Apply(EndpointBindings at, CertificateResolver.EndpointHandshakes handshakes, BindingCoverageRule coverage, List<Finding> findings)
    {
        Check(at, handshakes.WithoutSni, at.Endpoint.IsAllUnassigned && handshakes.WithoutSniIPv6 is not null ? "IPv4 clients" : "clients", coverage, findings);
        if (handshakes.WithoutSniIPv6 is { } ipv6)
            Check(at, ipv6, "IPv6 clients", coverage, findings);
    }

    private static void Check(EndpointBindings at, Handshake served, string clients, BindingCoverageRule coverage, List<Finding> findings)
    {
        if (served.Certificate is not { } certificate || coverage.Checked(certificate))
            return;
        foreach (var (code, severity, problem) in coverage.ProblemsOf(certificate))
        {
            var text = $"The default certificate {certificate.Subject} (thumbprint {certificate.Thumbprint}) that {served.RecordKey} serves to {clients} without SNI on {at.Name} {problem}.";
            findings.Add(new Finding(code, severity, CoverageMessages.WithInference(text, served), Endpoint: at.Name));
        }
    }
}
