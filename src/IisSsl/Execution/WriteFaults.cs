namespace IisSsl.Execution;

/// <summary>
/// The seam fault-injection tests use: every write step of the file-safety layer calls <see cref="At"/> with its
/// name, and a test can make any of them fail (as a full disk or a crash would). Scoped to the calling flow
/// (<see cref="AsyncLocal{T}"/>), so tests running in parallel do not see each other's faults.
/// </summary>
internal static class WriteFaults
{
    private static readonly AsyncLocal<Action<string>?> Injected = new();

    public static void At(string step) => Injected.Value?.Invoke(step);

    /// <summary>Calls <paramref name="fault"/> at every write step until the result is disposed.</summary>
    public static IDisposable Inject(Action<string> fault)
    {
        var previous = Injected.Value;
        Injected.Value = fault;
        return new Scope(() => Injected.Value = previous);
    }

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }
}
