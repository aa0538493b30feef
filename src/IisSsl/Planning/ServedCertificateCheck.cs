using IisSsl.Analysis;
using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>
/// The post-condition of plan, apply and replace: every managed binding is served exactly its intended certificate,
/// by thumbprint, on every client path it serves (<see cref="ServedCertificates"/>: SNI and without SNI, IPv4 and IPv6,
/// clients arriving on addresses with their own record). Covering the name is not enough: an older certificate that
/// also covers it is a miss. Judged on the planned (predicted) state and again on the state re-read after apply.
/// </summary>
public static class ServedCertificateCheck
{
    /// <summary>Why <paramref name="state"/> misses the post-condition for <paramref name="intended"/>, one line per binding (empty: it holds).</summary>
    public static IReadOnlyList<string> Misses(ServerState state, IEnumerable<IntendedCertificate> intended) =>
        [.. Find(state, intended).GroupBy(m => m.Intended).Select(Describe)];

    /// <summary>The post-condition of a manifest: each of its hosts, on each of its endpoints, served its certificate.</summary>
    public static IReadOnlyList<string> Misses(EnsureManifest manifest, IReadOnlyDictionary<string, ResolvedCertificate> certificates, ServerState state) =>
        Misses(state, Intended(manifest, certificates));

    /// <summary>Every failing client path, for callers that act on the record served (the planner removes shadows it owns).</summary>
    public static IReadOnlyList<ServedCertificateMiss> Find(ServerState state, IEnumerable<IntendedCertificate> intended)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(intended);
        var served = new ServedCertificates(state);
        var bindings = HttpsBindings(state);
        var misses = new List<ServedCertificateMiss>();
        foreach (var want in intended)
        {
            if (!bindings.TryGetValue((want.Site.ToUpperInvariant(), want.Endpoint, want.Host), out var binding))
            {
                misses.Add(new ServedCertificateMiss(want, null, $"site \"{want.Site}\" has no https binding {Describe(want.Endpoint, want.Host)}"));
                continue;
            }

            foreach (var path in served.For(want.Endpoint, want.Host, binding.UsesSni))
            {
                if (Miss(want, path, served) is { } why)
                    misses.Add(new ServedCertificateMiss(want, path, why));
            }
        }

        return misses;
    }

    /// <summary>What a manifest intends: one entry per host (or catch-all) of each site entry and endpoint.</summary>
    public static IReadOnlyList<IntendedCertificate> Intended(EnsureManifest manifest, IReadOnlyDictionary<string, ResolvedCertificate> certificates)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(certificates);
        var result = new List<IntendedCertificate>();
        foreach (var entry in manifest.Sites)
        {
            if (!certificates.TryGetValue(entry.Certificate, out var certificate))
                continue;
            var thumbprint = certificate.CentralCertificateStore ? null : certificate.Thumbprint;
            foreach (var endpoint in entry.Endpoints)
            {
                foreach (var host in entry.Hosts)
                    result.Add(new IntendedCertificate(entry.Name, endpoint, host, entry.Certificate, thumbprint));
            }
        }

        return result;
    }

    private static string? Miss(IntendedCertificate want, ClientPath path, ServedCertificates served)
    {
        if (want.Thumbprint is null && want.Host is { } host && path.Thumbprint is null)
        {
            if (!served.HasCentralStore)
                return $"{path.Clients}: no Central Certificate Store folder was read (--ccs) to find {host.Unicode}.pfx in";
            if (served.CentralStoreCertificate(host) is null)
                return $"{path.Clients}: the Central Certificate Store has no {(host.IsWildcard ? "_." + host.WildcardParent : host.Unicode)}.pfx{(host.IsWildcard ? string.Empty : " (nor a wildcard _. file)")}";
        }

        if (path.Record is null)
            return $"{path.Clients} get no certificate (no HTTP.SYS record serves them)";
        if (want.Thumbprint is null)
        {
            if (!path.FromCentralStore)
                return $"{path.Clients} get {Certificate(path)} from {path.Record.Key}, not the Central Certificate Store";
            return path.Thumbprint is null ? $"{path.Clients}: {path.MissingReason ?? "the Central Certificate Store's file cannot be read"}" : null;
        }

        return string.Equals(path.Thumbprint, want.Thumbprint, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{path.Clients} get {Certificate(path)} from {path.Record.Key}";
    }

    private static string Certificate(ClientPath path) =>
        path.Thumbprint is null ? "no certificate" : $"certificate {path.Thumbprint}";

    private static string Describe(IGrouping<IntendedCertificate, ServedCertificateMiss> misses)
    {
        var want = misses.Key;
        var wanted = want.Thumbprint is null ? $"\"{want.CertificateName}\" (Central Certificate Store)" : $"\"{want.CertificateName}\" ({want.Thumbprint})";
        var first = misses.First();
        if (first.Path is null)
            return $"post-condition: {first.Reason}, so it cannot be served {wanted}";
        var more = misses.Count() - 1;
        return $"post-condition: {Describe(want.Endpoint, want.Host)} of site \"{want.Site}\" must be served exactly {wanted}, but {first.Reason}"
            + (more > 0 ? $" (and {more} other client path(s) miss it too)" : string.Empty);
    }

    private static string Describe(Endpoint endpoint, HostName? host) =>
        host is null ? $"for any host name (catch-all) on {endpoint}" : $"for {host} on {endpoint}";

    private static Dictionary<(string Site, Endpoint Endpoint, HostName? Host), Binding> HttpsBindings(ServerState state)
    {
        var result = new Dictionary<(string, Endpoint, HostName?), Binding>();
        foreach (var site in state.Configuration.Sites)
        {
            foreach (var binding in site.Bindings)
            {
                if (binding is { IsHttps: true, Endpoint: { } endpoint, Problem: null })
                    result.TryAdd((site.Name.ToUpperInvariant(), endpoint, binding.Host), binding);
            }
        }

        return result;
    }
}

/// <summary>
/// One binding the post-condition is about: clients of <see cref="Host"/> (null: the catch-all binding) on
/// <see cref="Endpoint"/> of <see cref="Site"/> must get <see cref="Thumbprint"/> (null: the Central Certificate Store's
/// file for the name). <see cref="CertificateName"/> names it for people (a manifest name, or a thumbprint).
/// </summary>
public sealed record IntendedCertificate(string Site, Endpoint Endpoint, HostName? Host, string CertificateName, string? Thumbprint);

/// <summary>One client path that misses its intended certificate (<see cref="Path"/> null: the binding itself is missing).</summary>
public sealed record ServedCertificateMiss(IntendedCertificate Intended, ClientPath? Path, string Reason);
