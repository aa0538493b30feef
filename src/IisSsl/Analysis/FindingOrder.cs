namespace IisSsl.Analysis;

/// <summary>The stable order of findings: severity (errors first), endpoint, host name, code, then site and message.</summary>
public static class FindingOrder
{
    public static IReadOnlyList<Finding> Sort(IEnumerable<Finding> findings) =>
    [
        .. findings
            .Select(f => (Finding: f, Endpoint: EndpointOrder.SortKey.Of(f.Endpoint)))
            .OrderByDescending(f => f.Finding.Severity)
            .ThenBy(f => f.Endpoint)
            .ThenBy(f => f.Finding.HostName, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Site, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Message, StringComparer.Ordinal)
            .Select(f => f.Finding),
    ];
}
