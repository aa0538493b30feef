using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using IisSsl.Model;
using IisSsl.Sources.HttpSys;

namespace IisSsl.Sources.Certificates;

/// <summary>
/// Certificates in folders of .cer/.crt/.der/.pem and .pfx/.p12 files, found by the SHA-1 thumbprint the tool
/// computes (file names do not matter). Lazy: the first lookup hashes the DER/PEM files (the SHA-1 of a
/// certificate's DER is its thumbprint) without parsing them; a certificate is built only when asked for.
/// PFX files need their password to be read at all, so they are opened only when no DER/PEM file has the
/// thumbprint, and then all at once. Folders are read at their top level only. Safe to call from several threads;
/// <see cref="FindAll(IReadOnlyList{string})"/> builds many certificates in parallel.
/// </summary>
public sealed class CertificateFolder : IBatchCertificateSource
{
    private static readonly string[] PlainExtensions = [".cer", ".crt", ".der", ".pem"];
    private static readonly string[] PfxExtensions = [".pfx", ".p12"];

    private readonly IReadOnlyList<string> _folders;
    private readonly string _pfxPasswordVariable;
    private readonly Dictionary<string, CertificateInfo> _found = new(StringComparer.Ordinal);
    private Dictionary<string, IndexedCertificate>? _plain;
    private List<string>? _pfxFiles;
    private Dictionary<string, CertificateInfo>? _pfx;
    private readonly List<InvalidInputException> _unreadablePfx = [];
    private readonly List<string> _skipped = [];
    private readonly Lock _gate = new();

    /// <exception cref="InvalidInputException">A folder does not exist.</exception>
    public CertificateFolder(IEnumerable<string> folders, string pfxPasswordVariable)
    {
        ArgumentNullException.ThrowIfNull(folders);
        _folders = [.. folders];
        _pfxPasswordVariable = pfxPasswordVariable ?? throw new ArgumentNullException(nameof(pfxPasswordVariable));
        foreach (var folder in _folders.Where(f => !Directory.Exists(f) && !File.Exists(f)))
            throw new InvalidInputException("certificate folder not found", folder);
    }

    /// <summary>Files not read because they are not certificate files (a FIFO, a device, over the size cap), each with why.</summary>
    public IReadOnlyList<string> Skipped
    {
        get
        {
            lock (_gate)
                return [.. _skipped];
        }
    }

    public CertificateInfo? Find(string thumbprint, string storeName)
    {
        var key = NetshKeys.NormaliseThumbprint(thumbprint ?? string.Empty);
        if (key is null)
            return null;
        lock (_gate)
        {
            if (_found.TryGetValue(key, out var known))
                return known;
            _plain ??= IndexPlainFiles();
            return Resolve(key, _plain.TryGetValue(key, out var indexed) ? indexed.Load : null);
        }
    }

    /// <inheritdoc />
    /// <remarks>A folder ignores store names: a file is a file.</remarks>
    public IReadOnlyList<CertificateInfo?> FindAll(IReadOnlyList<(string Thumbprint, string StoreName)> wanted) =>
        FindAll([.. wanted.Select(w => w.Thumbprint)]);

