using System.Globalization;
using System.Text.RegularExpressions;
using IisSsl.Sources;

namespace IisSsl.Execution;

/// <summary>
/// Applies <see cref="HttpSysEdit"/>s with <c>netsh http</c>. Re-runs are idempotent: an add that finds the record
/// already there (error 183) becomes an update, and deleting a record that is already gone (error 2) is done.
/// </summary>
public sealed partial class NetshHttpSysExecutor(ICommandRunner runner) : IHttpSysExecutor
{
    public const int ErrorFileNotFound = 2;
    public const int ErrorAccessDenied = 5;
    public const int ErrorInvalidParameter = 87;
    public const int ErrorAlreadyExists = 183;
    public const int ErrorNoSuchLogonSession = 1312;

    public void Apply(HttpSysEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var error = Run(edit);
        switch (edit, error)
        {
            case (_, null):
                return;
            case (HttpSysEdit.Add, ErrorAlreadyExists):
                Require(new HttpSysEdit.Update(edit.Record, edit.Record));
                return;
            case (HttpSysEdit.Update, ErrorFileNotFound):
                Require(new HttpSysEdit.Add(edit.Record));
                return;
            case (HttpSysEdit.Delete, ErrorFileNotFound):
                return;
            default:
                throw Failure(edit, error.Value);
        }
    }

    private void Require(HttpSysEdit edit)
    {
        if (Run(edit) is { } error)
            throw Failure(edit, error);
    }

    /// <summary>Runs netsh; null on success, otherwise the Windows error number (-1 when netsh printed none).</summary>
    private int? Run(HttpSysEdit edit)
    {
        var result = runner.Run(NetshCommands.Program, NetshCommands.Arguments(edit));
        if (result.ExitCode == 0)
            return null;
        var match = ErrorNumber().Match(result.StandardOutput + "\n" + result.StandardError);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    private static ExecutionFailedException Failure(HttpSysEdit edit, int error)
    {
        var reason = error switch
        {
            ErrorAccessDenied => "access denied (error 5): run from an elevated prompt",
            ErrorFileNotFound => "the record does not exist (error 2)",
            ErrorInvalidParameter => "the parameter is incorrect (error 87): check the thumbprint and the store name",
            ErrorAlreadyExists => "the record already exists (error 183)",
            ErrorNoSuchLogonSession => $"the certificate {edit.Record.Thumbprint} is not usable (error 1312): it must be in LocalMachine\\{edit.Record.StoreName} with its private key",
            -1 => "netsh failed without an error number",
            _ => $"netsh failed with error {error}",
        };
        return new ExecutionFailedException($"{NetshCommands.Line(edit)} failed: {reason}.");
    }

    [GeneratedRegex(@"Error:\s*(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorNumber();
}
