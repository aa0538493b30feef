using System.Text.Json;
using Json.Schema;

namespace IisSsl.TestSupport;

/// <summary>
/// The published JSON report schema (docs/report.v2.schema.json), and the checks a schema cannot state: every
/// thumbprint a row or endpoint names is a key of <c>certificates</c>, and each entry's key is its thumbprint.
/// Every JSON report the tests produce goes through <see cref="Problems"/>.
/// </summary>
public static class ReportSchema
{
    public static readonly string Path = System.IO.Path.Combine(RepositoryPaths.Root, "docs", "report.v2.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path)));

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Why <paramref name="json"/> is not a valid v2 report: empty when it is.</summary>
    public static IReadOnlyList<string> Problems(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var result = Schema.Value.Evaluate(root, Options);
        var problems = new List<string>();
        if (!result.IsValid)
        {
            problems.AddRange((result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
            if (problems.Count == 0)
                problems.Add("does not match the schema");
            return problems;
        }

        var certificates = root.GetProperty("certificates");
        foreach (var entry in certificates.EnumerateObject())
        {
            if (entry.Value.GetProperty("thumbprint").GetString() != entry.Name)
                problems.Add($"certificates.{entry.Name} has thumbprint {entry.Value.GetProperty("thumbprint").GetString()}");
        }

        foreach (var endpoint in root.GetProperty("endpoints").EnumerateArray())
        {
            CheckReference(endpoint.GetProperty("defaultCertificate"), certificates, problems);
            foreach (var host in endpoint.GetProperty("hosts").EnumerateArray())
                CheckReference(host.GetProperty("certificate"), certificates, problems);
        }

        return problems;
    }

    /// <summary>Throws, naming the problems, unless <paramref name="json"/> is a valid v2 report.</summary>
    public static void Validate(string json)
    {
        var problems = Problems(json);
        if (problems.Count > 0)
            throw new InvalidDataException("The JSON report does not match docs/report.v2.schema.json:\n" + string.Join("\n", problems.Take(20)));
    }

    private static void CheckReference(JsonElement thumbprint, JsonElement certificates, List<string> problems)
    {
        if (thumbprint.ValueKind == JsonValueKind.String && !certificates.TryGetProperty(thumbprint.GetString()!, out _))
            problems.Add($"a row names certificate {thumbprint.GetString()}, which is not in certificates");
    }
}
