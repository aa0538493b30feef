using IisSsl.Execution;
using IisSsl.Reporting;

namespace IisSsl.Planning;

/// <summary>
/// The outcome of plan/apply. <see cref="Verification"/> is the one that decides: the predicted verification for a
/// plan, a refusal or no changes; the re-read server's for an applied plan; the restored server's after a rollback.
/// </summary>
public sealed record EnsureResult(EnsureOutcome Outcome, VerificationReport Verification)
{
    /// <summary>Exit code 0 when true; 1 when refused or rolled back.</summary>
    public bool Succeeded => Outcome is EnsureOutcome.NoChanges or EnsureOutcome.Planned or EnsureOutcome.Applied;

    /// <summary>What the result is about when it is not a manifest (e.g. <c>ReplaceSslCertificate OLD -> NEW</c>); null = EnsureSslHostHeaders of <see cref="ManifestPath"/>.</summary>
    public string? Title { get; init; }

    /// <summary>The manifest the result is about.</summary>
    public string? ManifestPath { get; init; }

    /// <summary>The changes (empty for NoChanges; null when the manifest could not even be planned).</summary>
    public EnsurePlan? Plan { get; init; }

    /// <summary>The server as it was read, verified.</summary>
    public VerificationReport? Before { get; init; }

    /// <summary>The server as the plan would leave it, verified.</summary>
    public VerificationReport? Predicted { get; init; }

    /// <summary>The server re-read after applying, verified (null unless something was written).</summary>
    public VerificationReport? After { get; init; }

    /// <summary>Why the plan was refused or rolled back, one sentence each.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>What does not block the plan but a reviewer should know (an unmanaged binding nobody can read), one sentence each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What happened, in order: steps done, rollbacks, and the state the server is left in.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>Backup files written before changing anything.</summary>
    public IReadOnlyList<string> Backups { get; init; } = [];

    /// <summary>
    /// This result once <paramref name="applied"/> has run: refused when another run held the lock, applied with the
    /// re-read server's verification, or rolled back (with <paramref name="failure"/> when the applier named none).
    /// </summary>
    public EnsureResult WithApplied(ApplyResult applied, VerificationReport before, VerificationReport? after, string failure)
    {
        ArgumentNullException.ThrowIfNull(applied);
        if (applied.LockBusy)
            return this with { Outcome = EnsureOutcome.Refused, Reasons = applied.Messages, Messages = applied.Messages };
        if (applied.Applied)
            return this with { Outcome = EnsureOutcome.Applied, Verification = after!, After = after, Messages = applied.Messages, Backups = applied.Backups };
        return this with
        {
            Outcome = EnsureOutcome.RolledBack,
            Verification = after ?? before,
            After = after,
            Reasons = [applied.Failure ?? failure],
            Messages = applied.Messages,
            Backups = applied.Backups,
        };
    }
}

public enum EnsureOutcome
{
    NoChanges,
    Planned,
    Applied,
    Refused,
    RolledBack,
}
