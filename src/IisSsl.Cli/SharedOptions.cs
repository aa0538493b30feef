using System.CommandLine;
using IisSsl.Reporting;

namespace IisSsl.Cli;

/// <summary>
/// Options that several commands share, so they are spelled and described once. The names are the project's one
/// vocabulary (README, "Options"): the same in build.sh, the Cake settings and the Nuke parameters; older CLI
/// spellings stay as aliases.
/// </summary>
internal static class SharedOptions
{
    private static readonly string[] FormatNames = [.. Enum.GetNames<ReportFormat>().Select(n => n.ToLowerInvariant())];

    public static Option<string?> Config(string description = "applicationHost.config to read (default on Windows: the machine's).") =>
        new("--iis-config", "--config") { Description = description, HelpName = "FILE" };

    public static Option<string?> SslCert(string description = "HTTP.SYS certificate bindings: saved 'netsh http show sslcert' text, or a .json snapshot (default on Windows: the live machine).") =>
        new("--sslcert") { Description = description, HelpName = "FILE" };

    public static Option<string[]> Certs() =>
        new("--certs") { Description = "Folder of .cer/.crt/.pem/.der/.pfx files, matched by thumbprint (repeatable; default on Windows: the LocalMachine store).", HelpName = "DIR", AllowMultipleArgumentsPerToken = false };

    public static Option<string?> Ccs() =>
        new("--ccs") { Description = "Central Certificate Store folder (host.pfx, _.domain.pfx).", HelpName = "DIR" };

    public static Option<string> PfxPasswordEnv() =>
        new("--pfx-password-env") { Description = "Name of the environment variable that holds the PFX password (never the password itself).", HelpName = "VARIABLE", DefaultValueFactory = _ => VerifyOptions.DefaultPfxPasswordVariable };

    public static Option<int> ExpiryWarningDays() =>
        new("--expiry-warning-days") { Description = "Warn when a certificate expires within this many days.", HelpName = "DAYS", DefaultValueFactory = _ => 30 };

    /// <summary>The report format, in any case (<c>--format JSON</c> as in build.sh, Cake and Nuke).</summary>
    public static Option<string> Format()
    {
        var option = new Option<string>("--format") { Description = "Report format.", HelpName = string.Join('|', FormatNames), DefaultValueFactory = _ => "text" };
        option.CompletionSources.Add(FormatNames);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!FormatNames.Contains(value, StringComparer.OrdinalIgnoreCase))
                result.AddError($"--format '{value}' is not one of: {string.Join(", ", FormatNames)}.");
        });
        return option;
    }

    public static ReportFormat ParseFormat(string? value) => Enum.Parse<ReportFormat>(value ?? "text", ignoreCase: true);

    /// <summary>The shell the text plan's command lines are written for: <c>cmd</c> (default) or <c>powershell</c>, in any case.</summary>
    public static Option<string> Shell()
    {
        var option = new Option<string>("--shell")
        {
            Description = "Which shell the text plan's command lines are written for: cmd (cmd.exe, as IIS documents them) or powershell (every argument a literal). JSON carries both.",
            HelpName = "cmd|powershell",
            DefaultValueFactory = _ => "cmd",
        };
        option.CompletionSources.Add("cmd", "powershell");
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Enum.GetNames<Execution.CommandShell>().Contains(value, StringComparer.OrdinalIgnoreCase))
                result.AddError($"--shell '{value}' is not one of: cmd, powershell.");
        });
        return option;
    }

    public static Execution.CommandShell ParseShell(string? value) => Enum.Parse<Execution.CommandShell>(value ?? "cmd", ignoreCase: true);

    public static Option<string?> BackupDir(string description = "Where timestamped backups go (default: beside each file).") =>
        new("--backup-dir") { Description = description, HelpName = "DIR" };

    public static Option<bool> DryRun() => new("--dry-run") { Description = "Print the plan and change nothing." };

    public static Option<string?> Output() =>
        new("--output") { Description = "Also write the report in --format to this file; the readable text report still goes to standard output.", HelpName = "FILE" };
}
