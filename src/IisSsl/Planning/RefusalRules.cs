using IisSsl.Analysis;
using IisSsl.Reporting;

namespace IisSsl.Planning;

/// <summary>
/// When a plan must not be applied, judged on the verify analysis of the server before and as predicted after:
/// an error about anything the manifest declares, any error the plan would create, and any host the manifest does
/// not declare that would be served a different certificate (the silent ipport swap under a neighbouring site).
/// Errors that exist already and concern only things the manifest does not touch do not block a release.
/// </summary>
public static class RefusalRules
{
    public static IReadOnlyList<string> Find(EnsureManifest manifest, VerificationReport before, VerificationReport predicted)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(predicted);
        var reasons = new List<string>();
        var scope = new ManifestScope(manifest);
        var existing = before.Findings.Where(f => f.Severity == Severity.Error).Select(Key).ToHashSet();
        foreach (var finding in predicted.Findings.Where(f => f.Severity == Severity.Error))
        {
            if (scope.Concerns(finding.Site, finding.HostName) || !existing.Contains(Key(finding)))
                reasons.Add($"{finding.Code}: {finding.Message}");
        }

        reasons.AddRange(CertificateSwaps(manifest, before, predicted));
        return reasons;
    }

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
                    yield return $"the plan would change the certificate site \"{host.Site}\" serves for {host.HostName ?? "any host name"} on {endpoint.Endpoint} "
                        + $"from {host.Certificate.Thumbprint} ({host.Certificate.Subject}) to {then.Certificate?.Thumbprint ?? "none"}: it shares {host.ServedBy ?? "that record"} with the manifest's hosts. "
                        + "Declare that site in the manifest, or use sni: always for the new hosts";
                }
            }
        }
    }

    private static (string Code, string? Site, string? Endpoint, string? Host) Key(Finding f) => (f.Code, f.Site, f.Endpoint, f.HostName);

    /// <summary>The sites and host names a manifest declares, for constant-time questions.</summary>
    private sealed class ManifestScope(EnsureManifest manifest)
    {
        private readonly HashSet<string> _hosts = manifest.Sites.SelectMany(s => s.HostNames).Select(h => h.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _sites = manifest.Sites.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        public bool Declares(string hostName) => _hosts.Contains(hostName);

        /// <summary>A finding about a manifest host name, or a site-level finding about a site the manifest lists.</summary>
        public bool Concerns(string? site, string? hostName) =>
            hostName is not null ? _hosts.Contains(hostName) : site is not null && _sites.Contains(site);
    }
}
