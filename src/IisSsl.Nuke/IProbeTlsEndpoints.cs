using IisSsl.Reporting;
using Nuke.Common;
using Nuke.Common.IO;
using Nuke.Common.Tooling;

namespace IisSsl.Nuke;

/// <summary>
/// Target <c>ProbeTlsEndpoints</c>: handshakes with the live endpoints, with and without SNI, and checks the
/// certificates really served. Targets and hosts come from <c>--tls-probe-targets</c>/<c>--tls-probe-hosts</c>,
/// or, when those are empty, from the https bindings of <c>--iis-config</c>.
/// </summary>
[ParameterPrefix(TlsProbe)]
public interface IProbeTlsEndpoints : IHazIisSslServer
{
    public const string TlsProbe = nameof(TlsProbe);

    [Parameter("Endpoints to connect to, IP:PORT or name:PORT (every farm node)")]
    string[] Targets => TryGetValue(() => Targets) ?? [];

    [Parameter("Host names to ask for (SNI) on every target")]
    string[] Hosts => TryGetValue(() => Hosts) ?? [];

    [Parameter("Address to dial for bindings on * when the targets come from --iis-config")]
    string? ConnectAddress => TryGetValue(() => ConnectAddress);

    [Parameter("Only handshake without SNI (what legacy and IP-only clients get)")]
    bool NoSni => TryGetValue<bool?>(() => NoSni) ?? false;

    [Parameter("PEM bundle of trusted roots (default: the system's)")]
    AbsolutePath? CaBundle => TryGetValue(() => CaBundle);

    [Parameter("Format of the report file: Text, Json, Junit, Sarif or Markdown (default Text)")]
    ReportFormat Format => TryGetValue<ReportFormat?>(() => Format) ?? ReportFormat.Text;

    [Parameter("File to write the report to")]
    AbsolutePath? Output => TryGetValue(() => Output);

    sealed Configure<ProbeOptions> ProbeSettingsBase => _ => _ with
    {
        Targets = Targets,
        Hosts = Hosts,
        IisConfigPath = IisConfig,
        ConnectAddress = ConnectAddress,
        NoSniOnly = NoSni,
        CaBundlePath = CaBundle,
        ExpiryWarningDays = ExpiryWarningDays,
    };

    /// <summary>Override to adjust the options after the parameters are applied (e.g. Timeout, ExpectStatus).</summary>
    Configure<ProbeOptions> ProbeSettings => _ => _;

    Target ProbeTlsEndpoints => _ => _
        .Description("Probes the live https endpoints and checks the certificate served for every host name")
        .TryAfter<IEnsureSslHostHeaders>(x => x.EnsureSslHostHeaders)
        .TryAfter<IReplaceSslCertificate>(x => x.ReplaceSslCertificate)
        .TryAfter<IVerifyCertCoverage>(x => x.VerifyCertCoverage)
        .Executes(async () =>
        {
            var options = ProbeSettings(ProbeSettingsBase(new ProbeOptions()));
            var report = await EngineCall.RunAsync(this, () => IisSslEngine.ProbeAsync(options));
            TargetOutcome.Publish(this, report, Format, Output);
        });
}
