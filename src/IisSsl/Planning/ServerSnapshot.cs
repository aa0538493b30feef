using System.Text;
using IisSsl.Model;
using IisSsl.Sources;

namespace IisSsl.Planning;

/// <summary>The server state plus the exact bytes it was read from, so apply can write back only over what it planned against.</summary>
internal sealed record ServerSnapshot(ServerState State, string ConfigPath, byte[] ConfigBytes, string? SnapshotPath, byte[]? SnapshotBytes, LiveServer? Live)
{
    public static bool IsJsonSnapshot(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="InvalidInputException">A file is missing or unreadable, or live HTTP.SYS is asked for off Windows.</exception>
    public static ServerSnapshot Read(EnsureOptions options, EnsureServices services, IEnumerable<ICertificateSource> extraSources)
    {
        var configPath = options.IisConfigPath
            ?? (OperatingSystem.IsWindows() ? ServerStateLoader.DefaultIisConfigPath : throw new InvalidInputException("plan/apply needs the IIS configuration off Windows: pass --config FILE"));
        var configBytes = InputFile.ReadAllBytes(configPath, "the IIS configuration file");
        var configuration = services.ReadConfig(configPath);
        if (!Execution.AtomicFile.SameBytes(configBytes, InputFile.ReadAllBytes(configPath, "the IIS configuration file")))
            throw new InvalidInputException("the file changed while it was being read; run again", configPath);

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
        return new ServerSnapshot(state, configPath, configBytes, options.SslCertPath, snapshotBytes, live);
    }


    private static string Text(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : Encoding.UTF8.GetString(bytes);
}
