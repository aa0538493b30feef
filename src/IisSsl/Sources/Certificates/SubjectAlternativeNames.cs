using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using IisSsl.Model;

namespace IisSsl.Sources.Certificates;

/// <summary>
/// The DNS names and IP addresses of a subjectAltName extension, the same as <see cref="CertificateInfo.DnsNamesOf"/>
/// and <see cref="CertificateInfo.IpAddressesOf"/> read through the BCL's <see cref="X509SubjectAlternativeNameExtension"/>.
/// </summary>
/// <remarks>
/// The BCL decodes every GeneralName into a list of large structs before it yields a name: a shared-hosting
/// certificate with 700 names costs about 400 KB of memory used once, and a server holds dozens of them. Only the
/// plain case is read here: GeneralNames ::= SEQUENCE OF GeneralName, each a dNSName ([2] IA5String) or an iPAddress
/// ([7] OCTET STRING of 4 or 16 bytes). Any other name or encoding goes to the BCL, which keeps its facts and errors.
/// </remarks>
internal static class SubjectAlternativeNames
{
    private static readonly Asn1Tag DnsNameTag = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag IpAddressTag = new(TagClass.ContextSpecific, 7);

    public static (string[] DnsNames, IPAddress[] IpAddresses) Read(byte[] extensionValue, bool critical)
    {
        if (TryReadPlain(extensionValue) is { } plain)
            return plain;
        var san = new X509SubjectAlternativeNameExtension(extensionValue, critical);
        return (CertificateInfo.DnsNamesOf(san), CertificateInfo.IpAddressesOf(san));
    }

    private static (string[], IPAddress[])? TryReadPlain(byte[] extensionValue)
    {
        try
        {
            var reader = new AsnReader(extensionValue, AsnEncodingRules.DER);
            var names = reader.ReadSequence();
            if (reader.HasData)
                return null;
            var dnsNames = new List<string>();
            var ipAddresses = new List<IPAddress>();
            while (names.HasData)
            {
                var tag = names.PeekTag();
                if (tag == DnsNameTag)
                {
                    dnsNames.Add(CertificateInfo.NormaliseDnsName(names.ReadCharacterString(UniversalTagNumber.IA5String, DnsNameTag)));
                }
                else if (tag == IpAddressTag)
                {
                    var address = names.ReadOctetString(IpAddressTag);
                    if (address.Length is not (4 or 16))
                        return null;
                    ipAddresses.Add(new IPAddress(address));
                }
                else
                {
                    return null;
                }
            }

            return ([.. dnsNames], [.. ipAddresses]);
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
