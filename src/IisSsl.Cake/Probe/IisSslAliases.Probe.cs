using Cake.Core;
using Cake.Core.Annotations;

namespace IisSsl.Cake;

public static partial class IisSslAliases
{
    /// <summary>
    /// Handshakes with every host name on every target, with and without SNI, like a browser, and fails the task
    /// when what is really served does not cover the name, is expired or untrusted, or differs between farm nodes.
    /// </summary>
    /// <example>
    /// <code>
    /// Task("ProbeTlsEndpoints").Does(() => ProbeTlsEndpoints(s => {
    ///     s.Targets.Add("10.0.0.11:443"); s.Targets.Add("10.0.0.12:443");
    ///     s.Hosts.Add("sitev1.mysite.com"); s.Hosts.Add("sitev2.mysite.com");
    /// }));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("ProbeTlsEndpoints")]
    public static Reporting.VerificationReport ProbeTlsEndpoints(this ICakeContext context, Action<ProbeTlsEndpointsSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var settings = new ProbeTlsEndpointsSettings();
        configure(settings);
        return ProbeTlsEndpoints(context, settings);
    }

    /// <summary>Probes with explicit settings; see the overload taking a configurator.</summary>
    [CakeMethodAlias]
    [CakeAliasCategory("ProbeTlsEndpoints")]
    public static Reporting.VerificationReport ProbeTlsEndpoints(this ICakeContext context, ProbeTlsEndpointsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var host = new CakeHost(context);
        var report = host.Run(() => IisSslEngine.ProbeAsync(new ProbeOptions
        {
            Targets = [.. settings.Targets],
            Hosts = [.. settings.Hosts],
            IisConfigPath = host.Resolve(settings.IisConfig),
            ConnectAddress = settings.Connect,
            NoSniOnly = settings.NoSni,
            Timeout = settings.Timeout,
            MaxConcurrency = settings.Concurrency,
            CaBundlePath = host.Resolve(settings.CaBundle),
            ExpectStatus = settings.ExpectStatus,
            ExpectBodyContains = settings.ExpectBody,
            ExpiryWarningDays = settings.ExpiryWarningDays,
        }).GetAwaiter().GetResult());
        host.Publish(report, settings, "ProbeTlsEndpoints");
        return report;
    }
}
