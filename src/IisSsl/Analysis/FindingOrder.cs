namespace IisSsl.Analysis;

/// <summary>The stable order of findings: severity (errors first), endpoint, host name, code, then site and message.</summary>
public static class FindingOrder
{
    public static IReadOnlyList<Finding> Sort(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var keyed = new List<Keyed>();
        foreach (var finding in findings)
            keyed.Add(new Keyed(finding, EndpointOrder.SortKey.Of(finding.Endpoint), keyed.Count));
        keyed.Sort(Keyed.Compare);

        var sorted = new Finding[keyed.Count];
        for (var i = 0; i < sorted.Length; i++)
            sorted[i] = keyed[i].Finding;
        return sorted;
    }

    /// <summary>A finding with its parsed endpoint and its position, which keeps equal findings in the order they came.</summary>
    private sealed record Keyed(Finding Finding, EndpointOrder.SortKey Endpoint, int Position)
    {
        public static int Compare(Keyed x, Keyed y)
        {
            var c = ((int)y.Finding.Severity).CompareTo((int)x.Finding.Severity);
            if (c == 0)
                c = x.Endpoint.CompareTo(y.Endpoint);
            if (c == 0)
                c = string.CompareOrdinal(x.Finding.HostName, y.Finding.HostName);
            if (c == 0)
                c = string.CompareOrdinal(x.Finding.Code, y.Finding.Code);
            if (c == 0)
                c = string.CompareOrdinal(x.Finding.Site, y.Finding.Site);
            if (c == 0)
                c = string.CompareOrdinal(x.Finding.Message, y.Finding.Message);
            return c != 0 ? c : x.Position.CompareTo(y.Position);
        }
    }
}
