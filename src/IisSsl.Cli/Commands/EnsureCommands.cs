using System.CommandLine;

namespace IisSsl.Cli.Commands;

/// <summary>
/// <c>iis-ssl plan</c> and <c>iis-ssl apply</c>: EnsureSslHostHeaders. Plan never writes; apply writes only after the
/// predicted state verifies, with backups, and rolls back on failure.
/// </summary>
internal static class EnsureCommands
{
    public static Command CreatePlan(CliConsole console) => Create(console, "plan",
        "Show what apply would change (with the equivalent appcmd and netsh lines) and whether the result would verify.", apply: false);

    public static Command CreateApply(CliConsole console) => Create(console, "apply",
        "Make IIS bindings and HTTP.SYS certificate bindings match the manifest, refusing any change that would leave a host uncovered.", apply: true);

    private static Command Create(CliConsole console, string name, string description, bool apply)
    {
        var manifest = new Option<string>("--manifest") { Description = "The desired state (JSON manifest).", HelpName = "FILE", Required = true };
        var config = SharedOptions.Config();
        var sslCert = SharedOptions.SslCert("HTTP.SYS state as a .json snapshot, read and (by apply) written back; a missing file is an empty HTTP.SYS (default on Windows: the live machine).");
        var certs = SharedOptions.Certs();
        var ccs = SharedOptions.Ccs();
        var pfxPasswordEnv = SharedOptions.PfxPasswordEnv();
        var backupDir = SharedOptions.BackupDir("Where apply puts timestamped backups (default: beside each file).");
        var removeStale = new Option<bool>("--remove-stale") { Description = "Also remove https bindings of manifest sites that the manifest no longer lists." };
        var dryRun = SharedOptions.DryRun();
        var expiryDays = SharedOptions.ExpiryWarningDays();
        var format = SharedOptions.Format();
        var output = SharedOptions.Output();
        var shell = SharedOptions.Shell();

        var command = new Command(name, description) { manifest, config, sslCert, certs, ccs, pfxPasswordEnv, backupDir, removeStale, expiryDays, format, output, shell };
        if (apply)
            command.Options.Add(dryRun);

        command.SetAction(parsed =>
        {
            var options = new EnsureOptions
            {
                ManifestPath = parsed.GetValue(manifest)!,
                IisConfigPath = parsed.GetValue(config),
                SslCertPath = parsed.GetValue(sslCert),
                CertificateFolders = parsed.GetValue(certs) ?? [],
                CentralCertificateStorePath = parsed.GetValue(ccs),
                PfxPasswordVariable = parsed.GetValue(pfxPasswordEnv)!,
                BackupDirectory = parsed.GetValue(backupDir),
                RemoveStaleBindings = parsed.GetValue(removeStale),
                DryRun = !apply || parsed.GetValue(dryRun),
                ExpiryWarningDays = parsed.GetValue(expiryDays),
            };
            var result = apply ? IisSslEngine.Apply(options) : IisSslEngine.Plan(options);
            ReportOutput.Write(result, SharedOptions.ParseShell(parsed.GetValue(shell)), SharedOptions.ParseFormat(parsed.GetValue(format)), parsed.GetValue(output), console);
            return result.Succeeded ? IisSslCli.Holds : IisSslCli.Failed;
        });
        return command;
    }
}
