namespace IisSsl.Tests.Execution;

/// <summary>
/// A randomized stress measurement: runs only when <c>IIS_SSL_STRESS_RUNS</c> names how many runs to make, since its
/// figure is recorded in RELIABILITY.md rather than asserted on every suite run.
/// </summary>
public sealed class StressFactAttribute : FactAttribute
{
    public const string RunsVariable = "IIS_SSL_STRESS_RUNS";

    public StressFactAttribute()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(RunsVariable), out var runs) || runs <= 0)
            Skip = $"a stress measurement: set {RunsVariable}=500 to run it (figures in RELIABILITY.md).";
    }
}
