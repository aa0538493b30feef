using IisSsl.Analysis;
using IisSsl.Execution;
using IisSsl.Model;
using IisSsl.Reporting;
using IisSsl.Sources;

namespace IisSsl.Planning;

/// <summary>
/// The parts plan/apply reads and writes through. <see cref="Default"/> is the real server; tests replace single
/// parts (a failing netsh, a fault-injecting checkpoint) without touching the workflow.
/// </summary>
internal sealed record EnsureServices
{
    public required Func<string, IisConfiguration> ReadConfig { get; init; }

    public required Func<byte[], IReadOnlyList<ConfigEdit>, string, byte[]> EditConfig { get; init; }

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
        EditConfig = (_, _, _) => throw new NotImplementedException("ApplicationHostConfigEditor arrives with the config branch."),
        ParseSnapshot = (_, _) => throw new NotImplementedException("HttpSysSnapshotFormat arrives with the httpsys branch."),
        SerializeSnapshot = _ => throw new NotImplementedException("HttpSysSnapshotFormat arrives with the httpsys branch."),
        ReadNetshText = _ => throw new NotImplementedException("NetshSslCertText arrives with the httpsys branch."),
        CertificateSources = _ => [],
        CentralCertificateStore = _ => null,
        Analyze = CoverageAnalyzer.Analyze,
    };
}

/// <summary>Reading and changing the live machine's HTTP.SYS records and certificate store.</summary>
internal sealed record LiveServer(IHttpSysSource Source, IHttpSysExecutor Executor, ICertificateImporter Importer);

/// <summary>Answers for the manifest's own certificates (PFX files), so re-verification after apply finds them.</summary>
internal sealed class ResolvedCertificateSource(IReadOnlyDictionary<string, ResolvedCertificate> certificates) : ICertificateSource
{
    public CertificateInfo? Find(string thumbprint, string storeName) =>
        certificates.Values.FirstOrDefault(c => c.Info is not null && string.Equals(c.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase))?.Info;
}
