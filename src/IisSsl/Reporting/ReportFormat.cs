namespace IisSsl.Reporting;

public enum ReportFormat
{
    Text,
    Json,
    Junit,
    Sarif,
    Markdown,
}
