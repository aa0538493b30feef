using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>An http/https binding whose text could not be parsed: IIS cannot start the site with it.</summary>
internal static class InvalidBindingRule
{
    public static void Apply(IisConfiguration configuration, List<Finding> findings)
    {
        foreach (var site in configuration.Sites)
        {
            foreach (var binding in site.Bindings)
            {
                if (binding.Problem is null || !(binding.IsHttp || binding.IsHttps))
                    continue;
                var where = binding.Location is null ? "" : $" at {binding.Location}";
                findings.Add(new Finding(
                    FindingCodes.InvalidBinding,
                    Severity.Error,
                    $"The {binding.Protocol.ToLowerInvariant()} binding '{binding.BindingInformation}' of site '{site.Name}'{where} is invalid: {binding.Problem}.",
                    site.Name,
                    binding.Endpoint?.ToString(),
                    binding.Host?.Value,
                    binding.Location));
            }
        }
    }
}
