using System.Buffers;
using System.Text;
using System.Text.Json;

namespace IisSsl.Reporting;

/// <summary>
/// The machine report (ARCHITECTURE.md contract): <c>{ "passed", "endpoints": [...], "findings": [ { "code",
/// "severity", "site", "endpoint", "hostname", "message" } ] }</c>, camelCase, indented, nulls written as null.
/// Written with <see cref="Utf8JsonWriter"/> so the field names are exactly the contract's and need no reflection.
/// </summary>
public static class JsonReportRenderer
{
    public static void Render(VerificationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("passed", report.Passed);
            json.WriteStartArray("endpoints");
            foreach (var endpoint in report.Endpoints)
                WriteEndpoint(json, endpoint);
            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("code", finding.Code);
                json.WriteString("severity", ReportText.Severity(finding.Severity));
                json.WriteString("site", finding.Site);
                json.WriteString("endpoint", finding.Endpoint);
                json.WriteString("hostname", finding.HostName);
                json.WriteString("message", finding.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void WriteEndpoint(Utf8JsonWriter json, EndpointReport endpoint)
    {
        json.WriteStartObject();
        json.WriteString("endpoint", endpoint.Endpoint);
        json.WriteString("defaultRecord", endpoint.DefaultRecord);
        WriteCertificate(json, "defaultCertificate", endpoint.DefaultCertificate);
        json.WriteStartArray("hosts");
        foreach (var host in endpoint.Hosts)
        {
            json.WriteStartObject();
            json.WriteString("site", host.Site);
            json.WriteString("hostname", host.HostName);
            json.WriteBoolean("sni", host.Sni);
            json.WriteString("servedBy", host.ServedBy);
            WriteCertificate(json, "certificate", host.Certificate);
            json.WriteString("status", ReportText.StatusName(host.Status));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCertificate(Utf8JsonWriter json, string name, CertificateSummary? certificate)
    {
        if (certificate is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("thumbprint", certificate.Thumbprint);
        json.WriteString("subject", certificate.Subject);
        json.WriteStartArray("dnsNames");
        foreach (var dnsName in certificate.DnsNames)
            json.WriteStringValue(dnsName);
        json.WriteEndArray();
        json.WriteString("notAfter", certificate.NotAfter);
        json.WriteString("source", certificate.Source);
        json.WriteEndObject();
    }
}
