using System.CommandLine;
using IisSsl.Reporting;

namespace IisSsl.Cli;

/// <summary>Options that several commands share, so they are spelled and described once.</summary>
internal static class SharedOptions
{
    public static Option<string?> Config(string description = "applicationHost.config to read (default on Windows: the machine's).") =>
        new("--config") { Description = description, HelpName = "FILE" };

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

    public static Option<string> Format()
    {
        var option = new Option<string>("--format") { Description = "Report format.", HelpName = "FORMAT", DefaultValueFactory = _ => "text" };
        option.AcceptOnlyFromAmong([.. Enum.GetNames<ReportFormat>().Select(n => n.ToLowerInvariant())]);
        return option;
    }

    public static ReportFormat ParseFormat(string? value) => Enum.Parse<ReportFormat>(value ?? "text", ignoreCase: true);

    public static Option<string?> Output() =>
        new("--output") { Description = "Write the report to this file instead of standard output.", HelpName = "FILE" };
}
