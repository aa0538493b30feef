using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using IisSsl.Planning;
using IisSsl.Reporting;

namespace IisSsl.Cake;

/// <summary>The little an alias does around its engine call: resolve paths, log the report, fail the task.</summary>
internal sealed class CakeHost(ICakeContext context)
{
    public const int FindingsExitCode = 1;
    public const int BadInputExitCode = 2;

    public string? Resolve(FilePath? path) => path?.MakeAbsolute(context.Environment).FullPath;

    public string? Resolve(DirectoryPath? path) => path?.MakeAbsolute(context.Environment).FullPath;

    /// <summary>Runs the engine call; bad input becomes a task failure with exit code 2 and one clear message.</summary>
    public T Run<T>(Func<T> engineCall)
    {
        try
        {
            return engineCall();
        }
        catch (InvalidInputException ex)
        {
            throw new CakeException(BadInputExitCode, ex.Message);
        }
    }

    public void Publish(VerificationReport report, ReportSettings settings, string target)
    {
        Log(writer => ReportRenderer.Render(report, ReportFormat.Text, writer));
        WriteOutput(settings, writer => ReportRenderer.Render(report, settings.Format, writer));
        CiAnnotations.Write(report, Console.Out, context.Environment.GetEnvironmentVariable);
        if (!report.Passed && settings.FailOnError)
            throw new CakeException(FindingsExitCode, $"{target} failed: {Describe(report)}");
    }

    /// <summary>Logs a plan or apply result, writes its report file, and fails the task when it was refused or rolled back.</summary>
    public void Publish(EnsureResult result, ChangeSettings settings, string target)
    {
        Log(writer => PlanRenderer.Render(result, ReportFormat.Text, writer, settings.Shell));
        WriteOutput(settings, writer => PlanRenderer.Render(result, settings.Format, writer, settings.Shell));
        if (!result.Succeeded && settings.FailOnError)
            throw new CakeException(FindingsExitCode, $"{target} {result.Outcome.ToString().ToLowerInvariant()}: see the plan above for why; nothing was left half-changed.");
    }

    public void Log(Action<TextWriter> render)
    {
        using var text = new StringWriter();
        render(text);
        foreach (var line in text.ToString().Split('\n'))
            context.Log.Write(Verbosity.Normal, LogLevel.Information, "{0}", line.TrimEnd('\r'));
    }

    public void WriteOutput(ReportSettings settings, Action<TextWriter> render)
    {
        var path = Resolve(settings.Output);
        if (path is null)
            return;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
            render(writer);
        context.Log.Write(Verbosity.Normal, LogLevel.Information, "Report written to {0}", path);
    }

    private static string Describe(VerificationReport report)
    {
        var errors = report.Findings.Where(f => f.Severity == Analysis.Severity.Error).ToList();
        var first = errors.Take(5).Select(f => $"{f.Code} {f.HostName ?? f.Endpoint ?? f.Site}".Trim());
        var more = errors.Count > 5 ? $" and {errors.Count - 5} more" : string.Empty;
        return $"{errors.Count} error(s): {string.Join("; ", first)}{more}.";
    }
}
