using System.Security.Cryptography.X509Certificates;
using System.Text;
using IisSsl.Execution;
using IisSsl.Sources;
using IisSsl.Sources.HttpSys;

namespace IisSsl;

public static partial class IisSslEngine
{
    public const string ConfigCopyName = "applicationHost.config";

    /// <summary>
    /// SnapshotIisSslState: HTTP.SYS's records as the project's JSON snapshot (live on Windows, or converted from saved
    /// text), optionally with the configuration that holds the sites copied beside it (<see cref="ConfigCopy"/>) and the
    /// referenced public certificates exported,
    /// so a pipeline can capture a server on Windows and verify it on any OS. Everything is read before anything is
    /// written; each file is written through a temporary file.
    /// </summary>
    public static SnapshotResult Snapshot(SnapshotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IisConfigPath is not null && options.OutputPath is null)
            throw new InvalidInputException("--config needs --output: the copy of applicationHost.config is written beside the snapshot");
        RequireFolderOf(options.OutputPath, "--output");

        var state = ServerStateLoader.HttpSysFor(options.SslCertPath).Read();
        var config = options.IisConfigPath is null ? null : ConfigCopy.Read(options.IisConfigPath);
        var json = HttpSysSnapshotFormat.Serialize(state);

        var certificates = options.CertificatesOutDirectory is null
            ? []
            : ServerStateLoader.ReferencedCertificates(state, ServerStateLoader.CertificatesFor(options.CertificateFolders, options.PfxPasswordVariable));
        var wanted = state.Bindings.Select(b => b.Thumbprint).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var missing = options.CertificatesOutDirectory is null ? [] : wanted.Where(t => !certificates.ContainsKey(t)).ToList();

        // Every file to write, and the folders they need, known before the first is written.
        var writes = new List<(string Path, byte[] Bytes)>();
        if (options.OutputPath is not null)
            writes.Add((options.OutputPath, Encoding.UTF8.GetBytes(json)));
        string? configCopy = null;
        string? sitesCopy = null;
        if (config is not null)
        {
            var beside = Path.GetDirectoryName(Path.GetFullPath(options.OutputPath!))!;
            configCopy = Path.Combine(beside, ConfigCopyName);
            foreach (var (relativePath, bytes, source) in config.Files)
            {
                var copy = Path.GetFullPath(Path.Combine(beside, relativePath));
                if (!string.Equals(Path.GetFullPath(source), copy, StringComparison.Ordinal))
                    writes.Add((copy, bytes));
            }

            sitesCopy = config.Files.Count > 1 ? Path.GetFullPath(Path.Combine(beside, config.Files[1].RelativePath)) : null;
        }

        var exported = new List<string>();
        if (options.CertificatesOutDirectory is { } folder)
        {
            foreach (var thumbprint in wanted.Where(certificates.ContainsKey))
            {
                var file = Path.Combine(folder, thumbprint + ".cer");
                writes.Add((file, certificates[thumbprint].Certificate.Export(X509ContentType.Cert)));
                exported.Add(file);
            }

            CreateFolder(folder);
        }

        foreach (var (path, _) in writes)
            CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        foreach (var (path, bytes) in writes)
            Write(path, bytes);

        return new SnapshotResult(state, json, options.OutputPath, configCopy, exported, missing, sitesCopy);
    }

    /// <summary>Creates a folder the snapshot writes into; a folder that cannot be made is bad input (exit 2), saying why.</summary>
    private static void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"the folder cannot be created: {e.Message}", folder, inner: e);
        }
    }

    private static void RequireFolderOf(string? path, string option)
    {
        if (path is null)
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new InvalidInputException($"{option} {path}: the folder {folder} does not exist");
    }

    private static void Write(string path, byte[] content)
    {
        try
        {
            AtomicFile.Replace(path, content, AtomicFile.ReadOrNull(path));
        }
        catch (ExecutionFailedException e)
        {
            throw new InvalidInputException(e.Message, inner: e);
        }
    }
}
