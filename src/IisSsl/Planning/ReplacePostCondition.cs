using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>
/// What a replace must leave behind, checked on the predicted and on the re-read server: every client path that was
/// served OLD is served NEW (by thumbprint), every other path is served exactly what it was, and no HTTP.SYS record
/// names OLD any more. Bounded: the first problems are named, the rest counted.
/// </summary>
internal static class ReplacePostCondition
{
    private const int Named = 5;

    public static IReadOnlyList<string> Check(IReadOnlyList<ServedCertificate> before, ServerState after, string oldThumbprint, string newThumbprint)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var now = new Dictionary<(string, Endpoint, HostName?, bool), ServedCertificate>();
        foreach (var path in ServedCertificate.Of(after))
            now.TryAdd(path.Key, path);

        var problems = new List<string>();
        foreach (var path in before)
        {
            var expected = path.Thumbprint == oldThumbprint ? newThumbprint : path.Thumbprint;
            var actual = now.TryGetValue(path.Key, out var then) ? then.Thumbprint : null;
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
