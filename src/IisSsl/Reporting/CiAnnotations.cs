using System.Text;
using IisSsl.Analysis;

namespace IisSsl.Reporting;

/// <summary>
/// Writes findings as CI annotations so they show on the run and the pull request: GitHub Actions workflow commands
/// when <c>GITHUB_ACTIONS=true</c>, Azure Pipelines logging commands when <c>TF_BUILD=True</c>, nothing elsewhere.
/// Each value is escaped by the platform's own rules, so a hostile name cannot end the command or start another.
/// One annotation per finding (messages are bounded) plus what was read and checked: a notice on GitHub, and on Azure
/// a warning only when nothing could be checked.
/// </summary>
public static class CiAnnotations
{
    private const string ScopeTitle = "iis-ssl: read and checked";

    public static void Write(VerificationReport report, TextWriter output, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(environment);
        if (string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var finding in report.Findings)
                output.WriteLine(GitHub(finding));
            if (report.Scope is { } scope)
                output.WriteLine($"::notice title={GitHubProperty(ScopeTitle)}::{GitHubData(scope.Sentence())}");
        }
        else if (string.Equals(environment("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var finding in report.Findings.Where(f => f.Severity != Severity.Info))
                output.WriteLine(Azure(finding));

            // Azure has no notice level: only a run that checked nothing is worth a (non-failing) warning there.
            if (report.Scope is { Note: not null } scope)
                output.WriteLine($"##vso[task.logissue type=warning]{AzureData(scope.Sentence())}");
        }
    }

    /// <summary><c>::error file=F,line=N,title=Code::message</c>.</summary>
    internal static string GitHub(Finding finding)
    {
        var command = finding.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<string>();
        if (finding.Location is { } location)
        {
            properties.Add("file=" + GitHubProperty(location.File));
            if (location.Line > 0)
                properties.Add("line=" + location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        properties.Add("title=" + GitHubProperty(finding.Code));
        return $"::{command} {string.Join(",", properties)}::{GitHubData(finding.Message)}";
    }

    /// <summary><c>##vso[task.logissue type=error;code=Code]message</c>.</summary>
    internal static string Azure(Finding finding)
    {
        var type = finding.Severity == Severity.Error ? "error" : "warning";
        var properties = new StringBuilder($"type={type}");
        if (finding.Location is { } location)
        {
            properties.Append(";sourcepath=").Append(AzureProperty(location.File));
            if (location.Line > 0)
                properties.Append(";linenumber=").Append(location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        properties.Append(";code=").Append(AzureProperty(finding.Code));
        return $"##vso[task.logissue {properties}]{AzureData(finding.Message)}";
    }

    // GitHub (actions/toolkit command.ts): data escapes % CR LF; properties also ':' and ','.
    private static string GitHubData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string GitHubProperty(string text) =>
        GitHubData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    // Azure Pipelines agent: data escapes % CR LF (% as %AZP25); properties also ';' and ']'.
    private static string AzureData(string text) =>
        text.Replace("%", "%AZP25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string AzureProperty(string text) =>
        AzureData(text).Replace(";", "%3B", StringComparison.Ordinal).Replace("]", "%5D", StringComparison.Ordinal);
}
