using IisSsl.Analysis;
using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Planning;

/// <summary>
/// When a plan must not be applied, judged on the verify analysis of the server before and as predicted after:
/// an error about anything the manifest declares and any error the plan would create; and, on the server states,
/// any binding the manifest does not list that would be served a different certificate (<see cref="CertificateSwaps"/>:
/// the silent ipport swap under a neighbouring site).
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

    /// <summary>
    /// Bindings the manifest does not list whose clients would be served a different certificate than today, on any
    /// client path the analysis tells apart (<see cref="ServedCertificate"/>: with and without SNI, IPv4 and IPv6, on
    /// addresses with their own <c>ipport</c> record): one line per binding, naming the first such path. Judged on the
    /// planned state and again on the state re-read after apply. A binding served nothing today has nothing to lose.
    /// </summary>
    public static IReadOnlyList<string> CertificateSwaps(EnsureManifest manifest, ServerState before, ServerState after)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var scope = new ManifestScope(manifest);
        var listed = manifest.Sites
            .SelectMany(s => s.Endpoints.SelectMany(e => s.Hosts.Select(h => (s.Name.ToUpperInvariant(), e, h))))
            .ToHashSet();
        var swaps = new List<string>();
        var named = new HashSet<(string, Endpoint, HostName?)>();
        foreach (var (was, now) in ServedCertificate.Pair(ServedCertificate.Of(before), ServedCertificate.Of(after)))
        {
            var binding = (was.Site.ToUpperInvariant(), was.Endpoint, was.Host);
            if (was.Thumbprint is null || now is null || string.Equals(was.Thumbprint, now.Thumbprint, StringComparison.OrdinalIgnoreCase)
                || listed.Contains(binding) || !named.Add(binding))
                continue;
            var host = was.Host is null ? "\"\" (the catch-all)" : $"\"{was.Host}\"";
            var fix = scope.ListsSite(was.Site)
                ? $"Add {host} to the \"hostNames\" of site \"{was.Site}\" in the manifest, or use \"sni\": \"always\" for the manifest's hosts there"
                : $"List site \"{was.Site}\" in the manifest, or use \"sni\": \"always\" for the manifest's hosts there";
            swaps.Add($"the plan would change the certificate site \"{was.Site}\" serves for {was.Host?.Value ?? "any host name"} on {was.Endpoint} "
                + $"from {Certificate(before, was.Thumbprint)} to {(now.Thumbprint is { } then ? Certificate(after, then) : "none")} ({was.Clients}): "
                + $"it shares {was.RecordKey ?? "that record"} with the manifest's hosts. {fix}");
        }

        return swaps;
    }

    private static string Certificate(ServerState state, string thumbprint) =>
        state.CertificatesByThumbprint.TryGetValue(thumbprint, out var certificate) ? $"{thumbprint} ({certificate.Subject})" : thumbprint;

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
