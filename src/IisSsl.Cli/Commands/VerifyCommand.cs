using System.CommandLine;

namespace IisSsl.Cli.Commands;

/// <summary><c>iis-ssl verify</c>: VerifyCertCoverage. Reads only; writes nothing but the report.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var config = SharedOptions.Config();
        var sslCert = SharedOptions.SslCert();
        var certs = SharedOptions.Certs();
        var ccs = SharedOptions.Ccs();
        var pfxPasswordEnv = SharedOptions.PfxPasswordEnv();
        var expiryDays = SharedOptions.ExpiryWarningDays();
        var format = SharedOptions.Format();
        var output = SharedOptions.Output();

        var command = new Command("verify", "Fail when the certificate HTTP.SYS presents does not cover every host name bound on its IP:Port.")
        {
            config, sslCert, certs, ccs, pfxPasswordEnv, expiryDays, format, output,
        };

        command.SetAction(parsed =>
        {
            var report = IisSslEngine.Verify(new VerifyOptions
            {
                IisConfigPath = parsed.GetValue(config),
                SslCertPath = parsed.GetValue(sslCert),
                CertificateFolders = parsed.GetValue(certs) ?? [],
                CentralCertificateStorePath = parsed.GetValue(ccs),
                PfxPasswordVariable = parsed.GetValue(pfxPasswordEnv)!,
                ExpiryWarningDays = parsed.GetValue(expiryDays),
            });
            ReportOutput.Write(report, SharedOptions.ParseFormat(parsed.GetValue(format)), parsed.GetValue(output), console);
            return report.Passed ? IisSslCli.Holds : IisSslCli.Failed;
        });
        return command;
    }
}
