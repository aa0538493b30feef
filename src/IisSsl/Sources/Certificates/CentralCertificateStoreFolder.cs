using System.Globalization;
using IisSsl.Model;

namespace IisSsl.Sources.Certificates;

/// <summary>
/// A Central Certificate Store folder as IIS reads it: <c>host.pfx</c> named by the Unicode host name, else the
/// wildcard file <c>_.parent.pfx</c>; file names compare case-insensitively. Every file is opened with the one
/// private-key password (from an environment variable) and at most once.
/// </summary>
public sealed class CentralCertificateStoreFolder : ICentralCertificateLookup
{
    private static readonly IdnMapping Idn = new();

    private readonly string _folder;
    private readonly string _pfxPasswordVariable;
    private readonly Dictionary<string, CertificateInfo> _loaded = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, string>? _files;

    /// <exception cref="InvalidInputException">The folder does not exist.</exception>
    public CentralCertificateStoreFolder(string folder, string pfxPasswordVariable)
    {
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _pfxPasswordVariable = pfxPasswordVariable ?? throw new ArgumentNullException(nameof(pfxPasswordVariable));
        if (!Directory.Exists(folder))
            throw new InvalidInputException("Central Certificate Store folder not found", folder);
    }

    public CertificateInfo? Find(HostName host)
    {
        ArgumentNullException.ThrowIfNull(host);
        // Filtered here rather than by a "*.pfx" pattern, which is case-sensitive off Windows.
        _files ??= Directory.EnumerateFiles(_folder)
            .Where(f => f.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key!, g => g.Order(StringComparer.Ordinal).First(), StringComparer.OrdinalIgnoreCase);
        foreach (var name in FileNames(host))
        {
            if (_files.TryGetValue(name, out var path))
                return Load(path);
        }

        return null;
    }

    /// <summary><c>www.a.com.pfx</c> then <c>_.a.com.pfx</c>; a wildcard host <c>*.a.com</c> has only the latter.</summary>
    public static IEnumerable<string> FileNames(HostName host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.IsWildcard)
        {
            yield return $"_.{Idn.GetUnicode(host.WildcardParent)}.pfx";
            yield break;
        }

        yield return $"{Idn.GetUnicode(host.Value)}.pfx";
        var dot = host.Value.IndexOf('.', StringComparison.Ordinal);
        var parent = dot < 0 ? string.Empty : host.Value[(dot + 1)..];
        if (parent.Contains('.', StringComparison.Ordinal))
            yield return $"_.{Idn.GetUnicode(parent)}.pfx";
    }

    private CertificateInfo Load(string path)
    {
        if (_loaded.TryGetValue(path, out var known))
            return known;
        var certificate = PfxFile.Leaf(PfxFile.Load(path, _pfxPasswordVariable))
            ?? throw new InvalidInputException("holds no certificate", path);
        return _loaded[path] = CertificateInfo.From(certificate, path, certificate.HasPrivateKey);
    }
}
