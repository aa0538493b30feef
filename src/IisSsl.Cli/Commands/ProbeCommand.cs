using System.CommandLine;
using IisSsl.Reporting;

namespace IisSsl.Cli.Commands;

/// <summary><c>iis-ssl probe</c>: ProbeTlsEndpoints. Handshakes with every host name like a browser, with and without SNI.</summary>
internal static class ProbeCommand
{
    public static Command Create(CliConsole console)
    {
        var targets = new Option<string[]>("--targets", "--target") { Description = "IP:PORT (or name:PORT) to connect to; repeat for every node of a web farm.", HelpName = "IP:PORT" };
        var hosts = new Option<string[]>("--hosts", "--host") { Description = "Host name to ask for with SNI (repeatable).", HelpName = "NAME" };
        var config = SharedOptions.Config("Take targets and host names from this applicationHost.config's https bindings.");
        var connect = new Option<string?>("--connect") { Description = "Address to dial for bindings on * (All Unassigned) when targets come from --iis-config.", HelpName = "ADDRESS" };
        var noSni = new Option<bool>("--no-sni") { Description = "Only handshake without SNI (what legacy and IP-only clients get)." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds allowed per connection.", HelpName = "SECONDS", DefaultValueFactory = _ => 5 };
        var concurrency = new Option<int>("--concurrency") { Description = "Handshakes in flight at once.", HelpName = "N", DefaultValueFactory = _ => 16 };
        var caBundle = new Option<string?>("--ca-bundle") { Description = "PEM file of trusted root certificates (default: the system's).", HelpName = "FILE" };
        var expectStatus = new Option<int?>("--expect-status") { Description = "Also GET / with the Host header and expect this HTTP status.", HelpName = "CODE" };
        var expectBody = new Option<string?>("--expect-body") { Description = "Also GET / with the Host header and expect the body to contain this text.", HelpName = "TEXT" };
        var expiryDays = SharedOptions.ExpiryWarningDays();
        var format = SharedOptions.Format();
        var output = SharedOptions.Output();

        var command = new Command("probe", "Handshake with every host name on every target, with and without SNI, and check what is really served.")
        {
            targets, hosts, config, connect, noSni, timeout, concurrency, caBundle, expectStatus, expectBody, expiryDays, format, output,
        };

        command.Validators.Add(result =>
        {
            // Given at all (a missing value is the parser's own error); GetValue would throw on an unconvertible one.
            var hasTargets = result.GetResult(targets) is not null;
            var hasConfig = result.GetResult(config) is not null;
            if (IisSslCli.HasMissingOptionValue(result))
                return; // the option whose value is missing is named by its own error; "needs --target" would only confuse
            if (!hasTargets && !hasConfig)
                result.AddError("probe needs --targets IP:PORT (with --hosts NAME) or --iis-config FILE.");
        });

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var reportFormat = SharedOptions.ParseFormat(parsed.GetValue(format));
            if (parsed.GetValue(timeout) <= 0)
                throw new InvalidInputException("--timeout must be a positive number of seconds.");
            if (parsed.GetValue(concurrency) < 1)
                throw new InvalidInputException("--concurrency must be at least 1.");
            var options = new ProbeOptions
            {
                Targets = parsed.GetValue(targets) ?? [],
                Hosts = parsed.GetValue(hosts) ?? [],
                IisConfigPath = parsed.GetValue(config),
                ConnectAddress = parsed.GetValue(connect),
                NoSniOnly = parsed.GetValue(noSni),
                Timeout = TimeSpan.FromSeconds(parsed.GetValue(timeout)),
                MaxConcurrency = parsed.GetValue(concurrency),
                CaBundlePath = parsed.GetValue(caBundle),
                ExpectStatus = parsed.GetValue(expectStatus),
                ExpectBodyContains = parsed.GetValue(expectBody),
                ExpiryWarningDays = parsed.GetValue(expiryDays),
            };
            var progress = reportFormat == ReportFormat.Json && parsed.GetValue(output) is null ? null : new ProgressLine(console.Error);
            var report = await IisSslEngine.ProbeAsync(options, progress, cancellationToken);
            progress?.Finish();
            ReportOutput.Write(report, reportFormat, parsed.GetValue(output), console);
            return report.Passed ? IisSslCli.Holds : IisSslCli.Failed;
        });
        return command;
    }
}
