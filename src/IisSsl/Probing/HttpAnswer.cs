namespace IisSsl.Probing;

/// <summary>The answer to the optional HTTP check: the status and (the start of) the body, or why there was none.</summary>
internal sealed record HttpAnswer(int? StatusCode, string Body, string? Error = null);
