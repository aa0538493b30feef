using IisSsl.Model;

namespace IisSsl.Tests.Model;

public sealed class SslFlagsTests
{
    [Fact]
    public void SslFlags_bit_128_is_the_known_NegotiateClientCert_flag_of_Windows_Server_2025()
    {
        Assert.Equal(128u, (uint)SslFlags.NegotiateClientCert);
        Assert.Equal("Sni, NegotiateClientCert", ((SslFlags)129).ToString());
        Assert.True(Enum.IsDefined(SslFlags.NegotiateClientCert));
    }

    [Fact]
    public void A_bit_no_Windows_version_defines_is_still_kept_as_a_number()
    {
        Assert.Equal("257", ((SslFlags)257).ToString());
    }
}
