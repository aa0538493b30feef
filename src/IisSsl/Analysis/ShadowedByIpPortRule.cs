using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Analysis;

/// <summary>
/// A specific-IP <c>ipport</c> record (<c>10.0.0.5:443</c>: another site bound to that address, Exchange, ADFS…) that
/// HTTP.SYS serves before the SNI and wildcard records of a <c>*</c> binding, for every client arriving on that IP
/// (documented: the exact IP:port record is looked up first, reference §4.1 and §11). The tool cannot know which
/// addresses DNS hands out for a host, so a shadowing record whose certificate names the host is a warning; one whose
/// certificate does not name it (or cannot be read) is an error. One finding per binding, naming the addresses and
/// certificates (bounded), never one per address.
/// </summary>
internal static class ShadowedByIpPortRule
{
    private const int MaxListedCertificates = 3;

    /// <summary>Raises the binding's finding, if any, and returns the worst status of the shadowed paths (null: nothing shadows it).</summary>
    public static (CoverageStatus Status, Handshake Served)? Apply(
        Site site, Binding binding, EndpointBindings at, IReadOnlyList<ServedPath> paths, Func<CertificateInfo, HostName, bool> covers, List<Finding> findings)
    {
        if (binding.Host is not { } host)
            return null;

        List<(ServedPath Path, CoverageStatus Status)>? shadows = null;
        foreach (var path in paths)
        {
            if (!path.IsShadowedBySpecificIp || ServesTheBindingsOwnCertificate(path, paths))
                continue;
            var status = path.Served.Certificate is not { } certificate ? CoverageStatus.CertificateMissing
                : covers(certificate, host) ? CoverageStatus.Covered
                : CoverageStatus.NotCovered;
            (shadows ??= []).Add((path, status));
        }

        if (shadows is null)
            return null;

        // The worst first: the finding leads with what breaks clients.
        shadows.Sort(static (x, y) => Rank(y.Status).CompareTo(Rank(x.Status)));
        var worst = shadows[0];
        var severity = worst.Status == CoverageStatus.Covered ? Severity.Warning : Severity.Error;
        findings.Add(new Finding(FindingCodes.ShadowedByIpPortRecord, severity, Message(at, binding, host, shadows, severity),
            site.Name, at.Name, host.Value, binding.Location));
        return (worst.Status, worst.Path.Served);
    }

    private static bool ServesTheBindingsOwnCertificate(ServedPath shadow, IReadOnlyList<ServedPath> paths)
    {
        if (shadow.Served.Certificate is not { } certificate)
            return false;
        foreach (var path in paths)
        {
            if (!path.IsShadowedBySpecificIp && ReferenceEquals(path.Served.Certificate, certificate))
                return true;
        }

        return false;
    }

    private static string Message(EndpointBindings at, Binding binding, HostName host, List<(ServedPath Path, CoverageStatus Status)> shadows, Severity severity)
    {
        var addresses = new List<string>();
        foreach (var (path, _) in shadows)
            addresses.AddRange(path.Records!.Select(r => r.Key));
        var who = binding.UsesSni ? $"Browsers sending SNI {host} to {at.Name}" : $"Clients of {host} on {at.Name}";
        var groups = string.Join("; ", shadows.Take(MaxListedCertificates).Select(s => Group(s.Path, s.Status, host)));
        if (shadows.Count > MaxListedCertificates)
            groups += $"; and {shadows.Count - MaxListedCertificates} more certificate{(shadows.Count - MaxListedCertificates == 1 ? "" : "s")}";

        var head = $"{who} that arrive on {Describe.Names(addresses)} get the certificate of that address's own ipport record, "
            + $"which HTTP.SYS serves before the SNI and wildcard records of a * binding for every client arriving on that IP: {groups}.";
        return severity == Severity.Error
            ? $"{head} This check cannot know which addresses DNS hands out for {host}; if {host} can resolve to one of these, its clients get a certificate error or a failed handshake there. "
                + $"Fix it by binding a certificate that covers {host} to those records, by deleting the records, or by making sure {host} never resolves to these addresses."
            : $"{head} That certificate names {host} but is not the one the binding's own records serve; this check cannot know which addresses DNS hands out for {host}, "
                + "so make sure it is the certificate intended there.";
    }

    private static string Group(ServedPath path, CoverageStatus status, HostName host)
    {
        var records = Describe.Names(path.Records!.Select(r => r.Key).ToList());
        return status switch
        {
            CoverageStatus.CertificateMissing => $"{records}: no usable certificate ({path.Served.MissingReason})",
            CoverageStatus.NotCovered => $"{records} serve{(path.Records!.Count == 1 ? "s" : "")} {Describe.Certificate(path.Served.Certificate!)}, which does not name {host}",
            _ => $"{records} serve{(path.Records!.Count == 1 ? "s" : "")} {Describe.Certificate(path.Served.Certificate!)}",
        };
    }

    private static int Rank(CoverageStatus status) => status switch
    {
        CoverageStatus.CertificateMissing => 3,
        CoverageStatus.NotCovered => 2,
        _ => 1,
    };
}
