using System.Text.Json;

namespace IisSsl.Reporting;

/// <summary>
/// The machine report (ARCHITECTURE.md contract): <c>{ Names.Passed, Names.Endpoints: [...], Names.Findings: [ { Names.Code,
/// Names.Severity, Names.Site, Names.Endpoint, Names.HostName, Names.Message } ] }</c>, camelCase, indented, nulls written as null.
/// Written with <see cref="Utf8JsonWriter"/> so the field names are exactly the contract's and need no reflection,
/// and streamed to the output a chunk at a time (a 10,000-site report is tens of megabytes).
/// </summary>
public static class JsonReportRenderer
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public static void Render(VerificationReport report, TextWriter output) =>
        Render(report, output, ChunkedJsonOutput.DefaultChunkBytes);

    internal static void Render(VerificationReport report, TextWriter output, int chunkBytes)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var certificates = new RenderedCertificates(Options, WriteCertificateObject);
        using (var chunked = new ChunkedJsonOutput(output, Options, chunkBytes))
        {
            var json = chunked.Json;
            json.WriteStartObject();
            json.WriteBoolean(Names.Passed, report.Passed);
            json.WriteStartArray(Names.Endpoints);
            foreach (var endpoint in report.Endpoints)
                WriteEndpoint(chunked, certificates, endpoint);
            json.WriteEndArray();
            json.WriteStartArray(Names.Findings);
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString(Names.Code, finding.Code);
                json.WriteString(Names.Severity, ReportText.Severity(finding.Severity));
                json.WriteString(Names.Site, finding.Site);
                json.WriteString(Names.Endpoint, finding.Endpoint);
                json.WriteString(Names.HostName, finding.HostName);
                json.WriteString(Names.Message, finding.Message);
                json.WriteEndObject();
                chunked.WriteOutIfFull();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            chunked.WriteOut();
        }

        output.WriteLine();
    }

    private static void WriteEndpoint(ChunkedJsonOutput chunked, RenderedCertificates certificates, EndpointReport endpoint)
    {
        var json = chunked.Json;
        json.WriteStartObject();
        json.WriteString(Names.Endpoint, endpoint.Endpoint);
        json.WriteString(Names.DefaultRecord, endpoint.DefaultRecord);
        WriteCertificate(json, certificates, Names.DefaultCertificate, endpoint.DefaultCertificate);
        json.WriteStartArray(Names.Hosts);
        foreach (var host in endpoint.Hosts)
        {
            json.WriteStartObject();
            json.WriteString(Names.Site, host.Site);
            json.WriteString(Names.HostName, host.HostName);
            json.WriteBoolean(Names.Sni, host.Sni);
            json.WriteString(Names.ServedBy, host.ServedBy);
            WriteCertificate(json, certificates, Names.Certificate, host.Certificate);
            json.WriteString(Names.Status, Names.StatusValue(host.Status));
            json.WriteEndObject();
            chunked.WriteOutIfFull();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCertificate(Utf8JsonWriter json, RenderedCertificates certificates, JsonEncodedText name, CertificateSummary? certificate)
    {
        if (certificate is null)
            json.WriteNull(name);
        else
            certificates.Write(json, name, certificate);
    }

    private static void WriteCertificateObject(Utf8JsonWriter json, CertificateSummary certificate)
    {
        json.WriteStartObject();
        json.WriteString(Names.Thumbprint, certificate.Thumbprint);
        json.WriteString(Names.Subject, certificate.Subject);
        json.WriteStartArray(Names.DnsNames);
        foreach (var dnsName in certificate.DnsNames)
            json.WriteStringValue(dnsName);
        json.WriteEndArray();
        json.WriteString(Names.NotAfter, certificate.NotAfter);
        json.WriteString(Names.Source, certificate.Source);
        json.WriteEndObject();
    }

    /// <summary>The contract's field names, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Passed = JsonEncodedText.Encode("passed");
        public static readonly JsonEncodedText Endpoints = JsonEncodedText.Encode("endpoints");
        public static readonly JsonEncodedText Findings = JsonEncodedText.Encode("findings");
        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
        public static readonly JsonEncodedText Site = JsonEncodedText.Encode("site");
        public static readonly JsonEncodedText Endpoint = JsonEncodedText.Encode("endpoint");
        public static readonly JsonEncodedText HostName = JsonEncodedText.Encode("hostname");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText DefaultRecord = JsonEncodedText.Encode("defaultRecord");
        public static readonly JsonEncodedText DefaultCertificate = JsonEncodedText.Encode("defaultCertificate");
        public static readonly JsonEncodedText Hosts = JsonEncodedText.Encode("hosts");
        public static readonly JsonEncodedText Sni = JsonEncodedText.Encode("sni");
        public static readonly JsonEncodedText ServedBy = JsonEncodedText.Encode("servedBy");
        public static readonly JsonEncodedText Certificate = JsonEncodedText.Encode("certificate");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Thumbprint = JsonEncodedText.Encode("thumbprint");
        public static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
        public static readonly JsonEncodedText DnsNames = JsonEncodedText.Encode("dnsNames");
        public static readonly JsonEncodedText NotAfter = JsonEncodedText.Encode("notAfter");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");

        private static readonly JsonEncodedText[] StatusValues =
            [.. Enum.GetValues<CoverageStatus>().Select(status => JsonEncodedText.Encode(ReportText.StatusName(status)))];

        /// <summary>A status's contract name, encoded once: every host row has one.</summary>
        public static JsonEncodedText StatusValue(CoverageStatus status) =>
            (uint)status < (uint)StatusValues.Length ? StatusValues[(int)status] : JsonEncodedText.Encode(ReportText.StatusName(status));
    }
}
