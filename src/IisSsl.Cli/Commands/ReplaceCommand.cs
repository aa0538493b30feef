using System.CommandLine;

namespace IisSsl.Cli.Commands;

/// <summary>
/// <c>iis-ssl replace</c>: ReplaceSslCertificate. Moves every HTTP.SYS record that serves OLD to NEW (renewal), with the
/// same plan output, backups, lock and rollback as apply; refuses when NEW misses a host OLD serves.
/// </summary>
internal static class ReplaceCommand
{
    public static Command Create(CliConsole console)
    {
        var oldThumbprint = new Option<string>("--old") { Description = "Thumbprint of the certificate to retire.", HelpName = "THUMBPRINT", Required = true };
        var newThumbprint = new Option<string?>("--new") { Description = "Thumbprint of the replacement, found in --certs (on Windows without --certs: the LocalMachine store).", HelpName = "THUMBPRINT" };
        var newPfx = new Option<string?>("--new-pfx") { Description = "The replacement as a PFX file (password from the --pfx-password-env variable; imported on live Windows).", HelpName = "FILE" };
        var config = SharedOptions.Config();
        var sslCert = SharedOptions.SslCert("HTTP.SYS state as a .json snapshot, read and (unless --dry-run) written back (default on Windows: the live machine).");
        var certs = SharedOptions.Certs();
        var ccs = SharedOptions.Ccs();
        var pfxPasswordEnv = SharedOptions.PfxPasswordEnv();
        var backupDir = SharedOptions.BackupDir();
        var dryRun = SharedOptions.DryRun();
        var expiryDays = SharedOptions.ExpiryWarningDays();
        var format = SharedOptions.Format();
        var output = SharedOptions.Output();
        var shell = SharedOptions.Shell();

        var command = new Command("replace", "Move every HTTP.SYS certificate binding that serves the old certificate to the new one (renewal), refusing if the new one misses a host.")
        {
            oldThumbprint, newThumbprint, newPfx, config, sslCert, certs, ccs, pfxPasswordEnv, backupDir, dryRun, expiryDays, format, output, shell,
        };

        command.SetAction(parsed =>
        {
            var options = new ReplaceOptions
            {
                OldThumbprint = parsed.GetValue(oldThumbprint)!,
                NewThumbprint = parsed.GetValue(newThumbprint),
                NewPfxPath = parsed.GetValue(newPfx),
                IisConfigPath = parsed.GetValue(config),
                SslCertPath = parsed.GetValue(sslCert),
                CertificateFolders = parsed.GetValue(certs) ?? [],
                CentralCertificateStorePath = parsed.GetValue(ccs),
                PfxPasswordVariable = parsed.GetValue(pfxPasswordEnv)!,
                BackupDirectory = parsed.GetValue(backupDir),
                DryRun = parsed.GetValue(dryRun),
                ExpiryWarningDays = parsed.GetValue(expiryDays),
            };
            var result = IisSslEngine.Replace(options);
            ReportOutput.Write(result, SharedOptions.ParseShell(parsed.GetValue(shell)), SharedOptions.ParseFormat(parsed.GetValue(format)), parsed.GetValue(output), console);
            return result.Succeeded ? IisSslCli.Holds : IisSslCli.Failed;
        });
        return command;
    }
}
