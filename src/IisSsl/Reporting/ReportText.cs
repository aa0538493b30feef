using System.Globalization;
using System.Text;
using IisSsl.Analysis;

namespace IisSsl.Reporting;

/// <summary>The words and safe text every renderer shares.</summary>
internal static class ReportText
{
    public static string Severity(Severity severity) => severity switch
    {
        Analysis.Severity.Error => "error",
        Analysis.Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The JSON/contract name of a status: <c>covered</c>, <c>notCovered</c>, <c>noCertificate</c>...</summary>
    public static string StatusName(CoverageStatus status) => status switch
    {
        CoverageStatus.Covered => "covered",
        CoverageStatus.NotCovered => "notCovered",
        CoverageStatus.NoCertificate => "noCertificate",
        CoverageStatus.CertificateMissing => "certificateMissing",
        CoverageStatus.AnyName => "anyName",
        _ => JsonNamingPolicyCamel(status.ToString()),
    };

    /// <summary>The human form of a status for tables.</summary>
    public static string StatusLabel(CoverageStatus status) => status switch
    {
        CoverageStatus.Covered => "covered",
        CoverageStatus.NotCovered => "NOT COVERED",
        CoverageStatus.NoCertificate => "NO CERTIFICATE",
        CoverageStatus.CertificateMissing => "CERTIFICATE MISSING",
        _ => "any name",
    };

    /// <summary>How many of a certificate's names a line of a human report lists before "and N more".</summary>
    public const int MaxListedNames = 10;

    public static string Summary(VerificationReport report) =>
        $"{(report.Passed ? "PASSED" : "FAILED")}: {Count(report.ErrorCount, "error")}, {Count(report.WarningCount, "warning")}";

    /// <summary>What was read and checked, one sentence (empty for a report that does not say).</summary>
    public static string Scope(VerificationReport report) => report.Scope?.Sentence() ?? string.Empty;

    public static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    public static string Date(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string ShortThumbprint(string thumbprint) => thumbprint.Length > 8 ? thumbprint[..8] + "…" : thumbprint;

    /// <summary>
    /// Text safe to print on a terminal or in a one-line format: control characters (ESC sequences, CR, LF, C1)
    /// become spaces or '?', so hostile names in a config cannot forge lines or colour codes.
    /// </summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        if (!HasControlCharacter(text))
            return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(c is '\r' or '\n' or '\t' ? ' ' : char.IsControl(c) ? '?' : c);
        return builder.ToString();
    }

    // The two ranges are exactly char.IsControl (Unicode Cc). A plain loop: the vectorised span search runs as
    // unoptimised code in a ReadyToRun CLI, and this is asked of every cell of a large report.
    private static bool HasControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (c < '\u0020' || c is >= '\u007f' and <= '\u009f')
                return true;
        }

        return false;
    }

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
