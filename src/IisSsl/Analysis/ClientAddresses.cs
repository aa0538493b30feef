namespace IisSsl.Analysis;

/// <summary>
/// Which client addresses a served path applies to. A binding on a specific IP is reached on that address only; a
/// <c>*</c> binding is reached on every address of the machine, and HTTP.SYS picks the record by the address a client
/// arrived on, so the model splits its clients by what that address changes.
/// </summary>
internal enum ClientAddresses
{
    /// <summary>Every client of the endpoint (a specific-IP endpoint, or a <c>*</c> endpoint where the family does not matter).</summary>
    Endpoint,

    /// <summary>IPv4 clients of a <c>*</c> endpoint arriving on an address without an <c>ipport</c> record of its own.</summary>
    IPv4,

    /// <summary>IPv6 clients of a <c>*</c> endpoint arriving on an address without an <c>ipport</c> record of its own.</summary>
    IPv6,

    /// <summary>Clients of a <c>*</c> endpoint arriving on an address that has an <c>ipport</c> record of its own.</summary>
    SpecificIpPort,
}
