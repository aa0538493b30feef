using System.Text;
using IisSsl.Analysis;
using IisSsl.Execution;
using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Planning;

/// <summary>
/// replace, end to end: check OLD and NEW, read the server, plan, check the predicted server (post-condition and no
/// new error), refuse or (unless a dry run) write through the same applier as apply (lock, backups, rollback), then
/// re-read and check again. Nothing is written unless the plan is accepted.
/// </summary>
internal static class ReplaceWorkflow
{
    public static EnsureResult Run(ReplaceOptions options, EnsureServices services)
    {
        ArgumentNullException.ThrowIfNull(options);
        var old = CheckedOld(options);
        if (!options.DryRun && options.SslCertPath is { } sslCert && !ServerSnapshot.IsJsonSnapshot(sslCert))
            throw new InvalidInputException("replace writes HTTP.SYS back only to a .json snapshot; this looks like saved netsh text (use --dry-run, or a .json snapshot)", sslCert);

        var serverOptions = ServerOptions(options);
        var server = ServerSnapshot.Read(serverOptions, services, []);
        var storesOfOld = server.State.HttpSys.Bindings
            .Where(r => ServedCertificate.Normalise(r.Thumbprint) == old)
            .Select(r => r.StoreName.ToUpperInvariant())
            .Distinct()
            .ToList();
        var replacement = ReplacementCertificate.Resolve(options, services.CertificateSources(serverOptions), storesOfOld);
        if (replacement.Thumbprint == old)
            throw new InvalidInputException($"--new-pfx holds the old certificate itself ({old}): nothing to replace it with", options.NewPfxPath);

        var plan = ReplacePlanner.Plan(server.State, old, replacement, importCertificate: server.Live is not null);
        var analysis = new AnalysisOptions(options.Now ?? DateTimeOffset.UtcNow, options.ExpiryWarningDays);
        var servedBefore = ServedCertificate.Of(server.State);
        var before = services.Analyze(server.State, analysis);
        var predicted = services.Analyze(plan.Predicted, analysis);
        var reasons = plan.Conflicts.ToList();
        if (reasons.Count == 0)
            reasons.AddRange(Problems(servedBefore, plan.Predicted, before, predicted, old, replacement.Thumbprint));

        var result = new EnsureResult(EnsureOutcome.Planned, predicted)
        {
            Title = $"ReplaceSslCertificate {old} -> {replacement.Thumbprint}",
            Plan = plan,
            Before = before,
            Predicted = predicted,
            Reasons = reasons,
            Warnings = SkippedFilesWarning.For(server.SkippedFiles),
        };

        if (reasons.Count > 0)
            return result with { Outcome = EnsureOutcome.Refused, Messages = ["refused: nothing was changed"] };
        if (plan.IsEmpty)
            return result with { Outcome = EnsureOutcome.NoChanges, Messages = [$"no binding or HTTP.SYS record serves {old}: nothing to change"] };
        if (options.DryRun)
            return result with { Messages = [$"{plan.StepCount} change(s) planned; nothing was changed"] };

        var request = new ApplyRequest
        {
            LockPath = server.ConfigPath,
            Snapshot = server.SnapshotPath is null
                ? null
                : new FileChange(server.SnapshotPath, server.SnapshotBytes, Encoding.UTF8.GetBytes(services.SerializeSnapshot(plan.Predicted.HttpSys))),
            LiveEdits = server.Live is null ? [] : plan.HttpSysEdits,
            Executor = server.Live?.Executor,
            Imports = plan.CertificateImports,
            Importer = server.Live?.Importer,
            BackupDirectory = options.BackupDirectory,
            Now = options.Now ?? DateTimeOffset.UtcNow,
        };

        VerificationReport? after = null;
        var outcome = EnsureApplier.Apply(
            request,
            () =>
            {
                var reread = ServerSnapshot.Read(serverOptions, services, [new ResolvedCertificateSource(new Dictionary<string, ResolvedCertificate> { ["new"] = replacement })]);
                after = services.Analyze(reread.State, analysis);
                return Problems(servedBefore, reread.State, before, after, old, replacement.Thumbprint);
            },
            services.Checkpoint,
            $"every client path that was served {old} is now served {replacement.Thumbprint}, and nothing else changed");

        return result.WithApplied(outcome, before, after, "replace failed");
    }

    /// <summary>The post-condition, and any error the change would add (e.g. NEW expired or without its private key).</summary>
    private static List<string> Problems(
        IReadOnlyList<ServedCertificate> servedBefore, ServerState state, VerificationReport before, VerificationReport now, string old, string replacement)
    {
        var problems = ReplacePostCondition.Check(servedBefore, state, old, replacement).ToList();
        var existing = before.Findings.Where(f => f.Severity == Severity.Error).Select(Key).ToHashSet();
        problems.AddRange(now.Findings.Where(f => f.Severity == Severity.Error && !existing.Contains(Key(f))).Select(f => $"{f.Code}: {f.Message}"));
        return problems;
    }

    private static (string, string?, string?, string?, string) Key(Finding f) => (f.Code, f.Site, f.Endpoint, f.HostName, f.Message);

    /// <summary>OLD in its upper-case form; a malformed thumbprint, a missing or doubled NEW, or NEW equal to OLD is bad input.</summary>
    private static string CheckedOld(ReplaceOptions options)
    {
        var old = Planning.Thumbprints.Normalise(options.OldThumbprint ?? string.Empty)
            ?? throw new InvalidInputException($"--old \"{options.OldThumbprint}\" is not a certificate thumbprint (40 hex digits)");
        if ((options.NewThumbprint is null) == (options.NewPfxPath is null))
            throw new InvalidInputException("replace needs exactly one of --new THUMBPRINT and --new-pfx FILE");
        if (options.NewThumbprint is null)
            return old;
        var replacement = Planning.Thumbprints.Normalise(options.NewThumbprint)
            ?? throw new InvalidInputException($"--new \"{options.NewThumbprint}\" is not a certificate thumbprint (40 hex digits)");
        return replacement == old
            ? throw new InvalidInputException($"--old and --new are the same certificate ({old}): nothing to replace it with")
            : old;
    }

    /// <summary>The server-reading half of <see cref="EnsureOptions"/>, which <see cref="ServerSnapshot"/> reads through.</summary>
    private static EnsureOptions ServerOptions(ReplaceOptions options) => new()
    {
        ManifestPath = string.Empty,
        IisConfigPath = options.IisConfigPath,
        SslCertPath = options.SslCertPath,
        CertificateFolders = options.CertificateFolders,
        CentralCertificateStorePath = options.CentralCertificateStorePath,
        PfxPasswordVariable = options.PfxPasswordVariable,
    };
}
