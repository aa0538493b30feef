using System.Buffers;
using System.Text;
using System.Text.Json;
using IisSsl.Analysis;
using IisSsl.Model;

namespace IisSsl.Reporting;

/// <summary>
/// A minimal valid SARIF 2.1.0 log: one run, the tool driver with one rule per finding code present, and one result
/// per finding (level, message, the configuration line when known, and the site/endpoint/host as a logical location),
/// and what was read and checked (an invocation note and the run's properties).
/// </summary>
public static class SarifReportRenderer
{
    public const string ToolName = "iis-ssl";

    private static readonly Dictionary<string, string> RuleDescriptions = new(StringComparer.Ordinal)
    {
        [FindingCodes.HostNotCovered] = "The certificate HTTP.SYS serves does not name the host.",
        [FindingCodes.NoCertificateBound] = "No HTTP.SYS record serves the binding: the TLS handshake fails.",
        [FindingCodes.CertificateNotFound] = "An HTTP.SYS record points at a certificate that could not be found.",
        [FindingCodes.CertificateExpired] = "The served certificate has expired.",
        [FindingCodes.CertificateNotYetValid] = "The served certificate is not valid yet.",
        [FindingCodes.CertificateExpiresSoon] = "The served certificate expires soon.",
        [FindingCodes.DuplicateBinding] = "The same binding is on two sites; only one of them can start.",
        [FindingCodes.MissingPrivateKey] = "The served certificate has no private key.",
        [FindingCodes.NotServerAuthentication] = "The served certificate lacks the Server Authentication EKU.",
        [FindingCodes.WeakKey] = "The served certificate's key is too small.",
        [FindingCodes.WeakSignature] = "The served certificate is signed with SHA-1 or MD5.",
        [FindingCodes.SniWithoutFallback] = "Clients without SNI get no certificate on this endpoint.",
        [FindingCodes.InvalidBinding] = "A binding could not be parsed.",
        [FindingCodes.ShadowedByIpPortRecord] = "A specific-IP ipport record is served before the SNI and wildcard records of a * binding to clients arriving on that IP.",
        [FindingCodes.ShadowedByIpPortRecord] = "A specific-IP ipport record that HTTP.SYS serves before the SNI/wildcard records of a * binding for clients arriving on that IP.",
    };

    public static void Render(VerificationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var rules = report.Findings.Select(f => f.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((code, i) => (code, i)).ToDictionary(r => r.code, r => r.i, StringComparer.Ordinal);

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolName);
            json.WriteStartArray("rules");
            foreach (var code in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", code);
                json.WriteString("name", code);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", RuleDescriptions.GetValueOrDefault(code, code));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
                WriteResult(json, finding, ruleIndex[finding.Code]);
            json.WriteEndArray();
            if (report.Scope is { } scope)
                WriteScope(json, scope);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>
    /// What was read and checked: as a note of the invocation (where SARIF viewers show tool messages) and as counts in
    /// the run's property bag for scripts.
    /// </summary>
    private static void WriteScope(Utf8JsonWriter json, ReportScope scope)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteStartArray("toolExecutionNotifications");
        json.WriteStartObject();
        json.WriteString("level", "note");
        json.WriteStartObject("message");
        json.WriteString("text", scope.Sentence());
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("properties");
        WriteCounts(json, "read", scope.Read);
        WriteCounts(json, "checked", scope.Checked);
        if (scope.Note is not null)
            json.WriteString("note", scope.Note);
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyList<ScopeCount> counts)
    {
        json.WriteStartObject(name);
        foreach (var count in counts)
            json.WriteNumber(count.Name, count.Count);
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", finding.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "note",
        });
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();

        var logical = string.Join("/", new[] { finding.Site, finding.Endpoint, finding.HostName }.OfType<string>());
        if (finding.Location is not null || logical.Length > 0)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            if (finding.Location is { } location)
                WritePhysicalLocation(json, location);
            if (logical.Length > 0)
            {
                json.WriteStartArray("logicalLocations");
                json.WriteStartObject();
                json.WriteString("name", finding.HostName ?? finding.Endpoint ?? finding.Site);
                json.WriteString("fullyQualifiedName", logical);
                json.WriteString("kind", "resource");
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, SourceLocation location)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ArtifactUri(location.File));
        json.WriteEndObject();
        if (location.Line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", location.Line);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>SARIF wants a URI: absolute paths become <c>file://</c> URIs, relative ones stay relative with '/' and escaping.</summary>
    internal static string ArtifactUri(string file)
    {
        if (Path.IsPathFullyQualified(file))
            return new Uri(file).AbsoluteUri;
        return string.Join("/", file.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }
}
