using IisSsl.Reporting;
using Nuke.Common;
using Nuke.Common.IO;
using Nuke.Common.Tooling;

namespace IisSsl.Nuke;

/// <summary>
/// Target <c>ProbeTlsEndpoints</c>: handshakes with the live endpoints, with and without SNI, and checks the
/// certificates really served. Targets and hosts come from <c>--targets</c>/<c>--hosts</c>, or, when those are
/// empty, from the https bindings of <c>--iis-config</c>. The report file: <c>--tls-probe-format</c>,
/// <c>--tls-probe-output</c>.
/// </summary>
public interface IProbeTlsEndpoints : IHazIisSslServer
{
    /// <summary>The prefix of this target's report parameters: each target of a build writes its own report.</summary>
    public const string TlsProbe = nameof(TlsProbe);

    [Parameter("Endpoints to connect to, IP:PORT or name:PORT (every farm node)")]
    string[] Targets => TryGetValue(() => Targets) ?? [];

    [Parameter("Host names to ask for (SNI) on every target")]
    string[] Hosts => TryGetValue(() => Hosts) ?? [];

    [Parameter("Address to dial for bindings on * when the targets come from --iis-config")]
    string? Connect => TryGetValue(() => Connect);

    [Parameter("Only handshake without SNI (what legacy and IP-only clients get)")]
    bool NoSni => TryGetValue<bool?>(() => NoSni) ?? false;

    [Parameter("PEM bundle of trusted roots (default: the system's)")]
    AbsolutePath? CaBundle => TryGetValue(() => CaBundle);

    [Parameter("Seconds allowed per connection (default 5)")]
    double Timeout => TryGetValue<double?>(() => Timeout) ?? 5;

    [Parameter("Handshakes in flight at once (default 16)")]
    int Concurrency => TryGetValue<int?>(() => Concurrency) ?? 16;

    [Parameter("Also GET / with the Host header and expect this HTTP status")]
    int? ExpectStatus => TryGetValue<int?>(() => ExpectStatus);

    [Parameter("Also GET / with the Host header and expect the body to contain this text")]
    string? ExpectBody => TryGetValue(() => ExpectBody);

    [Parameter("Format of the report file: Text, Json, Junit, Sarif or Markdown (default Text)", Name = TlsProbe + "Format")]
    ReportFormat Format => TryGetValue<ReportFormat?>(() => Format) ?? ReportFormat.Text;

    [Parameter("File to write the report to", Name = TlsProbe + "Output")]
    AbsolutePath? Output => TryGetValue(() => Output);

    sealed Configure<ProbeOptions> ProbeSettingsBase => _ => _ with
    {
        Targets = Targets,
        Hosts = Hosts,
        IisConfigPath = IisConfig,
        ConnectAddress = Connect,
        NoSniOnly = NoSni,
        CaBundlePath = CaBundle,
        Timeout = TimeSpan.FromSeconds(Timeout),
        MaxConcurrency = Concurrency,
        ExpectStatus = ExpectStatus,
        ExpectBodyContains = ExpectBody,
        ExpiryWarningDays = ExpiryWarningDays,
    };

    /// <summary>Override to adjust the options after the parameters are applied.</summary>
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
