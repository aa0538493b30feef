using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>An http/https binding whose text could not be parsed: IIS cannot start the site with it.</summary>
internal static class InvalidBindingRule
{
    /// <summary>Raises the finding for <paramref name="binding"/>, an http/https binding that has a problem.</summary>
    public static void Apply(Site site, Binding binding, List<Finding> findings)
    {
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
