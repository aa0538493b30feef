namespace IisSsl.Analysis;

/// <summary>When validity is judged, and how many days before expiry to warn.</summary>
public sealed record AnalysisOptions(DateTimeOffset Now, int ExpiryWarningDays = 30);
