using System.Text.Json;

namespace IisSsl.Reporting;

/// <summary>
/// The machine report, schema version 2 (ARCHITECTURE.md contract; JSON Schema in docs/report.v2.schema.json):
/// <c>{ "schemaVersion": 2, "passed", "summary", "certificates": { THUMBPRINT: {...} }, "endpoints": [...], "findings": [...] }</c>.
/// Each certificate is written once, keyed by thumbprint, and rows name it by thumbprint, so the report grows with
/// the server and never with hosts × certificate names. camelCase, indented, nulls written as null; written with
/// <see cref="Utf8JsonWriter"/> so the field names are exactly the contract's, and streamed a chunk at a time.
/// </summary>
public static class JsonReportRenderer
{
    public const int SchemaVersion = 2;

    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public static void Render(VerificationReport report, TextWriter output) =>
        Render(report, output, ChunkedJsonOutput.DefaultChunkBytes);

    internal static void Render(VerificationReport report, TextWriter output, int chunkBytes)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using (var chunked = new ChunkedJsonOutput(output, Options, chunkBytes))
        {
            var json = chunked.Json;
            json.WriteStartObject();
            json.WriteNumber(Names.SchemaVersion, SchemaVersion);
            json.WriteBoolean(Names.Passed, report.Passed);
            WriteSummary(json, report);
            json.WriteStartObject(Names.Certificates);
            foreach (var certificate in ReportCertificates.Of(report).InOrder)
            {
                WriteCertificate(json, certificate);
                chunked.WriteOutIfFull();
            }

            json.WriteEndObject();
            json.WriteStartArray(Names.Endpoints);
            foreach (var endpoint in report.Endpoints)
                WriteEndpoint(chunked, endpoint);
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

    /// <summary>The counts: findings by severity, what was read and what was checked (null when the report does not say).</summary>
    private static void WriteSummary(Utf8JsonWriter json, VerificationReport report)
    {
        json.WriteStartObject(Names.Summary);
        json.WriteNumber(Names.Errors, report.ErrorCount);
        json.WriteNumber(Names.Warnings, report.WarningCount);
        json.WriteNumber(Names.Infos, report.InfoCount);
        WriteCounts(json, Names.Read, report.Scope?.Read);
        WriteCounts(json, Names.Checked, report.Scope?.Checked);
        json.WriteString(Names.Note, report.Scope?.Note);
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<ScopeCount>? counts)
    {
        if (counts is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        foreach (var count in counts)
            json.WriteNumber(count.Name, count.Count);
        json.WriteEndObject();
    }

    private static void WriteCertificate(Utf8JsonWriter json, ReportCertificates.Entry entry)
    {
        var certificate = entry.Facts;
        json.WriteStartObject(certificate.Thumbprint);
        json.WriteString(Names.Thumbprint, certificate.Thumbprint);
        json.WriteString(Names.Subject, certificate.Subject);
        WriteStrings(json, Names.DnsNames, certificate.DnsNames);
        WriteStrings(json, Names.IpAddresses, certificate.IpAddresses);
        if (certificate.NotBefore is { } notBefore)
            json.WriteString(Names.NotBefore, notBefore);
        else
            json.WriteNull(Names.NotBefore);
        json.WriteString(Names.NotAfter, certificate.NotAfter);
        json.WriteString(Names.KeyAlgorithm, certificate.KeyAlgorithm);
        WriteNumber(json, Names.KeySize, certificate.KeySize);
        json.WriteString(Names.SignatureAlgorithm, certificate.SignatureAlgorithm);
        WriteBoolean(json, Names.HasPrivateKey, certificate.HasPrivateKey);
        WriteBoolean(json, Names.ServerAuthentication, certificate.ServerAuthentication);
        WriteStrings(json, Names.Problems, entry.Problems);
        json.WriteString(Names.Source, entry.Sources.Count > 0 ? entry.Sources[0] : null);
        WriteStrings(json, Names.Sources, entry.Sources);
        json.WriteEndObject();
    }

    private static void WriteEndpoint(ChunkedJsonOutput chunked, EndpointReport endpoint)
    {
        var json = chunked.Json;
        json.WriteStartObject();
        json.WriteString(Names.Endpoint, endpoint.Endpoint);
        json.WriteString(Names.DefaultRecord, endpoint.DefaultRecord);
        json.WriteString(Names.DefaultCertificate, endpoint.DefaultCertificate?.Thumbprint);
        json.WriteStartArray(Names.Hosts);
        foreach (var host in endpoint.Hosts)
        {
            json.WriteStartObject();
            json.WriteString(Names.Site, host.Site);
            json.WriteString(Names.HostName, host.HostName);
            json.WriteBoolean(Names.Sni, host.Sni);
            json.WriteString(Names.ServedBy, host.ServedBy);
            json.WriteString(Names.Certificate, host.Certificate?.Thumbprint);
            json.WriteString(Names.Status, Names.StatusValue(host.Status));
            json.WriteEndObject();
            chunked.WriteOutIfFull();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, JsonEncodedText name, int? value)
    {
        if (value is { } number)
            json.WriteNumber(name, number);
        else
            json.WriteNull(name);
    }

    private static void WriteBoolean(Utf8JsonWriter json, JsonEncodedText name, bool? value)
    {
        if (value is { } flag)
            json.WriteBoolean(name, flag);
        else
            json.WriteNull(name);
    }

    /// <summary>The contract's field names, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText SchemaVersion = JsonEncodedText.Encode("schemaVersion");
        public static readonly JsonEncodedText Passed = JsonEncodedText.Encode("passed");
        public static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
        public static readonly JsonEncodedText Errors = JsonEncodedText.Encode("errors");
        public static readonly JsonEncodedText Warnings = JsonEncodedText.Encode("warnings");
        public static readonly JsonEncodedText Infos = JsonEncodedText.Encode("infos");
        public static readonly JsonEncodedText Read = JsonEncodedText.Encode("read");
        public static readonly JsonEncodedText Checked = JsonEncodedText.Encode("checked");
        public static readonly JsonEncodedText Note = JsonEncodedText.Encode("note");
        public static readonly JsonEncodedText Certificates = JsonEncodedText.Encode("certificates");
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
        public static readonly JsonEncodedText IpAddresses = JsonEncodedText.Encode("ipAddresses");
        public static readonly JsonEncodedText NotBefore = JsonEncodedText.Encode("notBefore");
        public static readonly JsonEncodedText NotAfter = JsonEncodedText.Encode("notAfter");
        public static readonly JsonEncodedText KeyAlgorithm = JsonEncodedText.Encode("keyAlgorithm");
        public static readonly JsonEncodedText KeySize = JsonEncodedText.Encode("keySize");
        public static readonly JsonEncodedText SignatureAlgorithm = JsonEncodedText.Encode("signatureAlgorithm");
        public static readonly JsonEncodedText HasPrivateKey = JsonEncodedText.Encode("hasPrivateKey");
        public static readonly JsonEncodedText ServerAuthentication = JsonEncodedText.Encode("serverAuthentication");
        public static readonly JsonEncodedText Problems = JsonEncodedText.Encode("problems");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Sources = JsonEncodedText.Encode("sources");

        private static readonly JsonEncodedText[] StatusValues =
            [.. Enum.GetValues<CoverageStatus>().Select(status => JsonEncodedText.Encode(ReportText.StatusName(status)))];

        /// <summary>A status's contract name, encoded once: every host row has one.</summary>
        public static JsonEncodedText StatusValue(CoverageStatus status) =>
            (uint)status < (uint)StatusValues.Length ? StatusValues[(int)status] : JsonEncodedText.Encode(ReportText.StatusName(status));
    }
}
