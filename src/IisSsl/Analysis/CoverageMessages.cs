using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// The sentences of the coverage findings: what the client gets, why, and how to fix it. Each depends on which
/// handshake step served the client, because the fix differs (a shared ipport certificate vs an SNI record).
/// </summary>
internal static class CoverageMessages
{
    public static string NotCovered(EndpointBindings at, Binding binding, ServedPath path)
    {
        var served = path.Served;
        var host = binding.Host!.Value;
        var port = at.Endpoint.Port;
        var record = served.RecordKey;
        var certificate = Describe.Certificate(served.Certificate!);
        var who = Who(path, host, at.Name);
        var sharedFix = $"Fix it with a certificate whose SANs or wildcard cover all the hosts on {at.Name} ({Describe.Names(at.NonSniHosts)}), "
            + $"or with SNI bindings (sslFlags=1) and a hostnameport certificate for each host.";

        return served.Step switch
        {
            HandshakeStep.ExactIpPort or HandshakeStep.IPv4Wildcard or HandshakeStep.IPv6Wildcard when !binding.UsesSni =>
                $"{who} certificate {certificate} from {record}, which does not name {host}: one certificate serves every non-SNI host on a shared IP:Port. {sharedFix}",
            HandshakeStep.ExactIpPort =>
                $"{who} certificate {certificate} from {record}, which does not name {host}: HTTP.SYS uses an ipport record for the binding's own address before any SNI record. "
                + $"Fix it by deleting {record} so hostnameport={host}:{port} is used, or by binding a certificate there whose SANs cover all the hosts on {at.Name}.",
            HandshakeStep.HostnamePort =>
                $"{who} certificate {certificate} from {record}, which does not name {host}. "
                + $"Fix it by binding a certificate whose SANs name {host} (or a wildcard covering it) to {record}"
                + (binding.UsesSni ? "." : ", or by deleting that record so the ipport certificate is used."),
            HandshakeStep.WildcardHostnamePort =>
                $"{who} certificate {certificate} from the wildcard record {record} (there is no hostnameport={host}:{port}), which does not name {host}. "
                + $"Fix it by adding hostnameport={host}:{port} with a certificate that names {host}, or by binding a certificate covering {host} to {record}.",
            HandshakeStep.CentralCertificateStore =>
                $"{who} certificate {certificate} from the Central Certificate Store file {served.Certificate!.Source} ({record}), which does not name {host}. "
                + $"Fix it by replacing that file with a certificate whose SANs name {host} (the store needs one file per host name), or by adding hostnameport={host}:{port}.",
            _ =>
                $"{who} certificate {certificate} from the fallback record {record}, which does not name {host}: the binding uses SNI but there is no hostnameport={host}:{port} record. "
                + $"Fix it by adding hostnameport={host}:{port} with a certificate that names {host}, or by binding a certificate that covers {host} to {record}.",
        };
    }

    public static string NoCertificate(EndpointBindings at, Binding binding, ServedPath path)
    {
        var clients = path.Clients;
        var port = at.Endpoint.Port;
        var fallbacks = string.Join(", ", CertificateResolver.IpPortKeys(at.Endpoint));
        if (binding.Host is not { } host)
        {
            return $"No client gets a certificate for the catch-all binding on {at.Name}: there is no {fallbacks} record, so every TLS handshake fails. "
                + $"Fix it by adding one (netsh http add sslcert ipport={Endpoint.AllUnassigned(port).HttpSysKey} certhash=<thumbprint> appid={{{SslCertBinding.IisAppId}}}).";
        }

        var who = Who(path, host.Value, at.Name);
        if (clients == ClientKind.WithoutSni)
        {
            return $"{who} no certificate: there is no {fallbacks} record, so their TLS handshake fails although the binding does not use SNI. "
                + $"Fix it by adding an ipport record whose certificate covers all the non-SNI hosts on {at.Name} ({Describe.Names(at.NonSniHosts)}), "
                + "or by turning the binding into an SNI binding (sslFlags=1).";
        }

        var tried = binding.UsesSni || clients == ClientKind.WithSni
            ? $"hostnameport={host.Value}:{port}, ccs={port} or {fallbacks}"
            : fallbacks;
        var fix = binding.UsesSni
            ? $"adding hostnameport={host.Value}:{port} with a certificate that names {host.Value}"
            : $"adding ipport={Endpoint.AllUnassigned(port).HttpSysKey} (or the binding's own ipport) with a certificate that covers {Describe.Names(at.NonSniHosts)}";
        return $"{who} no certificate: there is no {tried} record, so the TLS handshake fails. Fix it by {fix}.";
    }

    public static string CertificateMissing(EndpointBindings at, Binding binding, ServedPath path) =>
        $"{Who(path, Describe.Host(binding.Host), at.Name)} no usable certificate: {path.Served.MissingReason}. "
        + "Import the certificate (LocalMachine store, or a --certs folder for offline checks) or point the record at one that exists.";

    /// <summary>A finding's text followed by the inference it depends on, if the handshake that served the client relies on one.</summary>
    public static string WithInference(string text, Handshake served) =>
        served.Inference is { } inference ? $"{text} ({inference})" : text;

    private static string Who(ServedPath path, string host, string endpoint)
    {
        var clients = path.Clients switch
        {
            ClientKind.WithSni => $"browsers sending SNI {host} to {endpoint} get",
            ClientKind.WithoutSni => $"clients without SNI asking for {host} on {endpoint} get",
            _ => $"clients of {host} on {endpoint} get",
        };
        return path.Addresses switch
        {
            ClientAddresses.IPv4 => "IPv4 " + clients,
            ClientAddresses.IPv6 => "IPv6 " + clients,
            _ => char.ToUpperInvariant(clients[0]) + clients[1..],
        };
    }
}
