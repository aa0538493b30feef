using System.Globalization;
using System.Xml;
using IisSsl.Analysis;

namespace IisSsl.Reporting;

/// <summary>
/// JUnit XML for CI test tabs (GitHub, Azure Pipelines, GitLab): one test suite per endpoint, one test case per
/// (endpoint, site, host name) row, catch-all rows included, failing when the row has an error finding; warnings
/// go to the test case's system-out. Findings not tied to a row (e.g. SniWithoutFallback) become test cases of
/// their own, in their endpoint's suite or in a general one, which also holds a passing "read and checked" case
/// saying what the report read and checked. Messages are bounded (a certificate's names are never all listed), so
/// the file grows with hosts only.
/// </summary>
public static class JunitReportRenderer
{
    private const string GeneralSuite = "iis-ssl";

    public static void Render(VerificationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        var byRow = new Dictionary<(string? Endpoint, string? Site, string? Host), List<Finding>>();
        foreach (var finding in report.Findings)
        {
            var key = (finding.Endpoint, finding.Site, finding.HostName);
            if (!byRow.TryGetValue(key, out var list))
                byRow[key] = list = [];
            list.Add(finding);
        }

        var suites = new List<Suite>();
        var suiteByEndpoint = new Dictionary<string, Suite>(StringComparer.Ordinal);
        if (report.Scope is not null)
        {
            // What was read and checked shows in the test tab as a passing case of its own, so a green run that
            // checked nothing says so where people look.
            var general = new Suite(GeneralSuite);
            general.Cases.Add(new Case("read and checked", ReportText.Scope(report), []));
            suites.Add(general);
            suiteByEndpoint[GeneralSuite] = general;
        }

        foreach (var endpoint in report.Endpoints)
        {
            var suite = new Suite(endpoint.Endpoint);
            suites.Add(suite);
            suiteByEndpoint.TryAdd(endpoint.Endpoint, suite);
            foreach (var host in endpoint.Hosts)
            {
                var key = ((string?)endpoint.Endpoint, (string?)host.Site, host.HostName);
                var findings = byRow.Remove(key, out var found) ? found : [];
                var name = $"{host.HostName ?? "(any name)"} [{host.Site}]";
                suite.Cases.Add(new Case(name, $"{ReportText.StatusLabel(host.Status)}; served by {host.ServedBy ?? "no record"}", findings));
            }
        }

        foreach (var finding in report.Findings.Where(f => byRow.ContainsKey((f.Endpoint, f.Site, f.HostName))))
        {
            if (finding.Endpoint is null || !suiteByEndpoint.TryGetValue(finding.Endpoint, out var suite))
            {
                var name = finding.Endpoint ?? GeneralSuite;
                if (!suiteByEndpoint.TryGetValue(name, out suite))
                {
                    suite = new Suite(name);
                    suites.Add(suite);
                    suiteByEndpoint[name] = suite;
                }
            }

            var caseName = string.Join(" ", new[] { finding.Code, finding.HostName, finding.Site is null ? null : $"[{finding.Site}]" }.OfType<string>());
            suite.Cases.Add(new Case(caseName, null, [finding]));
        }

        Write(suites, output);
    }

    private static void Write(List<Suite> suites, TextWriter output)
    {
        output.WriteLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Document, CloseOutput = false };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "IIS HTTPS coverage");
            xml.WriteAttributeString("tests", Number(suites.Sum(s => s.Cases.Count)));
            xml.WriteAttributeString("failures", Number(suites.Sum(s => s.Failures)));
            xml.WriteAttributeString("errors", "0");
            foreach (var suite in suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", XmlText.Safe(suite.Name));
                xml.WriteAttributeString("tests", Number(suite.Cases.Count));
                xml.WriteAttributeString("failures", Number(suite.Failures));
                xml.WriteAttributeString("errors", "0");
                xml.WriteAttributeString("skipped", "0");
                foreach (var testCase in suite.Cases)
                    WriteCase(xml, suite, testCase);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        output.WriteLine();
    }

    private static void WriteCase(XmlWriter xml, Suite suite, Case testCase)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", XmlText.Safe($"iis-ssl.{suite.Name}"));
        xml.WriteAttributeString("name", XmlText.Safe(testCase.Name));
        var errors = testCase.Findings.Where(f => f.Severity == Severity.Error).ToList();
        if (errors.Count > 0)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", XmlText.Safe(errors[0].Code));
            xml.WriteAttributeString("message", XmlText.Safe(errors[0].Message));
            xml.WriteString(XmlText.Safe(string.Join("\n", errors.Select(Line))));
            xml.WriteEndElement();
        }

        var other = testCase.Findings.Where(f => f.Severity != Severity.Error).Select(Line).Prepend(testCase.Detail).OfType<string>().ToList();
        if (other.Count > 0)
            xml.WriteElementString("system-out", XmlText.Safe(string.Join("\n", other)));
        xml.WriteEndElement();
    }

    private static string Line(Finding finding) => $"{ReportText.Severity(finding.Severity)} {finding.Code}: {finding.Message}";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record Suite(string Name)
    {
        public List<Case> Cases { get; } = [];

        public int Failures => Cases.Count(c => c.Findings.Any(f => f.Severity == Severity.Error));
    }

    private sealed record Case(string Name, string? Detail, IReadOnlyList<Finding> Findings);
}
