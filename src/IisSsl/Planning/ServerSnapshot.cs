using System.Text;
using IisSsl.Model;
using IisSsl.Sources;
using IisSsl.Sources.IisConfig;

namespace IisSsl.Planning;

/// <summary>
/// The server state plus the exact bytes it was read from, so apply can write back only over what it planned against.
/// <see cref="ConfigPath"/> is the file that holds the sites (<see cref="ConfigDocument"/> says which kind): the
/// applicationHost.config given, the file its configSource names, or a shared configuration's applicationHost.config.
/// </summary>
internal sealed record ServerSnapshot(ServerState State, string ConfigPath, byte[] ConfigBytes, string? SnapshotPath, byte[]? SnapshotBytes, LiveServer? Live)
{
    public SitesDocument ConfigDocument { get; init; } = SitesDocument.ApplicationHost;

    /// <summary>
    /// Files among the certificate folders that were not read (a FIFO, a device, over the size cap), each with why. Kept
    /// beside <see cref="State"/> rather than in it: plan and apply report them as one bounded warning
    /// (<see cref="SkippedFilesWarning"/>), not as one finding per file in every verification they print.
    /// </summary>
    public IReadOnlyList<string> SkippedFiles { get; init; } = [];

    public static bool IsJsonSnapshot(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="InvalidInputException">A file is missing or unreadable, or live HTTP.SYS is asked for off Windows.</exception>
    public static ServerSnapshot Read(EnsureOptions options, EnsureServices services, IEnumerable<ICertificateSource> extraSources)
    {
        var configPath = options.IisConfigPath
            ?? (OperatingSystem.IsWindows() ? ServerStateLoader.DefaultIisConfigPath : throw new InvalidInputException("plan/apply needs the IIS configuration off Windows: pass --iis-config FILE"));
        var sitesFile = SitesFile.Locate(configPath);
        var configBytes = InputFile.ReadAllBytes(sitesFile.Path, "the IIS configuration file");
        var configuration = services.ReadConfig(configPath);
        foreach (var (path, bytes) in sitesFile.Referrers.Append((sitesFile.Path, configBytes)))
        {
            if (!Execution.AtomicFile.SameBytes(bytes, InputFile.ReadAllBytes(path, "the IIS configuration file")))
                throw new InvalidInputException("the file changed while it was being read; run again", path);
        }

        HttpSysState httpSys;
        byte[]? snapshotBytes = null;
        LiveServer? live = null;
        if (options.SslCertPath is null)
        {
            live = services.Live?.Invoke()
                ?? throw new InvalidInputException("changing live HTTP.SYS needs Windows: pass --sslcert FILE.json to plan against a snapshot");
            httpSys = live.Source.Read();
        }
        else if (IsJsonSnapshot(options.SslCertPath))
        {
            snapshotBytes = Execution.AtomicFile.ReadOrNull(options.SslCertPath);
            httpSys = snapshotBytes is null
                ? HttpSysState.Empty(options.SslCertPath)
                : services.ParseSnapshot(Text(snapshotBytes), options.SslCertPath);
        }
        else
        {
            httpSys = services.ReadNetshText(options.SslCertPath);
        }

        var sources = services.CertificateSources(options).Concat(extraSources).ToList();
        var certificates = ServerStateLoader.ReferencedCertificates(httpSys, sources);

        var state = new ServerState(configuration, httpSys, certificates, services.CentralCertificateStore(options));
        return new ServerSnapshot(state, sitesFile.Path, configBytes, options.SslCertPath, snapshotBytes, live)
        {
            ConfigDocument = sitesFile.Document,
            SkippedFiles = ServerStateLoader.SkippedFiles(sources),
        };
    }


    private static string Text(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : Encoding.UTF8.GetString(bytes);
}
