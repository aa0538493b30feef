using IisSsl.Reporting;

namespace IisSsl.Planning;

/// <summary>The outcome of plan/apply. (Placeholder shape: completed on the ensure branch.)</summary>
public sealed record EnsureResult(EnsureOutcome Outcome, VerificationReport Verification)
{
    /// <summary>Exit code 0 when true; 1 when refused or rolled back.</summary>
    public bool Succeeded => Outcome is EnsureOutcome.NoChanges or EnsureOutcome.Planned or EnsureOutcome.Applied;
}

public enum EnsureOutcome
{
    NoChanges,
    Planned,
    Applied,
    Refused,
    RolledBack,
}
