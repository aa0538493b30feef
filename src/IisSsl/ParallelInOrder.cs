using System.Runtime.ExceptionServices;

namespace IisSsl;

/// <summary>
/// Runs a body for each index, on every core when asked, and fails as a loop in index order would: with the
/// exception of the lowest failing index, whatever the scheduling, so the user hears about the same file every time.
/// </summary>
internal static class ParallelInOrder
{
    public static void For(int count, bool parallel, Action<int> body)
    {
        if (!parallel)
        {
            for (var i = 0; i < count; i++)
                body(i);
            return;
        }

        var failures = new ExceptionDispatchInfo?[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                body(i);
            }
            catch (Exception e)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }
        });
        foreach (var failure in failures)
            failure?.Throw();
    }
}
