namespace IisSsl.Nuke;

/// <summary>
/// Fails a target with a message meant for the user. Nuke prints a failing target's exception in full;
/// without a stack trace that is one line naming the problem, the same line the CLI prints.
/// </summary>
internal sealed class TargetFailedException : Exception
{
    public TargetFailedException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public override string? StackTrace => null;

    public override string ToString() => Message;
}
