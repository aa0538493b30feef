using System.Text.Json;
using Json.Schema;

namespace IisSsl.TestSupport;

/// <summary>docs/snapshot.schema.json, for checking every snapshot a test writes against the published schema.</summary>
public static class SnapshotSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "snapshot.schema.json"))));

    /// <summary>The schema's complaints about <paramref name="json"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
            return [];
        return [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
    }

    /// <summary>Fails with the schema's complaints unless <paramref name="json"/> is a valid snapshot.</summary>
    public static void AssertValid(string json)
    {
        var problems = Problems(json);
        if (problems.Count > 0)
            throw new InvalidOperationException("The snapshot does not match docs/snapshot.schema.json:\n" + string.Join("\n", problems) + "\n" + json);
    }
}
