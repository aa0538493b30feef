using System.Net;
using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// The same protocol, IP, port and host on two different sites (reference §1.3): the configuration accepts it, but
/// only one of the sites can register the URL prefix and start. IP <c>*</c> and <c>0.0.0.0</c> are the same
/// (both parse to All Unassigned); host names are already normalised, so the comparison ignores case.
/// </summary>
internal static class DuplicateBindingRule
{
    public static void Apply(IisConfiguration configuration, List<Finding> findings)
    {
        // Almost every binding is unique: remember the first owner of each key, and make a list only for a second.
        var first = new Dictionary<(bool Https, IPAddress Address, int Port, string Host), (Site Site, Binding Binding)>();
        var shared = new Dictionary<(bool Https, IPAddress Address, int Port, string Host), List<(Site Site, Binding Binding)>>();
        foreach (var site in configuration.Sites)
        {
            foreach (var binding in site.Bindings)
            {
                if (binding.Problem is not null || binding.Endpoint is null || !(binding.IsHttp || binding.IsHttps))
                    continue;
                var key = (binding.IsHttps, binding.Endpoint.Address, binding.Endpoint.Port, binding.Host?.Value ?? "");
                if (first.TryAdd(key, (site, binding)))
                    continue;
                if (!shared.TryGetValue(key, out var list))
                    shared[key] = list = [first[key]];
                list.Add((site, binding));
            }
        }

        foreach (var ((https, _, _, _), list) in shared)
        {
            var protocol = https ? "https" : "http";
            var sites = list.Select(o => o.Site.Name).Distinct(StringComparer.Ordinal).ToList();
            if (sites.Count < 2)
                continue;
            foreach (var (site, binding) in list.DistinctBy(o => o.Site.Name, StringComparer.Ordinal))
            {
                var others = string.Join(", ", sites.Where(s => s != site.Name).Select(s => $"'{s}'"));
                var text = $"{protocol} {binding.Endpoint}:{binding.Host?.Value ?? ""} of site '{site.Name}' is also bound by {others}: "
                    + "IIS registers the URL prefix for only one of them and the other sites fail to start ('Cannot register the URL prefix'). "
                    + "Fix it by keeping the binding on one site, or by giving each site its own host name, IP or port.";
                findings.Add(new Finding(FindingCodes.DuplicateBinding, Severity.Error, text, site.Name,
                    binding.Endpoint!.ToString(), binding.Host?.Value, binding.Location));
            }
        }
    }
}
