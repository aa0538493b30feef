using IisSsl.Model;

namespace IisSsl.Probing;

/// <summary>
/// A host name to ask a target for. <see cref="Site"/> is the IIS site that binds it (empty for explicit hosts).
/// <see cref="NeedsNoSniCoverage"/>: clients without SNI must get a certificate naming it too (a non-SNI IIS
/// binding, or a <c>--no-sni</c> run).
/// </summary>
public sealed record ProbeHost(HostName Name, string Site, bool NeedsNoSniCoverage);
