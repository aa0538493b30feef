using IisSsl.Reporting;

namespace IisSsl.Cli;

/// <summary>
/// Writes a report where the user asked for it. With <c>--output</c> the chosen format goes to the file and the
/// readable text report to standard output; without it the chosen format goes to standard output alone (so
/// <c>--format json</c> prints nothing but JSON). CI annotations are added when running under GitHub Actions or
/// Azure Pipelines, unless standard output is reserved for a machine-readable report.
/// </summary>
internal static class ReportOutput
{
    public static void Write(VerificationReport report, ReportFormat format, string? outputPath, CliConsole console)
    {
        Write((f, writer) => ReportRenderer.Render(report, f, writer, ReferenceEquals(writer, console.Out) ? TerminalWidth.OfStandardOutput() : TextReportRenderer.DefaultWidth),
            format, outputPath, console);
        if (outputPath is not null || format == ReportFormat.Text)
            CiAnnotations.Write(report, console.Out, Environment.GetEnvironmentVariable);
    }

    /// <summary>Writes a plan or apply result (plan, apply, replace), its command lines for <paramref name="shell"/>.</summary>
    public static void Write(Planning.EnsureResult result, Execution.CommandShell shell, ReportFormat format, string? outputPath, CliConsole console) =>
        Write((f, writer) => PlanRenderer.Render(result, f, writer, shell), format, outputPath, console);

    /// <summary>Writes any result that <paramref name="render"/> can put in each <see cref="ReportFormat"/>.</summary>
    public static void Write(Action<ReportFormat, TextWriter> render, ReportFormat format, string? outputPath, CliConsole console)
    {
        if (outputPath is null)
        {
            render(format, console.Out);
            return;
        }

        WriteFile(outputPath, writer => render(format, writer));
        render(ReportFormat.Text, console.Out);
        console.Error.WriteLine($"Report written to {outputPath}");
    }

    public static void WriteFile(string path, Action<TextWriter> render)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
                Directory.CreateDirectory(directory);
            using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
            render(writer);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"cannot write the report: {ex.Message}", path);
        }
    }
}
