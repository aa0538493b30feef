using System.Runtime.Versioning;
using IisSsl.Analysis;
using IisSsl.Execution;
using IisSsl.Execution.Config;
using IisSsl.Model;
using IisSsl.Reporting;
using IisSsl.Sources;
using IisSsl.Sources.HttpSys;
using IisSsl.Sources.IisConfig;

namespace IisSsl.Planning;

/// <summary>
/// The parts plan/apply reads and writes through. <see cref="Default"/> is the real server; tests replace single
/// parts (a failing netsh, a fault-injecting checkpoint) without touching the workflow.
/// </summary>
internal sealed record EnsureServices
{
    public required Func<string, IisConfiguration> ReadConfig { get; init; }

    /// <summary>Edits the file that holds the sites: an applicationHost.config, or the file its configSource names.</summary>
    public required Func<byte[], IReadOnlyList<ConfigEdit>, string, SitesDocument, byte[]> EditConfig { get; init; }

    public required Func<string, string, HttpSysState> ParseSnapshot { get; init; }

    public required Func<HttpSysState, string> SerializeSnapshot { get; init; }

    /// <summary>Saved <c>netsh http show sslcert</c> text (plan only: apply cannot write it back).</summary>
    public required Func<string, HttpSysState> ReadNetshText { get; init; }

    public required Func<EnsureOptions, IReadOnlyList<ICertificateSource>> CertificateSources { get; init; }

    public required Func<EnsureOptions, ICentralCertificateLookup?> CentralCertificateStore { get; init; }

    public required Func<ServerState, AnalysisOptions, VerificationReport> Analyze { get; init; }

    /// <summary>The live machine's HTTP.SYS (Windows); null where there is none.</summary>
    public Func<LiveServer>? Live { get; init; }

    /// <summary>Called before and after every apply step (fault injection in tests).</summary>
    public Action<string>? Checkpoint { get; init; }

    public static EnsureServices Default { get; } = new()
    {
        ReadConfig = path => new ApplicationHostConfigFile(path).Read(),
        EditConfig = ApplicationHostConfigEditor.Apply,
        ParseSnapshot = HttpSysSnapshotFormat.Parse,
        SerializeSnapshot = HttpSysSnapshotFormat.Serialize,
        ReadNetshText = path => new NetshSslCertText(path).Read(),
        CertificateSources = options => ServerStateLoader.CertificatesFor(options.CertificateFolders, options.PfxPasswordVariable),
        CentralCertificateStore = options => ServerStateLoader.CentralCertificateStoreFor(options.CentralCertificateStorePath, options.PfxPasswordVariable),
        Analyze = CoverageAnalyzer.Analyze,
        Live = OperatingSystem.IsWindows() ? LiveWindows : null,
    };

    /// <summary>
    /// The HTTP Server API (or netsh, when <see cref="LiveHttpSysAccess.Variable"/> says so) and the LocalMachine store.
    /// Not exercised by the tests against a real machine (needs Windows and elevation).
    /// </summary>
    [SupportedOSPlatform("windows")]
    private static LiveServer LiveWindows()
    {
        if (LiveHttpSysAccess.Chosen() == LiveHttpSysAccess.Via.HttpApi)
        {
            var api = Sources.HttpSys.HttpApi.NativeHttpApi.Instance;
            return new LiveServer(new Sources.HttpSys.HttpApi.HttpApiHttpSys(api), new HttpApiHttpSysExecutor(api), new WindowsCertificateImporter());
        }

        var runner = new ProcessCommandRunner();
        return new LiveServer(new Sources.HttpSys.LiveHttpSys(runner), new NetshHttpSysExecutor(runner), new WindowsCertificateImporter());
    }
}

/// <summary>Reading and changing the live machine's HTTP.SYS records and certificate store.</summary>
internal sealed record LiveServer(IHttpSysSource Source, IHttpSysExecutor Executor, ICertificateImporter Importer);

/// <summary>Answers for the manifest's own certificates (PFX files), so re-verification after apply finds them.</summary>
internal sealed class ResolvedCertificateSource(IReadOnlyDictionary<string, ResolvedCertificate> certificates) : ICertificateSource
{
    public CertificateInfo? Find(string thumbprint, string storeName) =>
        certificates.Values.FirstOrDefault(c => c.Info is not null && string.Equals(c.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase))?.Info;
}
