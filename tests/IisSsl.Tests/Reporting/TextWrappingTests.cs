using FsCheck.Xunit;
using IisSsl.Analysis;
using IisSsl.Reporting;

namespace IisSsl.Tests.Reporting;

/// <summary>
/// The text report fits the terminal (issue 17): lines wrap at word boundaries to the width, a word is never split,
/// and only a token longer than the width (a thumbprint, a long host name) may run past it.
/// </summary>
public sealed class TextWrappingTests
{
    private const string Thumbprint = "0123456789ABCDEF0123456789ABCDEF01234567";

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    public void No_line_is_longer_than_the_width_unless_it_is_one_unbreakable_token(int width)
    {
        var text = Render(Wordy(), width);

        foreach (var line in Lines(text))
        {
            if (line.Length > width)
                Assert.True(line.Trim().IndexOf(' ') < 0, $"line of {line.Length} characters at width {width} has a space to break at:\n{line}");
        }
    }

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    public void Wrapping_never_splits_a_word(int width)
    {
        var report = Wordy();

        var words = Lines(Render(report, width)).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);

        Assert.All(report.Findings.SelectMany(f => f.Message.Split(' ')), word => Assert.Contains(word, words));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    public void A_wrapped_message_reads_back_as_the_same_words_in_the_same_order(int width)
    {
        var report = Wordy();

        var text = string.Join(" ", Lines(Render(report, width)).Select(l => l.Trim()));

        Assert.All(report.Findings, f => Assert.Contains(f.Message, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Continuation_lines_are_indented_so_no_wrapped_text_starts_a_line()
    {
        var hostile = new Finding(FindingCodes.HostNotCovered, Severity.Error,
            string.Concat(Enumerable.Repeat("word ", 20)) + "::error ::pwn ##vso[task.complete] " + string.Concat(Enumerable.Repeat("word ", 20)), "site", "*:443", "a.example");

        var lines = Lines(Render(new VerificationReport([], [hostile]), 80));

        Assert.True(lines.Count(l => l.TrimStart().StartsWith("word", StringComparison.Ordinal)) > 1);
        Assert.DoesNotContain(lines, l => l.StartsWith("::", StringComparison.Ordinal) || l.StartsWith("##", StringComparison.Ordinal));
    }

    [Fact]
    public void A_token_longer_than_the_width_stays_whole_on_its_own_line()
    {
        var token = new string('x', 130);
        var finding = new Finding(FindingCodes.HostNotCovered, Severity.Error, $"before {token} after", "site", "*:443", "a.example");

        var lines = Lines(Render(new VerificationReport([], [finding]), 80));

        Assert.Contains(lines, l => l.Trim() == token);
    }

    [Fact]
    public void Lines_that_fit_are_written_as_they_are()
    {
        var report = SampleReports.Seed();

        var unwrapped = Lines(Render(report, 1000));
        var wrapped = Lines(Render(report, 100));

        Assert.Contains(unwrapped, l => l.Length > 100);
        Assert.All(unwrapped.Where(l => l.Length <= 100), line => Assert.Contains(line, wrapped));
    }

    [Property(MaxTest = 300)]
    public bool A_finding_s_first_line_is_its_severity_code_and_subject_wrapped_as_one_line(byte severity, string? site, string? endpoint, string? host, byte width)
    {
        string[] codes = [FindingCodes.HostNotCovered, FindingCodes.ShadowedByIpPortRecord, FindingCodes.CertificateFileSkipped];
        var code = codes[severity % codes.Length];
        var finding = new Finding(code, (Severity)(severity % 3), "message", site, endpoint, host);
        var columns = TextWrapper.MinimumWidth + (width % 80);

        // The first line as it was written before it was built in place: the subject's parts joined, then made one line.
        var subject = string.Join(" ", new[] { site is null ? null : $"[{site}]", endpoint, host }.OfType<string>());
        using var expected = new StringWriter();
        new TextWrapper(columns).WriteLine(expected, $"  {ReportText.Severity(finding.Severity),-7} {code} {ReportText.OneLine(subject)}", 8);

        var report = Render(new VerificationReport([], [finding]), columns);
        return report.StartsWith("Findings" + Environment.NewLine + expected, StringComparison.Ordinal);
    }

    /// <summary>Long messages (as real findings are: up to ~500 characters), long rows and a long default-certificate line.</summary>
    private static VerificationReport Wordy()
    {
        var certificate = new CertificateSummary(Thumbprint, "CN=shared.pool1.hosting.example, O=Example Hosting Ltd, C=GB",
            [.. Enumerable.Range(0, 700).Select(i => $"site{i}.pool1.hosting.example")], DateTimeOffset.UnixEpoch.AddYears(60), "certs/pool1.cer");
        var hosts = Enumerable.Range(0, 5).Select(i => new HostReport($"Customer site number {i}", $"www.shop{i}.some-long-customer-domain.example", i % 2 == 0,
            "ipport=10.0.0.1:443", certificate, i == 3 ? CoverageStatus.NotCovered : CoverageStatus.Covered)).ToList();
        var message = $"Browsers sending SNI www.shop3.some-long-customer-domain.example to 10.0.0.1:443 get certificate CN=shared.pool1.hosting.example "
            + $"(thumbprint {Thumbprint}, names site0.pool1.hosting.example, site1.pool1.hosting.example and 698 more) from ipport=10.0.0.1:443, "
            + "which does not name www.shop3.some-long-customer-domain.example: one certificate serves every non-SNI host on a shared IP:Port. "
            + "Fix it with a certificate whose SANs or wildcard cover all the hosts on 10.0.0.1:443, or with SNI bindings (sslFlags=1) and a hostnameport certificate for each host.";
        return new VerificationReport(
            [new EndpointReport("10.0.0.1:443", "ipport=10.0.0.1:443", certificate, hosts)],
            [new Finding(FindingCodes.HostNotCovered, Severity.Error, message, "Customer site number 3", "10.0.0.1:443", "www.shop3.some-long-customer-domain.example")],
            ReportScope.Verify(5, 5, 1, 1, 5));
    }

    private static string Render(VerificationReport report, int width)
    {
        using var writer = new StringWriter();
        TextReportRenderer.Render(report, writer, width);
        return writer.ToString();
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
