using System.Text;
using IisSsl.Analysis;
using IisSsl.Execution;

namespace IisSsl.Planning;

/// <summary>
/// plan and apply, end to end: read the manifest and the server, plan, verify the predicted server, refuse or
/// (apply) write with backup and rollback, then re-read and verify. Nothing is written unless the plan is accepted.
/// </summary>
internal static class EnsureWorkflow
{
    public static EnsureResult Run(EnsureOptions options, bool apply, EnsureServices services)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A killed apply leaves its journal beside the lock: say so first (apply also clears what it left behind).
        var interrupted = options.IisConfigPath is { } configPath ? ApplyJournal.Interrupted(configPath, cleanUp: apply && !options.DryRun) : [];
        var result = Plan(options, apply, services);
        return interrupted.Count == 0 ? result : result with { Messages = [.. interrupted, .. result.Messages] };
    }

    private static EnsureResult Plan(EnsureOptions options, bool apply, EnsureServices services)
    {
        var writes = apply && !options.DryRun;
        if (writes && options.SslCertPath is { } sslCert && !ServerSnapshot.IsJsonSnapshot(sslCert))
            throw new InvalidInputException("apply writes HTTP.SYS back only to a .json snapshot; this looks like saved netsh text (use plan, or a .json snapshot)", sslCert);

        var manifest = ManifestReader.Read(options.ManifestPath);
        var server = ServerSnapshot.Read(options, services, []);
        var certificates = ManifestCertificateResolver.Resolve(manifest, services.CertificateSources(options));
        var plan = EnsurePlanner.Plan(manifest, certificates, server.State, options.RemoveStaleBindings, importCertificates: server.Live is not null);

        var analysis = new AnalysisOptions(options.Now ?? DateTimeOffset.UtcNow, options.ExpiryWarningDays);
        var before = services.Analyze(server.State, analysis);
        var predicted = services.Analyze(plan.Predicted, analysis);
        var reasons = plan.Conflicts
            .Concat(ServedCertificateCheck.Misses(manifest, certificates, plan.Predicted))
            .Concat(RefusalRules.Find(manifest, before, predicted, plan.Predicted.CertificatesByThumbprint.Values))
            .Concat(RefusalRules.CertificateSwaps(manifest, server.State, plan.Predicted))
            .ToList();
        var result = new EnsureResult(EnsureOutcome.Planned, predicted)
        {
            ManifestPath = manifest.Path,
            Plan = plan,
            Before = before,
            Predicted = predicted,
            Reasons = reasons,
            Warnings = [.. RefusalRules.Warnings(manifest, before, predicted), .. SkippedFilesWarning.For(server.SkippedFiles)],
        };

        if (reasons.Count > 0)
            return result with { Outcome = EnsureOutcome.Refused, Messages = ["refused: nothing was changed"] };
        if (plan.IsEmpty)
            return result with { Outcome = EnsureOutcome.NoChanges, Messages = ["the server already matches the manifest: nothing to change"] };
        if (!writes)
            return result with { Messages = [$"{plan.StepCount} change(s) planned; nothing was changed"] };

        var request = new ApplyRequest
        {
            LockPath = server.ConfigPath,
            Config = plan.ConfigEdits.Count == 0
                ? null
                : new FileChange(server.ConfigPath, server.ConfigBytes, services.EditConfig(server.ConfigBytes, plan.ConfigEdits, server.ConfigPath, server.ConfigDocument)),
            Snapshot = server.SnapshotPath is null || plan.HttpSysEdits.Count == 0
                ? null
                : new FileChange(server.SnapshotPath, server.SnapshotBytes, Encoding.UTF8.GetBytes(services.SerializeSnapshot(plan.Predicted.HttpSys))),
            LiveEdits = server.Live is null ? [] : plan.HttpSysEdits,
            Executor = server.Live?.Executor,
            Imports = plan.CertificateImports,
            Importer = server.Live?.Importer,
            BackupDirectory = options.BackupDirectory,
            Now = options.Now ?? DateTimeOffset.UtcNow,
        };

        Reporting.VerificationReport? after = null;
        var outcome = EnsureApplier.Apply(
            request,
            () =>
            {
                var reread = ServerSnapshot.Read(options, services, [new ResolvedCertificateSource(certificates)]);
                after = services.Analyze(reread.State, analysis);
                return [
                    .. ServedCertificateCheck.Misses(manifest, certificates, reread.State),
                    .. RefusalRules.Find(manifest, before, after),
                    .. RefusalRules.CertificateSwaps(manifest, server.State, reread.State),
                ];
            },
            services.Checkpoint);

        return result.WithApplied(outcome, before, after, "apply failed");
    }
}
