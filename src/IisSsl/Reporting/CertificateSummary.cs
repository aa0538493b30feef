using System.Globalization;
using IisSsl.Model;

namespace IisSsl.Reporting;

/// <summary>
/// The certificate facts a report shows. The JSON report writes them once per certificate (keyed by thumbprint) and
/// rows name the certificate by thumbprint, so a report never repeats a certificate's names for each host.
/// <c>Source</c> says where this certificate was read from (a file, a store, a probed target).
/// </summary>
public sealed record CertificateSummary(
    string Thumbprint,
    string Subject,
    IReadOnlyList<string> DnsNames,
    DateTimeOffset NotAfter,
    string? Source)
{
    public DateTimeOffset? NotBefore { get; init; }

    public IReadOnlyList<string> IpAddresses { get; init; } = [];

    public string? KeyAlgorithm { get; init; }

    public int? KeySize { get; init; }

    public string? SignatureAlgorithm { get; init; }

    /// <summary>Null when the source cannot tell (a .cer file, a probed server).</summary>
    public bool? HasPrivateKey { get; init; }

    /// <summary>Null when the certificate has no EKU extension (valid for any purpose).</summary>
    public bool? ServerAuthentication { get; init; }

    /// <summary>The finding codes of the certificate's own health (<c>CertificateExpired</c>, <c>WeakKey</c>...): none when healthy.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The summary of <paramref name="certificate"/> as read from <paramref name="source"/>, with its health problems.</summary>
    public static CertificateSummary Of(CertificateInfo certificate, string? source, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new CertificateSummary(certificate.Thumbprint, certificate.Subject, certificate.DnsNames, certificate.NotAfter, source)
        {
            NotBefore = certificate.NotBefore,
            IpAddresses = [.. certificate.IpAddresses.Select(a => a.ToString())],
            KeyAlgorithm = certificate.KeyAlgorithm,
            KeySize = certificate.KeySize,
            SignatureAlgorithm = certificate.SignatureAlgorithm,
            HasPrivateKey = certificate.HasPrivateKey,
            ServerAuthentication = certificate.ServerAuthentication,
            Problems = problems,
        };
    }

    /// <summary><c>a.com, b.com and 698 more</c>: a bounded list of the certificate's names for one line of a report.</summary>
    internal string NamesList(int shown = ReportText.MaxListedNames) => DnsNames.Count switch
    {
        0 => "no DNS names",
        var n when n <= shown => string.Join(", ", DnsNames),
        var n => $"{string.Join(", ", DnsNames.Take(shown))} and {(n - shown).ToString(CultureInfo.InvariantCulture)} more",
    };
}
