using IisSsl.Analysis;
using IisSsl.Execution;
using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>
/// The pure heart of ReplaceSslCertificate: every HTTP.SYS record that names OLD (ipport of any address, hostnameport,
/// IIS's or another application's) is updated to name NEW, keeping everything else it holds (appid, store, client
/// certificate negotiation and every other setting), and nothing else changes. IIS bindings name no certificate, so
/// the configuration is never edited. Refused (<see cref="EnsurePlan.Conflicts"/>) when NEW does not cover a host
/// OLD serves today, or when OLD is served from the Central Certificate Store, whose files replace never rewrites.
/// </summary>
public static class ReplacePlanner
{
    /// <summary>At most this many host names are listed in one refusal line; the rest are counted.</summary>
    internal const int NamedInOneLine = 10;

    /// <param name="current">The server as read.</param>
    /// <param name="oldThumbprint">OLD, upper-case hex.</param>
    /// <param name="replacement">NEW, with its facts (<see cref="ResolvedCertificate.Info"/> must be known to check coverage).</param>
    /// <param name="importCertificate">Import NEW's PFX first (live Windows only).</param>
    public static EnsurePlan Plan(ServerState current, string oldThumbprint, ResolvedCertificate replacement, bool importCertificate = false)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(oldThumbprint);
        ArgumentNullException.ThrowIfNull(replacement);
        var info = replacement.Info ?? throw new ArgumentException("The replacement certificate's facts must be known.", nameof(replacement));
        var old = ServedCertificate.Normalise(oldThumbprint)!;

        var edits = new List<HttpSysEdit>();
        var decisions = new List<string>();
        var records = new List<SslCertBinding>(current.HttpSys.Bindings.Count);
        var updated = new List<SslCertBinding>();
        foreach (var record in current.HttpSys.Bindings)
        {
            if (record.Kind == SslCertBindingKind.CentralCertificateStore || ServedCertificate.Normalise(record.Thumbprint) != old)
            {
                records.Add(record);
                continue;
            }

            var moved = record with { Thumbprint = replacement.Thumbprint, StoreName = replacement.Import is null ? record.StoreName : replacement.StoreName };
            records.Add(moved);
            updated.Add(moved);
            edits.Add(new HttpSysEdit.Update(record, moved));
            if (record.AppId != EnsurePlanner.IisAppId)
            {
                decisions.Add($"{record.Key} belongs to another application (appid {record.AppId:B}, not IIS's); it serves {old}, so it is moved to "
                    + $"{replacement.Thumbprint} too, keeping its appid and settings");
            }
        }

        var served = ServedCertificate.Of(current).Where(p => p.Thumbprint == old).ToList();
        var conflicts = new List<string>();
        var fromStore = served.Where(p => p.FromCentralStore).Select(p => p.Host!).Distinct().ToList();
        if (fromStore.Count > 0)
        {
            conflicts.Add($"{old} is served from the Central Certificate Store (for {fromStore.Count} host name(s): {Names(fromStore)}); replace changes HTTP.SYS records "
                + "only and never rewrites the store's files: put the new certificate's .pfx into the store under each of those names instead");
        }

        var hosts = served.Where(p => !p.FromCentralStore && p.Host is not null).Select(p => p.Host!)
            .Concat(updated.Where(r => r.Kind == SslCertBindingKind.HostnamePort && r.Host is not null).Select(r => r.Host!))
            .Distinct()
            .ToList();
        var uncovered = hosts.Where(h => !CertificateNameMatcher.Covers(info, h)).ToList();
        if (uncovered.Count > 0)
        {
            conflicts.Add($"the new certificate {replacement.Thumbprint} ({info.Subject}) does not cover {uncovered.Count} host name(s) that {old} serves today: "
                + $"{Names(uncovered)}; it must cover every one of them");
        }

        if (edits.Count > 0)
        {
            var catchAll = served.Where(p => p.Host is null).Select(p => (p.Site.ToUpperInvariant(), p.Endpoint)).Distinct().Count();
            var how = replacement.Import is null
                ? "keeping its store, appid and settings"
                : $"in store {replacement.StoreName} (where the file is imported), keeping its appid and settings";
            decisions.Insert(0, $"{edits.Count} HTTP.SYS record(s) name {old}, serving {hosts.Count} host name(s)"
                + (catchAll > 0 ? $" and {catchAll} catch-all binding(s)" : string.Empty)
                + $": each is moved to {replacement.Thumbprint}, {how}");
        }

        var imports = importCertificate && edits.Count > 0 && replacement.Import is not null ? new[] { replacement.Import } : [];
        return new EnsurePlan(imports, edits, [], Predicted(current, records, replacement), conflicts, decisions);
    }

    private static ServerState Predicted(ServerState current, List<SslCertBinding> records, ResolvedCertificate replacement)
    {
        var certificates = new Dictionary<string, CertificateInfo>(current.CertificatesByThumbprint, StringComparer.OrdinalIgnoreCase);
        certificates.TryAdd(replacement.Thumbprint, replacement.Info!);
        return current with { HttpSys = current.HttpSys with { Bindings = records }, CertificatesByThumbprint = certificates };
    }

    internal static string Names(IReadOnlyCollection<HostName> hosts)
    {
        var named = string.Join(", ", hosts.Take(NamedInOneLine).Select(h => h.Value));
        return hosts.Count > NamedInOneLine ? $"{named} and {hosts.Count - NamedInOneLine} more" : named;
    }
}
