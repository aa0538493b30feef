namespace IisSsl.Execution;

/// <summary>Changes the live HTTP.SYS certificate records, one edit at a time (netsh on Windows).</summary>
public interface IHttpSysExecutor
{
    /// <exception cref="ExecutionFailedException">The change was not made.</exception>
    void Apply(HttpSysEdit edit);
}
