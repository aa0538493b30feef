using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Planning;

/// <summary>
/// When a plan must not be applied, judged on the verify analysis of the server before and as predicted after:
/// an error about anything the manifest declares, any error the plan would create, and any host the manifest does
/// not declare that would be served a different certificate (the silent ipport swap under a neighbouring site).
/// Errors that exist already and concern only things the manifest does not touch do not block a release; nor does an
/// unmanaged binding the configuration has but nobody can read (<see cref="Warnings"/>). Advice is given in manifest
/// words. The exact-certificate post-condition is <see cref="ServedCertificateCheck"/>.
/// </summary>
public static class RefusalRules
{
    /// <summary>How many covering certificates a refusal names at most (output never grows with the server).</summary>
    private const int CandidatesNamed = 3;

    /// <summary>Why the plan must not be applied; <paramref name="certificatesRead"/> are suggested (a few) when a host is not covered.</summary>
    public static IReadOnlyList<string> Find(EnsureManifest manifest, VerificationReport before, VerificationReport predicted, IEnumerable<CertificateInfo>? certificatesRead = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(predicted);
        var reasons = new List<string>();
        var scope = new ManifestScope(manifest);
        var existing = before.Findings.Where(f => f.Severity == Severity.Error).Select(Key).ToHashSet();
        var candidates = certificatesRead?.DistinctBy(c => c.Thumbprint, StringComparer.OrdinalIgnoreCase).ToList() ?? [];
        foreach (var finding in predicted.Findings.Where(f => f.Severity == Severity.Error))
        {
            var known = existing.Contains(Key(finding));
            if (known && UnreadableUnmanagedBinding(finding, scope))
                continue;
            if (scope.Concerns(finding.Site, finding.HostName) || !known)
                reasons.Add($"{finding.Code}: {InManifestWords(finding, scope, predicted, candidates)}");
        }

        reasons.AddRange(CertificateSwaps(manifest, before, predicted));
        return reasons;
    }

