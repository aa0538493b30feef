using System.Net;
using System.Net.Sockets;

namespace IisSsl.Model;

/// <summary>
/// The IP:Port a binding listens on. <see cref="IPAddress.Any"/> is IIS's "All Unassigned" (<c>*</c> or an
/// empty IP in <c>bindingInformation</c>); <see cref="IPAddress.IPv6Any"/> is <c>[::]</c>.
/// </summary>
public sealed record Endpoint(IPAddress Address, int Port)
{
    public bool IsAllUnassigned => Address.Equals(IPAddress.Any);

    public bool IsIPv6 => Address.AddressFamily == AddressFamily.InterNetworkV6;

    public static Endpoint AllUnassigned(int port) => new(IPAddress.Any, port);

    /// <summary>The address as IIS writes it in <c>bindingInformation</c>: <c>*</c>, <c>10.0.0.5</c> or <c>[2001:db8::1]</c>.</summary>
    public string IisAddress => IsAllUnassigned ? "*" : IsIPv6 ? $"[{Address}]" : Address.ToString();

    /// <summary>The HTTP.SYS <c>ipport</c> key: <c>0.0.0.0:443</c>, <c>10.0.0.5:443</c>, <c>[::]:443</c>.</summary>
    public string HttpSysKey => IsIPv6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";

    public override string ToString() => $"{IisAddress}:{Port}";
}
