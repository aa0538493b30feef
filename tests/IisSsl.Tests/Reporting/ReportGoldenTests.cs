using IisSsl.Analysis;
using IisSsl.Reporting;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Reporting;

/// <summary>
/// The JSON and text reports byte for byte, as users' scripts and CI logs see them. The fixtures were written by
/// the renderers before they were made to stream, so any change to the output shows here.
/// </summary>
public sealed class ReportGoldenTests
{
    [Theory]
    [InlineData("seed.json", ReportFormat.Json)]
    [InlineData("seed.txt", ReportFormat.Text)]
    public void The_seed_report_is_written_exactly_as_before(string fixture, ReportFormat format) =>
        Assert.Equal(Fixture(fixture), Rendered(SampleReports.Seed(), format));

    [Theory]
    [InlineData("hostile.json", ReportFormat.Json)]
    [InlineData("hostile.txt", ReportFormat.Text)]
    public void A_report_of_hostile_names_is_written_exactly_as_before(string fixture, ReportFormat format) =>
        Assert.Equal(Fixture(fixture), Rendered(SampleReports.Hostile_(), format));

    [Fact]
    public void A_json_report_streamed_in_many_small_chunks_is_the_same_as_one_written_whole()
    {
        var report = Large();
        using var whole = new StringWriter();
        using var chunked = new StringWriter();

        JsonReportRenderer.Render(report, whole, chunkBytes: int.MaxValue);
        JsonReportRenderer.Render(report, chunked, chunkBytes: 1);

        Assert.Equal(whole.ToString(), chunked.ToString());
        Assert.Equal(report.Endpoints.Sum(e => e.Hosts.Count), System.Text.Json.JsonDocument.Parse(chunked.ToString())
            .RootElement.GetProperty("endpoints").EnumerateArray().Sum(e => e.GetProperty("hosts").GetArrayLength()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_json_report_written_to_a_utf8_stream_has_the_same_bytes_as_one_written_as_text(bool byteOrderMark)
    {
        var report = Large();
        var encoding = new System.Text.UTF8Encoding(byteOrderMark);
        using var text = new StringWriter();
        text.Write("before ✓ ");
        JsonReportRenderer.Render(report, text, chunkBytes: 1000);
        using var bytes = new MemoryStream();
        using (var stream = new StreamWriter(bytes, encoding, bufferSize: 128))
        {
            stream.Write("before ✓ ");
            JsonReportRenderer.Render(report, stream, chunkBytes: 1000);
        }

        Assert.Equal([.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())], bytes.ToArray());
    }

    /// <summary>Enough hosts, with non-ASCII and hostile names, to cross many chunk boundaries.</summary>
    private static VerificationReport Large()
    {
        var certificate = SampleReports.SiteV1Certificate;
        var hosts = Enumerable.Range(0, 3000).Select(i => new HostReport(
            i % 7 == 0 ? SampleReports.Hostile : $"Sïte {i} ✓",
            i % 5 == 0 ? null : $"host{i}.bücher.example",
            i % 2 == 0,
            i % 3 == 0 ? null : $"hostnameport=host{i}.example:443",
            i % 4 == 0 ? null : certificate,
            (CoverageStatus)(i % Enum.GetValues<CoverageStatus>().Length))).ToList();
        return new VerificationReport(
            [new EndpointReport("*:443", "ipport=0.0.0.0:443", certificate, hosts), new EndpointReport("10.0.0.1:443", null, null, [])],
            [.. Enumerable.Range(0, 200).Select(i => new Finding(FindingCodes.HostNotCovered, Severity.Error, $"Message {i} – ü", $"Site {i}", "*:443", $"host{i}.example"))]);
    }

    private static string Rendered(VerificationReport report, ReportFormat format) =>
        SampleReports.Render(report, format).Replace(Environment.NewLine, "\n", StringComparison.Ordinal);

    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "IisSsl.Tests", "Fixtures", "Reporting", name));
}
