using IisSsl.Analysis;

namespace IisSsl.Probing;

/// <summary>
/// The endpoints to probe, the handshakes that makes (in report order), and notes about what cannot be probed
/// (e.g. a wildcard host header has no single name to send).
/// </summary>
internal sealed record ProbePlan(
    IReadOnlyList<ProbeEndpoint> Endpoints,
    IReadOnlyList<HandshakeRequest> Requests,
    IReadOnlyList<Finding> Notes);
