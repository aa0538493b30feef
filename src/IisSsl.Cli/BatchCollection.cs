namespace IisSsl.Cli;

/// <summary>
/// An iis-ssl run is a batch: it reads the server's state into memory, reports and exits, and the model it builds
/// lives until the end. Collections during the run only copy that model from one generation to the next: on the
/// 10,000-site benchmark they were 100 to 250 ms of a 650 ms verify (BENCHMARKS.md). So the process asks the GC not
/// to collect until it has allocated <see cref="Budget"/>; a state that needs more goes past it and is collected as
/// usual, which keeps memory bounded. Only for the process itself: the Cake and Nuke hosts share their build's GC.
/// </summary>
internal static class BatchCollection
{
    public const long Budget = 256L * 1024 * 1024;

    public static void DeferUntilBudgetSpent()
    {
        try
        {
            GC.TryStartNoGCRegion(Budget);
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than this GC configuration can set aside (a 32-bit process): collect as usual.
        }
    }
}
