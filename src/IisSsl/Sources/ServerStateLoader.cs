using IisSsl.Model;
using IisSsl.Sources.Certificates;
using IisSsl.Sources.HttpSys;

namespace IisSsl.Sources;

/// <summary>
/// Chooses the sources for <see cref="VerifyOptions"/> and reads the server state: the IIS configuration, the
/// HTTP.SYS records, and only the certificates those records reference. A thumbprint no source has is simply
/// absent from <see cref="ServerState.CertificatesByThumbprint"/> (the analysis reports CertificateNotFound).
/// </summary>
public static class ServerStateLoader
{
    public static ServerState Load(VerifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Load(
            IisConfigurationFor(options.IisConfigPath),
            HttpSysFor(options.SslCertPath),
            CertificatesFor(options.CertificateFolders, options.PfxPasswordVariable),
            CentralCertificateStoreFor(options.CentralCertificateStorePath, options.PfxPasswordVariable));
    }

    /// <summary>
    /// Reads the given sources; certificates are looked up in list order, the first that has one wins. The IIS
    /// configuration is read on another thread while the HTTP.SYS records and their certificates are read here: the
    /// two sides share nothing. If both fail, the configuration's error is the one thrown, as when it was read first.
    /// </summary>
    public static ServerState Load(
        IIisConfigurationSource configuration,
        IHttpSysSource httpSys,
        IReadOnlyList<ICertificateSource> certificates,
        ICentralCertificateLookup? centralCertificateStore = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(httpSys);
        ArgumentNullException.ThrowIfNull(certificates);
        var iis = Task.Run(configuration.Read);
        HttpSysState records;
        Dictionary<string, CertificateInfo> referenced;
        try
        {
            records = httpSys.Read();
            referenced = ReferencedCertificates(records, certificates);
        }
        catch
        {
            iis.GetAwaiter().GetResult();
            throw;
        }

        return new ServerState(iis.GetAwaiter().GetResult(), records, referenced, centralCertificateStore, SkippedFiles(certificates));
    }

    /// <summary>The files the certificate folders among <paramref name="certificates"/> did not read, each with why.</summary>
    internal static IReadOnlyList<string> SkippedFiles(IEnumerable<ICertificateSource> certificates) =>
        [.. certificates.OfType<CertificateFolder>().SelectMany(f => f.Skipped)];

    /// <summary>IIS's own applicationHost.config on this Windows machine.</summary>
    public static string DefaultIisConfigPath => Path.Combine(
        Environment.GetEnvironmentVariable("windir") ?? Environment.GetFolderPath(Environment.SpecialFolder.Windows),
        "System32", "inetsrv", "config", "applicationHost.config");

    /// <summary>The file given, else IIS's own on Windows; elsewhere there is no default.</summary>
    public static IIisConfigurationSource IisConfigurationFor(string? path) => IisConfigurationFor(path, OperatingSystem.IsWindows());

    /// <summary>
    /// <c>.json</c>: the project's snapshot; any other file: saved netsh output; null: the live machine (on Windows
    /// through the HTTP Server API, or netsh when <see cref="LiveHttpSysAccess.Variable"/> says so).
    /// </summary>
    public static IHttpSysSource HttpSysFor(string? sslCertPath) =>
        sslCertPath is null ? LiveHttpSysAccess.Source()
        : sslCertPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? new HttpSysJsonSnapshot(sslCertPath)
        : new NetshSslCertText(sslCertPath);

    /// <summary>The folders if any are given, else the LocalMachine store on Windows, else none.</summary>
    public static IReadOnlyList<ICertificateSource> CertificatesFor(IReadOnlyList<string> folders, string pfxPasswordVariable)
    {
        ArgumentNullException.ThrowIfNull(folders);
        if (folders.Count > 0)
            return [new CertificateFolder(folders, pfxPasswordVariable)];
        return OperatingSystem.IsWindows() ? [new WindowsCertificateStore()] : [];
    }

    public static ICentralCertificateLookup? CentralCertificateStoreFor(string? folder, string pfxPasswordVariable) =>
        folder is null ? null : new CentralCertificateStoreFolder(folder, pfxPasswordVariable);

    internal static IIisConfigurationSource IisConfigurationFor(string? path, bool isWindows)
    {
        if (path is not null)
            return new ApplicationHostConfigFile(path);
        if (!isWindows)
            throw new InvalidInputException("reading the live IIS configuration needs Windows; pass --iis-config FILE");
        return new ApplicationHostConfigFile(DefaultIisConfigPath);
    }

    /// <summary>
    /// Each certificate the records reference, asked of the sources in order (the first that has it wins), each
    /// (thumbprint, store) once; a thumbprint none has is left out.
    /// </summary>
    internal static Dictionary<string, CertificateInfo> ReferencedCertificates(HttpSysState records, IReadOnlyList<ICertificateSource> sources)
    {
        var wanted = records.Bindings
            .Where(r => r.Thumbprint is { Length: > 0 })
            .Select(r => (Thumbprint: r.Thumbprint!, StoreName: string.IsNullOrEmpty(r.StoreName) ? "MY" : r.StoreName))
            .DistinctBy(w => (w.Thumbprint.ToUpperInvariant(), w.StoreName.ToUpperInvariant()))
            .ToList();
        var found = new Dictionary<string, CertificateInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sources)
        {
            var missing = wanted.Where(w => !found.ContainsKey(w.Thumbprint)).ToList();
            if (missing.Count == 0)
                break;
            var results = source is IBatchCertificateSource batch
                ? batch.FindAll(missing)
                : [.. missing.Select(w => source.Find(w.Thumbprint, w.StoreName))];
            for (var i = 0; i < missing.Count; i++)
            {
                if (results[i] is { } certificate)
                    found.TryAdd(missing[i].Thumbprint, certificate);
            }
        }

        return found;
    }
}
