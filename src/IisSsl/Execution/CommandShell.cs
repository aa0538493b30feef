namespace IisSsl.Execution;

/// <summary>
/// The shell a plan's command lines are written for. cmd.exe takes them as IIS and netsh documentation write them;
/// PowerShell would split <c>[protocol='https',…]</c> at the comma, drop the quotes and read <c>{…}</c> as a script
/// block, so there every argument is a single-quoted literal and appcmd is called through <c>&amp;</c>.
/// </summary>
public enum CommandShell
{
    Cmd,
    PowerShell,
}

/// <summary>Writes a program and its arguments as one line a shell runs unchanged.</summary>
public static class ShellLine
{
    /// <summary>PowerShell: <c>&amp; 'program' 'arg' …</c>, each a single-quoted literal (nothing expands inside, <c>'</c> doubled).</summary>
    public static string PowerShell(string program, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(arguments);
        return "& " + program + " " + string.Join(' ', arguments.Select(Literal));
    }

    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
