using System.Globalization;
using IisSsl.Model;

namespace IisSsl.Planning;

/// <summary>How a host name is written in a new <c>bindingInformation</c>: Unicode, as IIS Manager writes IDN hosts (reference §7.11).</summary>
internal static class IisHostText
{
    private static readonly IdnMapping Idn = new();

    public static string Of(HostName host) =>
        host.IsWildcard ? "*." + Idn.GetUnicode(host.WildcardParent) : Idn.GetUnicode(host.Value);

    public static string BindingInformation(Endpoint endpoint, HostName host) => $"{endpoint.IisAddress}:{endpoint.Port}:{Of(host)}";
}
