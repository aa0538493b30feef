using System.Net;
using FsCheck.Xunit;
using IisSsl.Model;
using IisSsl.Sources.HttpSys;

namespace IisSsl.Tests.Sources.HttpSys;

public sealed class HttpSysSnapshotRoundTripProperties
{
    [Property]
    public bool Any_ipport_record_survives_a_snapshot_round_trip(byte[] address, ushort port, byte[] hash, Guid appId, bool ipv6)
    {
        var bytes = new byte[ipv6 ? 16 : 4];
        (address ?? []).Take(bytes.Length).ToArray().CopyTo(bytes, 0);
        var thumbprint = hash is { Length: > 0 } ? Convert.ToHexString(hash) : null;
        var binding = new SslCertBinding(SslCertBindingKind.IpPort, Math.Max(1, (int)port), new IPAddress(bytes), Thumbprint: thumbprint, AppId: appId);

        var back = Assert.Single(HttpSysSnapshotFormat.Parse(HttpSysSnapshotFormat.Serialize(new HttpSysState("x", [binding])), "x").Bindings);

        return back.Key == binding.Key && back.Thumbprint == thumbprint && back.AppId == appId && back.Address!.Equals(binding.Address);
    }
}
