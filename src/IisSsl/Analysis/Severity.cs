namespace IisSsl.Analysis;

public enum Severity
{
    Info,
    Warning,
    Error,
}
