using IisSsl.Model;

namespace IisSsl.Analysis;

/// <summary>
/// One client path of a binding and what HTTP.SYS serves on it: which clients (<see cref="Clients"/>: with or without
/// SNI), arriving on which addresses (<see cref="Addresses"/>), get which record and certificate (<see cref="Served"/>).
/// For <see cref="ClientAddresses.SpecificIpPort"/>, <see cref="Records"/> lists the specific-IP <c>ipport</c> records
/// that serve this same certificate (their addresses are the ones the path applies to).
/// </summary>
internal sealed record ServedPath(ClientKind Clients, ClientAddresses Addresses, Handshake Served, IReadOnlyList<SslCertBinding>? Records = null)
{
    /// <summary>True for the clients of a <c>*</c> binding that arrive on an address with its own <c>ipport</c> record.</summary>
    public bool IsShadowedBySpecificIp => Addresses == ClientAddresses.SpecificIpPort;
}
