using System.CommandLine;

namespace IisSsl.Cli.Commands;

/// <summary>
/// <c>iis-ssl snapshot</c>: SnapshotIisSslState. Writes HTTP.SYS's records as the JSON snapshot (to <c>--output</c>, or
/// to standard output), so a server captured on Windows can be verified on any OS.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Create(CliConsole console)
    {
        var config = SharedOptions.Config("applicationHost.config to copy beside the snapshot (needs --output).");
        var sslCert = SharedOptions.SslCert("Saved 'netsh http show sslcert' text (or a .json snapshot) to convert (default on Windows: the live machine, through the HTTP Server API).");
        var output = new Option<string?>("--output") { Description = "The JSON snapshot to write (default: standard output).", HelpName = "FILE" };
        var certs = SharedOptions.Certs();
        var certsOut = new Option<string?>("--certs-out") { Description = "Export the public certificates the records reference into this folder (THUMBPRINT.cer, DER; never a private key).", HelpName = "DIR" };
        var pfxPasswordEnv = SharedOptions.PfxPasswordEnv();

        var command = new Command("snapshot", "Write HTTP.SYS's certificate bindings as a JSON snapshot that 'verify --sslcert' reads on any OS.")
        {
            config, sslCert, output, certs, certsOut, pfxPasswordEnv,
        };

        command.SetAction(parsed =>
        {
            var result = IisSslEngine.Snapshot(new SnapshotOptions
            {
                IisConfigPath = parsed.GetValue(config),
                SslCertPath = parsed.GetValue(sslCert),
                OutputPath = parsed.GetValue(output),
                CertificateFolders = parsed.GetValue(certs) ?? [],
                CertificatesOutDirectory = parsed.GetValue(certsOut),
                PfxPasswordVariable = parsed.GetValue(pfxPasswordEnv)!,
            });
            if (result.OutputPath is null)
            {
                console.Out.Write(result.Json);
                console.Error.WriteLine(result.Summary);
            }
            else
            {
                console.Out.WriteLine(result.Summary);
            }

            return IisSslCli.Holds;
        });
        return command;
    }
}
