using System.Globalization;
using IisSsl.Analysis;
using IisSsl.Execution;
using IisSsl.Planning;
using IisSsl.Reporting;
using Nuke.Common;
using Nuke.Common.IO;
using Nuke.Common.Utilities.Collections;
using Serilog;
using Serilog.Events;

namespace IisSsl.Nuke;

/// <summary>
/// What every IisSsl target does with the engine's answer: each finding becomes a log event (warnings and errors
/// turn into CI annotations on Nuke's build-server hosts), the report goes to the output file, the counts go to
/// the build summary, and error findings fail the target (exit code 1, like the CLI).
/// </summary>
internal static class TargetOutcome
{
    public static void Publish(INukeBuild build, VerificationReport report, ReportFormat format, AbsolutePath? output)
    {
        Record(build, report, format, output, summary: []);
        if (!report.Passed)
            throw Failed(build, $"{report.ErrorCount} error finding(s): {Describe(report)}");
    }

    public static void Publish(INukeBuild build, EnsureResult result, ReportFormat format, AbsolutePath? output, CommandShell shell)
    {
        LogPlan(result, shell);
        Log.Information("Outcome: {Outcome}", result.Outcome);
        Record(build, result.Verification, format, output, summary: [("Outcome", result.Outcome.ToString())]);
        if (!result.Succeeded)
            throw Failed(build, $"{result.Outcome}: nothing was changed. {Describe(result.Verification)}".TrimEnd());
    }

    private static void Record(
        INukeBuild build,
        VerificationReport report,
        ReportFormat format,
        AbsolutePath? output,
        (string Key, string Value)[] summary)
    {
        foreach (var finding in report.Findings)
            LogFinding(finding);

        if (output is not null)
            Write(report, format, output);

        build.ReportSummary(_ =>
        {
            foreach (var (key, value) in summary)
                _.AddPair(key, value);
            return _
                .AddPair("Errors", report.ErrorCount.ToString(CultureInfo.InvariantCulture))
                .AddPair("Warnings", report.WarningCount.ToString(CultureInfo.InvariantCulture));
        });
    }

    // The plan as the CLI and Cake print it: each change with its appcmd or netsh line, then the predicted (or, after
    // apply, the re-read) verification. A dry run is read from this; the findings follow as their own events.
    private static void LogPlan(EnsureResult result, CommandShell shell)
    {
        using var text = new StringWriter();
        PlanRenderer.Render(result, ReportFormat.Text, text, shell);
        foreach (var line in text.ToString().TrimEnd().Split('\n'))
            Log.Information("{Line:l}", line.TrimEnd('\r'));
    }

    // ":l" keeps strings unquoted in the rendered text that becomes the CI annotation.
    private static void LogFinding(Finding finding)
    {
        var location = string.Join(' ', new[] { finding.Site, finding.Endpoint, finding.HostName }.Where(x => x is not null));
        var template = location.Length == 0 ? "{Code:l}: {Message:l}" : "{Code:l}: {Message:l} ({Location:l})";
        object[] values = location.Length == 0 ? [finding.Code, finding.Message] : [finding.Code, finding.Message, location];
        var level = finding.Severity switch
        {
            Severity.Error => LogEventLevel.Error,
            Severity.Warning => LogEventLevel.Warning,
            _ => LogEventLevel.Information,
        };
        Log.Write(level, template, values);
    }

    private static void Write(VerificationReport report, ReportFormat format, AbsolutePath output)
    {
        string path = output;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var writer = new StreamWriter(path))
            ReportRenderer.Render(report, format, writer);
        Log.Information("{Format} report written to {Output}", format, path);
    }

    // One line: the error codes with their counts, e.g. "HostNotCovered x2, NoCertificateBound x1".
    private static string Describe(VerificationReport report) => string.Join(", ", report.Findings
        .Where(x => x.Severity == Severity.Error)
        .GroupBy(x => x.Code)
        .Select(x => $"{x.Key} x{x.Count()}"));

    private static TargetFailedException Failed(INukeBuild build, string message)
    {
        build.ExitCode ??= 1;
        return new TargetFailedException(message);
    }
}