    /// <summary>What does not block the plan but the reviewer should know: unmanaged bindings that cannot be read are left as they are.</summary>
    public static IReadOnlyList<string> Warnings(EnsureManifest manifest, VerificationReport before, VerificationReport predicted)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(predicted);
        var scope = new ManifestScope(manifest);
        var existing = before.Findings.Where(f => f.Severity == Severity.Error).Select(Key).ToHashSet();
        return [.. predicted.Findings
            .Where(f => f.Severity == Severity.Error && existing.Contains(Key(f)) && UnreadableUnmanagedBinding(f, scope))
            .Select(f => $"{f.Code}: {f.Message} The manifest does not manage it; it is left as it is and does not block the plan.")];
    }

    /// <summary>An invalid binding that was already there and that no manifest host names: nothing the plan writes depends on it.</summary>
    private static bool UnreadableUnmanagedBinding(Finding finding, ManifestScope scope) =>
        finding.Code == FindingCodes.InvalidBinding && (finding.HostName is null || !scope.Declares(finding.HostName));

    /// <summary>Hosts outside the manifest whose served certificate would change.</summary>
    public static IEnumerable<string> CertificateSwaps(EnsureManifest manifest, VerificationReport before, VerificationReport predicted)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(predicted);
        var scope = new ManifestScope(manifest);
        var after = new Dictionary<(string, string, string?, bool), HostReport>();
        foreach (var endpoint in predicted.Endpoints)
        {
            foreach (var host in endpoint.Hosts)
                after.TryAdd((endpoint.Endpoint, host.Site.ToUpperInvariant(), host.HostName, host.Sni), host);
        }

        foreach (var endpoint in before.Endpoints)
        {
            foreach (var host in endpoint.Hosts)
            {
                if (host.HostName is not null && scope.Declares(host.HostName))
                    continue;
                if (host.Certificate is null || !after.TryGetValue((endpoint.Endpoint, host.Site.ToUpperInvariant(), host.HostName, host.Sni), out var then))
                    continue;
                if (!string.Equals(host.Certificate.Thumbprint, then.Certificate?.Thumbprint, StringComparison.OrdinalIgnoreCase))
                {
                    var fix = scope.ListsSite(host.Site)
                        ? $"Add {(host.HostName is null ? "\"\" (the catch-all)" : $"\"{host.HostName}\"")} to the \"hostNames\" of site \"{host.Site}\" in the manifest, or use \"sni\": \"always\" for the manifest's hosts there"
                        : $"List site \"{host.Site}\" in the manifest, or use \"sni\": \"always\" for the manifest's hosts there";
                    yield return $"the plan would change the certificate site \"{host.Site}\" serves for {host.HostName ?? "any host name"} on {endpoint.Endpoint} "
                        + $"from {host.Certificate.Thumbprint} ({host.Certificate.Subject}) to {then.Certificate?.Thumbprint ?? "none"}: it shares {host.ServedBy ?? "that record"} with the manifest's hosts. "
                        + fix;
                }
            }
        }
    }

    /// <summary>The finding's account of what clients get, with the analysis' netsh advice replaced by advice in manifest words.</summary>
    private static string InManifestWords(Finding finding, ManifestScope scope, VerificationReport predicted, List<CertificateInfo> candidates)
    {
        if (finding.HostName is null || !scope.Declares(finding.HostName))
            return finding.Message;
        var what = WithoutAdvice(finding.Message);
        var host = finding.HostName;
        var entry = scope.EntryFor(host);
        var certificate = entry is null ? "its certificate" : $"certificate \"{entry.Certificate}\"";
        var site = entry is null ? "its site" : $"site \"{entry.Name}\"";
        return finding.Code switch
        {
            FindingCodes.HostNotCovered =>
                $"{what} In the manifest, give {site} a certificate whose names cover {host}{Covering(finding.Endpoint, predicted, candidates)}, "
                + $"or \"sni\": \"always\" so {host} gets a record of its own.",
            FindingCodes.NoCertificateBound =>
                $"{what} In the manifest, use \"sni\": \"always\" for {host}, or \"sni\": \"auto\"/\"never\" with a certificate that covers every host without SNI on {finding.Endpoint}.",
            FindingCodes.CertificateNotFound =>
                $"{what} {char.ToUpperInvariant(certificate[0])}{certificate[1..]} of {site} must be among the certificates read: pass the folder holding it with --certs, "
                + "give it in the manifest as \"file\", or for the Central Certificate Store pass the store folder with --ccs.",
            _ => finding.Message,
        };
    }

    private static string WithoutAdvice(string message)
    {
        foreach (var marker in new[] { " Fix it ", " Import the certificate" })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
                return message[..at];
        }

        return message;
    }

    /// <summary>" (certificates read that cover every host on E: T1 (CN), …)", a few at most; empty when none does.</summary>
    private static string Covering(string? endpoint, VerificationReport predicted, List<CertificateInfo> candidates)
    {
        var hosts = predicted.Endpoints.FirstOrDefault(e => e.Endpoint == endpoint)?.Hosts
            .Where(h => h.HostName is not null && !h.Sni)
            .Select(h => HostName.Parse(h.HostName!))
            .Distinct()
            .ToList();
        if (hosts is null || hosts.Count == 0 || candidates.Count == 0)
            return string.Empty;
        var covering = candidates.Where(c => hosts.All(h => CertificateNameMatcher.Covers(c, h))).Take(CandidatesNamed + 1).ToList();
        if (covering.Count == 0)
            return $" (none of the {candidates.Count} certificate(s) read covers every host without SNI on {endpoint})";
        var named = string.Join(", ", covering.Take(CandidatesNamed).Select(c => $"{c.Thumbprint} ({c.Subject})"));
        return $" (certificates read that cover every host without SNI on {endpoint}: {named}{(covering.Count > CandidatesNamed ? ", …" : string.Empty)})";
    }

    private static (string Code, string? Site, string? Endpoint, string? Host) Key(Finding f) => (f.Code, f.Site, f.Endpoint, f.HostName);

    /// <summary>The sites and host names a manifest declares, for constant-time questions.</summary>
    private sealed class ManifestScope(EnsureManifest manifest)
    {
        private readonly Dictionary<string, ManifestSite> _hosts = manifest.Sites
            .SelectMany(s => s.HostNames.Select(h => (Host: h.Value, Site: s)))
            .DistinctBy(p => p.Host, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(p => p.Host, p => p.Site, StringComparer.OrdinalIgnoreCase);

        private readonly HashSet<string> _sites = manifest.Sites.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        public bool Declares(string hostName) => _hosts.ContainsKey(hostName);

        public bool ListsSite(string site) => _sites.Contains(site);

        public ManifestSite? EntryFor(string hostName) => _hosts.GetValueOrDefault(hostName);

        /// <summary>A finding about a manifest host name, or a site-level finding about a site the manifest lists.</summary>
        public bool Concerns(string? site, string? hostName) =>
            hostName is not null ? _hosts.ContainsKey(hostName) : site is not null && _sites.Contains(site);
    }
}