    /// <summary>
    /// What <see cref="Find"/> gives for each of <paramref name="thumbprints"/>, in the same order, with the
    /// certificates built in parallel (one per core). Throws what the first failing <see cref="Find"/> in that order
    /// would throw, so the user hears about the same file whatever the scheduling.
    /// </summary>
    public IReadOnlyList<CertificateInfo?> FindAll(IReadOnlyList<string> thumbprints)
    {
        ArgumentNullException.ThrowIfNull(thumbprints);
        var keys = thumbprints.Select(t => NetshKeys.NormaliseThumbprint(t ?? string.Empty)).ToArray();
        var results = new CertificateInfo?[keys.Length];
        if (keys.All(k => k is null))
            return results;
        lock (_gate)
        {
            _plain ??= IndexPlainFiles();
            var loaded = LoadInParallel(keys, _plain);
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] is { } key)
                    results[i] = _found.TryGetValue(key, out var known) ? known : Resolve(key, loaded.TryGetValue(key, out var built) ? built.Certificate : null);
            }
        }

        return results;
    }

    /// <summary>Builds, in parallel, the certificates not built yet of the DER/PEM files that hold these thumbprints.</summary>
    private Dictionary<string, Loaded> LoadInParallel(IEnumerable<string?> keys, Dictionary<string, IndexedCertificate> plain)
    {
        var wanted = new List<(string Key, IndexedCertificate File)>();
        foreach (var key in keys.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (!_found.ContainsKey(key) && plain.TryGetValue(key, out var file))
                wanted.Add((key, file));
        }

        var loaded = new Loaded[wanted.Count];
        Parallel.For(0, wanted.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => loaded[i] = Loaded.From(wanted[i].File.Load));
        var byKey = new Dictionary<string, Loaded>(wanted.Count, StringComparer.Ordinal);
        for (var i = 0; i < wanted.Count; i++)
            byKey[wanted[i].Key] = loaded[i];
        return byKey;
    }

    /// <summary>The certificate for <paramref name="key"/>: from its DER/PEM file when there is one, else from the PFX files.</summary>
    private CertificateInfo? Resolve(string key, Func<CertificateInfo>? fromPlainFile)
    {
        if (fromPlainFile is not null)
            return _found[key] = fromPlainFile();

        _pfx ??= LoadPfxFiles();
        if (_pfx.TryGetValue(key, out var fromPfx))
            return _found[key] = fromPfx;

        // A PFX that could not be opened matters only when the certificate asked for is nowhere else:
        // it may be in that file, so the user must hear why it could not be read.
        if (_unreadablePfx.Count > 0)
            throw _unreadablePfx[0];
        return null;
    }

    /// <summary>
    /// Reads and hashes the files in parallel (a shared-hosting folder holds a thousand certificates), then indexes
    /// them in file order, so the first file with a thumbprint wins and the first unreadable file is the one named.
    /// </summary>
    private Dictionary<string, IndexedCertificate> IndexPlainFiles()
    {
        var files = Files().Select(f => (Path: f, Extension: Path.GetExtension(f).ToLowerInvariant()))
            .Where(f => PfxExtensions.Contains(f.Extension) || PlainExtensions.Contains(f.Extension)).ToList();
        var read = new ReadFile[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => read[i] = ReadFile.From(files[i].Path, PfxExtensions.Contains(files[i].Extension)));

        var index = new Dictionary<string, IndexedCertificate>(StringComparer.Ordinal);
        _pfxFiles = [];
        foreach (var file in read)
        {
            file.Failure?.Throw();
            if (file.Skipped is not null)
                _skipped.Add($"{file.Path}: {file.Skipped}");
            else if (file.IsPfx)
                _pfxFiles.Add(file.Path);
            foreach (var certificate in file.Certificates)
                index.TryAdd(certificate.Thumbprint, certificate);
        }

        return index;
    }

    /// <summary>One file of the folder as read: its certificates (DER/PEM), or that it is a PFX to open later, or why it was skipped.</summary>
    private sealed record ReadFile(string Path, bool IsPfx, string? Skipped, IReadOnlyList<IndexedCertificate> Certificates, ExceptionDispatchInfo? Failure)
    {
        public static ReadFile From(string path, bool pfx)
        {
            try
            {
                if (pfx)
                    return new ReadFile(path, true, CertificateFileReader.Refusal(path), [], null);
                var bytes = CertificateFileReader.TryRead(path, out var skipped);
                return new ReadFile(path, false, skipped, bytes is null ? [] : CertificatesIn(path, bytes), null);
            }
            catch (Exception e)
            {
                return new ReadFile(path, pfx, null, [], ExceptionDispatchInfo.Capture(e));
            }
        }

        private static IReadOnlyList<IndexedCertificate> CertificatesIn(string path, byte[] bytes)
        {
            if (!PemBundle.LooksLikePem(bytes))
                return [new IndexedCertificate(path, bytes, Thumbprint(bytes), null)];

            var pem = PemBundle.Parse(Encoding.UTF8.GetString(bytes));
            // An encrypted key cannot be matched without its password; with a single certificate it can only be that one's.
            var keyState = pem.KeyPem is not null ? KeyState.Unencrypted(pem.KeyPem)
                : pem.HasEncryptedKey && pem.Certificates.Count == 1 ? KeyState.Present : null;
            return [.. pem.Certificates.Select(der => new IndexedCertificate(path, der, Thumbprint(der), keyState))];
        }
    }

    private Dictionary<string, CertificateInfo> LoadPfxFiles()
    {
        var index = new Dictionary<string, CertificateInfo>(StringComparer.Ordinal);
        foreach (var file in _pfxFiles ?? [])
        {
            X509Certificate2Collection certificates;
            try
            {
                certificates = PfxFile.Load(file, _pfxPasswordVariable);
            }
            catch (InvalidInputException unreadable)
            {
                _unreadablePfx.Add(unreadable);
                continue;
            }

            foreach (var certificate in certificates)
                index.TryAdd(certificate.Thumbprint.ToUpperInvariant(), CertificateInfo.From(certificate, file, certificate.HasPrivateKey));
        }

        return index;
    }

    private IEnumerable<string> Files() =>
        _folders.SelectMany<string, string>(f => File.Exists(f) ? [f] : Directory.EnumerateFiles(f).Order(StringComparer.Ordinal).ToList());


    private static string Thumbprint(byte[] der) => Convert.ToHexString(SHA1.HashData(der));

    /// <summary>A certificate built from a file, or why it could not be, kept to be thrown in the caller's order.</summary>
    private sealed class Loaded
    {
        private readonly CertificateInfo? _certificate;
        private readonly ExceptionDispatchInfo? _failure;

        private Loaded(CertificateInfo? certificate, ExceptionDispatchInfo? failure) => (_certificate, _failure) = (certificate, failure);

        public static Loaded From(Func<CertificateInfo> load)
        {
            try
            {
                return new Loaded(load(), null);
            }
            catch (Exception e)
            {
                return new Loaded(null, ExceptionDispatchInfo.Capture(e));
            }
        }

        public CertificateInfo Certificate()
        {
            _failure?.Throw();
            return _certificate!;
        }
    }

    private sealed record KeyState(string? KeyPem)
    {
        public static readonly KeyState Present = new((string?)null);

        public static KeyState Unencrypted(string keyPem) => new(keyPem);
    }

    private sealed record IndexedCertificate(string File, byte[] Der, string Thumbprint, KeyState? Key)
    {
        /// <summary>
        /// The facts, read from the DER when it is plain (the certificate itself is then loaded only if asked for),
        /// else from the loaded certificate. A PEM key is matched by loading both, so it takes the loading path.
        /// </summary>
        public CertificateInfo Load()
        {
            if (Key?.KeyPem is null && DerCertificateReader.TryRead(Der, Thumbprint, File, Key is null ? null : true, LoadCertificate) is { } facts)
                return facts;

            var certificate = LoadCertificate();
            return CertificateInfo.From(certificate, File, HasPrivateKey(certificate));
        }

        private X509Certificate2 LoadCertificate()
        {
            try
            {
                return X509CertificateLoader.LoadCertificate(Der);
            }
            catch (CryptographicException e)
            {
                throw new InvalidInputException("is not a readable X.509 certificate", File, inner: e);
            }
        }

        /// <summary>True when the PEM's key belongs to this certificate; null (unknown) when there is no key or it is another's.</summary>
        private bool? HasPrivateKey(X509Certificate2 certificate)
        {
            if (Key is null)
                return null;
            if (Key.KeyPem is null)
                return true;
            try
            {
                using var withKey = X509Certificate2.CreateFromPem(certificate.ExportCertificatePem(), Key.KeyPem);
                return true;
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                return null;
            }
        }
    }
}
