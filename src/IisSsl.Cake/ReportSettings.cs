using Cake.Core.IO;
using IisSsl.Reporting;

namespace IisSsl.Cake;

/// <summary>What every alias shares: where a report file goes, in which format, and whether findings fail the task.</summary>
public abstract class ReportSettings
{
    /// <summary>Also write the report in <see cref="Format"/> to this file (<c>--output</c>); the log always gets the text report.</summary>
    public FilePath? Output { get; set; }

    /// <summary>The format of <see cref="Output"/> (<c>--format</c>; the log always gets the text report).</summary>
    public ReportFormat Format { get; set; } = ReportFormat.Text;

    /// <summary>Throw (fail the task) when the result has an error. Default true.</summary>
    public bool FailOnError { get; set; } = true;

    /// <summary>Warn when a certificate expires within this many days (<c>--expiry-warning-days</c>).</summary>
    public int ExpiryWarningDays { get; set; } = 30;
}
