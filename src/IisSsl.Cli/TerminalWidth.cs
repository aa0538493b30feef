using IisSsl.Reporting;

namespace IisSsl.Cli;

/// <summary>The width the text report wraps at: the terminal's when standard output is one, otherwise a fixed default.</summary>
internal static class TerminalWidth
{
    public static int OfStandardOutput()
    {
        if (Console.IsOutputRedirected)
            return TextReportRenderer.DefaultWidth;
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : TextReportRenderer.DefaultWidth;
        }
        catch (IOException)
        {
            return TextReportRenderer.DefaultWidth;
        }
    }
}
