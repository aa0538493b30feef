using System.Text.Encodings.Web;
using System.Text.Json;
using IisSsl.Analysis;
using IisSsl.Execution;
using IisSsl.Planning;

namespace IisSsl.Reporting;

/// <summary>
/// Writes a plan/apply result for review: text (each change with its equivalent appcmd or netsh line, in the order
/// apply makes them) or JSON. JUnit and SARIF describe the decisive verification's findings, as for verify.
/// </summary>
public static class PlanRenderer
{
    /// <summary>Writes <paramref name="result"/>; <paramref name="shell"/> is the shell the text plan's command lines are for (JSON carries both).</summary>
    public static void Render(EnsureResult result, ReportFormat format, TextWriter output, CommandShell shell = CommandShell.Cmd)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ReportFormat.Json:
                RenderJson(result, output);
                break;
            case ReportFormat.Junit or ReportFormat.Sarif:
                ReportRenderer.Render(result.Verification, format, output);
                break;
            case ReportFormat.Markdown:
                output.WriteLine("```text");
                RenderText(result, output, shell);
                output.WriteLine("```");
                break;
            default:
                RenderText(result, output, shell);
                break;
        }
    }

    /// <summary>The changes in the order apply makes them.</summary>
    public static IReadOnlyList<PlannedChange> Changes(EnsurePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var changes = new List<PlannedChange>();
        changes.AddRange(plan.CertificateImports.Select(i => new PlannedChange(
            "importCertificate", $"import {i.FilePath} into LocalMachine\\{i.StoreName} (thumbprint {i.Thumbprint})", null, null, null, i.Thumbprint, null)));
        changes.AddRange(plan.HttpSysEditsBeforeConfig.Select(Change));
        changes.AddRange(plan.ConfigEdits.Select(Change));
        changes.AddRange(plan.HttpSysEditsAfterConfig.Select(Change));
        return changes;
    }

    private static PlannedChange Change(HttpSysEdit edit) => (edit switch
    {
        HttpSysEdit.Add add => new PlannedChange("addRecord", $"add HTTP.SYS record {add.Record.Key}: {Serves(add.Record)}", null, null, add.Record.Key, add.Record.Thumbprint, NetshCommands.Line(edit)),
        HttpSysEdit.Update update => new("updateRecord", $"change HTTP.SYS record {update.Record.Key}: certificate {update.Previous.Thumbprint} -> {update.Record.Thumbprint} in {update.Record.StoreName}", null, null, update.Record.Key, update.Record.Thumbprint, NetshCommands.Line(edit)),
        _ => new("deleteRecord", $"delete HTTP.SYS record {edit.Record.Key} ({Serves(edit.Record)}; the plan no longer needs it)", null, null, edit.Record.Key, edit.Record.Thumbprint, NetshCommands.Line(edit)),
    }) with
    { PowerShellCommand = NetshCommands.Line(edit, CommandShell.PowerShell) };

    private static string Serves(Model.SslCertBinding record) =>
        record.Kind == Model.SslCertBindingKind.CentralCertificateStore ? "the Central Certificate Store picks host.pfx by the SNI name"
        : string.IsNullOrEmpty(record.Thumbprint) ? "no certificate hash"
        : $"certificate {record.Thumbprint} in {record.StoreName}";

    private static PlannedChange Change(ConfigEdit edit) => (edit switch
    {
        ConfigEdit.AddBinding add => new PlannedChange("addBinding", $"add binding {add.Protocol} {add.BindingInformation} ({Flags(add.SslFlags)}) to site \"{add.SiteName}\"", add.SiteName, add.BindingInformation, null, null, AppcmdCommands.Line(edit)),
        ConfigEdit.SetSslFlags set => new("setSslFlags", $"set sslFlags {Flags(set.SslFlags)} on binding {set.Protocol} {set.BindingInformation} of site \"{set.SiteName}\"", set.SiteName, set.BindingInformation, null, null, AppcmdCommands.Line(edit)),
        ConfigEdit.RemoveBinding remove => new("removeBinding", $"remove binding {remove.Protocol} {remove.BindingInformation} from site \"{remove.SiteName}\"", remove.SiteName, remove.BindingInformation, null, null, AppcmdCommands.Line(edit)),
        _ => new("configEdit", edit.ToString(), edit.SiteName, null, null, null, null),
    }) with
    { PowerShellCommand = edit is ConfigEdit.AddBinding or ConfigEdit.SetSslFlags or ConfigEdit.RemoveBinding ? AppcmdCommands.Line(edit, CommandShell.PowerShell) : null };

    /// <summary>sslFlags with its meaning: <c>sslFlags 1 = SNI</c>, <c>sslFlags 0 = shared IP:Port certificate</c>.</summary>
    private static string Flags(Model.SslFlags flags)
    {
        var words = new List<string>();
        if (flags.HasFlag(Model.SslFlags.Sni))
            words.Add("SNI");
        if (flags.HasFlag(Model.SslFlags.CentralCertStore))
            words.Add("Central Certificate Store");
        var others = flags & ~(Model.SslFlags.Sni | Model.SslFlags.CentralCertStore);
        if (others != 0)
            words.Add(others.ToString());
        return $"sslFlags {(uint)flags} = {(words.Count == 0 ? "shared IP:Port certificate" : string.Join(" + ", words))}";
    }

    private static void RenderText(EnsureResult result, TextWriter output, CommandShell shell)
    {
        var changes = result.Plan is null ? [] : Changes(result.Plan);
        var counted = result.Outcome == EnsureOutcome.Applied ? "made" : result.Outcome == EnsureOutcome.RolledBack ? "undone" : "planned";
        output.WriteLine($"{result.Title ?? "EnsureSslHostHeaders " + result.ManifestPath}: {Describe(result.Outcome)} ({changes.Count} change(s) {counted})");
        if (result.Plan is { Decisions.Count: > 0 } plan)
        {
            output.WriteLine("Decisions:");
            foreach (var decision in plan.Decisions)
                output.WriteLine($"  {decision}");
        }

        if (changes.Count > 0)
        {
            var lines = shell == CommandShell.PowerShell ? "PowerShell lines" : "cmd.exe lines; --shell powershell for PowerShell";
            output.WriteLine(result.Outcome == EnsureOutcome.Applied ? $"Changes made ({lines}):" : $"Changes, in the order apply makes them ({lines}):");
            var n = 0;
            foreach (var change in changes)
            {
                output.WriteLine($"  {++n}. {change.Description}");
                if ((shell == CommandShell.PowerShell ? change.PowerShellCommand : change.Command) is { } command)
                    output.WriteLine($"     {command}");
            }
        }

        if (result.Warnings.Count > 0)
        {
            output.WriteLine("Warnings (not blocking):");
            foreach (var warning in result.Warnings)
                output.WriteLine($"  - {warning}");
        }

        if (result.Reasons.Count > 0)
        {
            output.WriteLine(result.Outcome == EnsureOutcome.RolledBack ? "Rolled back because:" : "Refused because:");
            foreach (var reason in result.Reasons)
                output.WriteLine($"  - {reason}");
        }

        var which = result.Outcome == EnsureOutcome.Applied ? "Verification after apply" : result.Outcome == EnsureOutcome.RolledBack ? "Verification" : "Predicted verification";
        var verification = result.Verification;
        output.WriteLine($"{which}: {(verification.Passed ? "passes" : "FAILS")} ({verification.ErrorCount} error(s), {verification.WarningCount} warning(s))");
        if (verification.Scope is { } scope)
            output.WriteLine("  " + scope.Sentence());
        foreach (var finding in verification.Findings.Where(f => f.Severity != Severity.Info))
            output.WriteLine($"  {finding.Severity.ToString().ToLowerInvariant()} {finding.Code}: {finding.Message}");
        foreach (var message in result.Messages)
            output.WriteLine(message);
        foreach (var backup in result.Backups)
            output.WriteLine($"backup: {backup}");
    }

    private static string Describe(EnsureOutcome outcome) => outcome switch
    {
        EnsureOutcome.NoChanges => "no changes",
        EnsureOutcome.Planned => "planned",
        EnsureOutcome.Applied => "applied",
        EnsureOutcome.Refused => "REFUSED",
        _ => "ROLLED BACK",
    };

    private static void RenderJson(EnsureResult result, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("outcome", char.ToLowerInvariant(result.Outcome.ToString()[0]) + result.Outcome.ToString()[1..]);
            json.WriteBoolean("succeeded", result.Succeeded);
            json.WriteString("manifest", result.ManifestPath);
            WriteOptional(json, "title", result.Title);
            json.WriteStartArray("changes");
            foreach (var change in result.Plan is null ? [] : Changes(result.Plan))
            {
                json.WriteStartObject();
                json.WriteString("kind", change.Kind);
                json.WriteString("description", change.Description);
                WriteOptional(json, "site", change.Site);
                WriteOptional(json, "bindingInformation", change.BindingInformation);
                WriteOptional(json, "record", change.Record);
                WriteOptional(json, "thumbprint", change.Thumbprint);
                WriteOptional(json, "command", change.Command);
                WriteOptional(json, "powershellCommand", change.PowerShellCommand);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteStrings(json, "decisions", result.Plan?.Decisions ?? []);
            WriteStrings(json, "reasons", result.Reasons);
            WriteStrings(json, "warnings", result.Warnings);
            WriteStrings(json, "messages", result.Messages);
            WriteStrings(json, "backups", result.Backups);
            WriteVerification(json, "verification", result.Verification);
            if (result.Before is not null)
                WriteVerification(json, "before", result.Before);
            if (result.Predicted is not null)
                WriteVerification(json, "predicted", result.Predicted);
            if (result.After is not null)
                WriteVerification(json, "after", result.After);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteVerification(Utf8JsonWriter json, string name, VerificationReport report)
    {
        json.WriteStartObject(name);
        json.WriteBoolean("passed", report.Passed);
        if (report.Scope is { } scope)
        {
            WriteCounts(json, "read", scope.Read);
            WriteCounts(json, "checked", scope.Checked);
            json.WriteString("note", scope.Note);
        }

        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("code", finding.Code);
            json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
            json.WriteString("site", finding.Site);
            json.WriteString("endpoint", finding.Endpoint);
            json.WriteString("hostname", finding.HostName);
            json.WriteString("message", finding.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyList<ScopeCount> counts)
    {
        json.WriteStartObject(name);
        foreach (var count in counts)
            json.WriteNumber(count.Name, count.Count);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
            json.WriteString(name, value);
    }
}

/// <summary>
/// One change of a plan as a reviewer sees it, with the equivalent command line when there is one: <see cref="Command"/>
/// for cmd.exe, <see cref="PowerShellCommand"/> for PowerShell.
/// </summary>
public sealed record PlannedChange(string Kind, string Description, string? Site, string? BindingInformation, string? Record, string? Thumbprint, string? Command)
{
    public string? PowerShellCommand { get; init; }
}
