using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>
/// What a replace must leave behind, checked on the predicted and on the re-read server: every client that was
/// served OLD is served NEW (by thumbprint), every other client is served exactly what it was, and no HTTP.SYS record
/// names OLD any more. Clients are told apart as the analysis tells them apart (<see cref="ServedCertificate"/>: with
/// and without SNI, IPv4 and IPv6, on addresses with their own record). Bounded: the first problems are named, the
/// rest counted.
/// </summary>
internal static class ReplacePostCondition
{
    private const int Named = 5;

    public static IReadOnlyList<string> Check(IReadOnlyList<ServedCertificate> before, ServerState after, string oldThumbprint, string newThumbprint)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var problems = new List<string>();
        foreach (var (path, then) in ServedCertificate.Pair(before, ServedCertificate.Of(after)))
        {
            var expected = path.Thumbprint == oldThumbprint ? newThumbprint : path.Thumbprint;
            var actual = then?.Thumbprint;
            if (actual != expected)
            {
                problems.Add($"{path.Describe()} is served {actual ?? "no certificate"} ({then?.RecordKey ?? "no record"}), "
                    + $"not {expected ?? "no certificate"}{(path.Thumbprint == oldThumbprint ? " (it was served the old certificate)" : " as before")}");
            }
        }

        var stillOld = after.HttpSys.Bindings.Where(r => ServedCertificate.Normalise(r.Thumbprint) == oldThumbprint).Select(r => r.Key).ToList();
        var reasons = new List<string>();
        if (problems.Count > 0)
        {
            reasons.Add($"{problems.Count} client path(s) are not served what replace intends: {string.Join("; ", problems.Take(Named))}"
                + (problems.Count > Named ? $"; and {problems.Count - Named} more" : string.Empty));
        }

        if (stillOld.Count > 0)
        {
            reasons.Add($"{stillOld.Count} HTTP.SYS record(s) still name {oldThumbprint}: {string.Join(", ", stillOld.Take(Named))}"
                + (stillOld.Count > Named ? $" and {stillOld.Count - Named} more" : string.Empty));
        }

        return reasons;
    }
}
