using System.Text;
using IisSsl.Model;
using IisSsl.Reporting;

namespace IisSsl.Analysis;

/// <summary>
/// A specific-IP <c>ipport</c> record (<c>10.0.0.5:443</c>: another site bound to that address, Exchange, ADFS…) that
/// HTTP.SYS serves before the SNI and wildcard records of a <c>*</c> binding, for every client arriving on that IP
/// (documented: the exact IP:port record is looked up first, reference §4.1 and §11). The tool cannot know which
/// addresses DNS hands out for a host, so a shadowing record whose certificate names the host is a warning; one whose
/// certificate does not name it (or cannot be read) is an error. One finding per binding, naming a few of the
/// addresses and certificates and counting the rest, never one per address: a shared-hosting server has one such
/// finding per SNI host, so its size must not grow with the number of shadowing records.
/// </summary>
internal static class ShadowedByIpPortRule
{
    private const int MaxListedCertificates = 3;
    private const int MaxListedAddresses = 3;

    [ThreadStatic]
    private static StringBuilder? Builder;

    /// <summary>Raises the binding's finding, if any, and returns the worst status of the shadowed paths (null: nothing shadows it).</summary>
    public static (CoverageStatus Status, Handshake Served)? Apply(
        Site site, Binding binding, EndpointBindings at, IReadOnlyList<ServedPath> paths, ShadowingIpPorts shadowing,
        Func<CertificateInfo, HostName, bool> covers, List<Finding> findings)
    {
        if (binding.Host is not { } host || shadowing.Groups.Count == 0)
            return null;

        var verdicts = Verdicts.Of(host, paths, shadowing, covers);
        if (verdicts.Shadowing == 0)
            return null;

        var worst = verdicts.WorstFirst().First();
        var worstStatus = verdicts.StatusOf(worst)!.Value;
        var severity = worstStatus == CoverageStatus.Covered ? Severity.Warning : Severity.Error;
        findings.Add(new Finding(FindingCodes.ShadowedByIpPortRecord, severity, Message(at, binding, host, verdicts, severity),
            site.Name, at.Name, host.Value, binding.Location));
        return (worstStatus, shadowing.Groups[worst].Served);
    }

    private static string Message(EndpointBindings at, Binding binding, HostName host, Verdicts verdicts, Severity severity)
    {
        var who = binding.UsesSni ? $"Browsers sending SNI {host} to {at.Name}" : $"Clients of {host} on {at.Name}";
        // A shared-hosting server raises thousands of these: one builder per thread, not one per message.
        var text = (Builder ??= new StringBuilder(2048)).Clear().Append(who).Append(" that arrive on ");
        AppendAddresses(text, verdicts);
        text.Append(" get the certificate of that address's own ipport record, which HTTP.SYS serves before the SNI and wildcard records ")
            .Append("of a * binding for every client arriving on that IP: ");
        AppendCertificates(text, host, verdicts);
        text.Append('.');
        if (severity == Severity.Error)
        {
            return text.Append(" This check cannot know which addresses DNS hands out for ").Append(host.Value)
                .Append("; if ").Append(host.Value).Append(" can resolve to one of these, its clients get a certificate error or a failed handshake there. ")
                .Append("Fix it by binding a certificate that covers ").Append(host.Value)
                .Append(" to those records, by deleting the records, or by making sure ").Append(host.Value).Append(" never resolves to these addresses.")
                .ToString();
        }

        return text.Append(" That certificate names ").Append(host.Value)
            .Append(" but is not the one the binding's own records serve; this check cannot know which addresses DNS hands out for ").Append(host.Value)
            .Append(", so make sure it is the certificate intended there.")
            .ToString();
    }

    /// <summary>The first few shadowing addresses, worst certificate first, then how many more.</summary>
    private static void AppendAddresses(StringBuilder text, Verdicts verdicts)
    {
        var listed = 0;
        foreach (var group in verdicts.WorstFirst())
        {
            foreach (var record in verdicts.Groups[group].Records)
            {
                if (listed == MaxListedAddresses)
                    break;
                text.Append(listed++ == 0 ? "" : ", ").Append(record.Key);
            }

            if (listed == MaxListedAddresses)
                break;
        }

        if (verdicts.Addresses > listed)
            text.Append(" and ").Append(verdicts.Addresses - listed).Append(" more");
    }

    /// <summary>The certificates those addresses serve, worst first (at most a few, then how many more), each once.</summary>
    private static void AppendCertificates(StringBuilder text, HostName host, Verdicts verdicts)
    {
        var listed = 0;
        foreach (var group in verdicts.WorstFirst())
        {
            if (listed == MaxListedCertificates)
                break;
            var (served, records) = verdicts.Groups[group];
            text.Append(listed++ == 0 ? "" : "; ").Append(records[0].Key);
            if (records.Count > 1)
                text.Append(" and ").Append(records.Count - 1).Append(" more");
            if (served.Certificate is not { } certificate)
            {
                text.Append(": no usable certificate (").Append(served.MissingReason).Append(')');
                continue;
            }

            text.Append(records.Count == 1 ? " serves " : " serve ").Append(certificate.Subject).Append(" (thumbprint ").Append(certificate.Thumbprint).Append(')');
            if (verdicts.StatusOf(group) == CoverageStatus.NotCovered)
                text.Append(", which does not name ").Append(host.Value);
        }

        if (verdicts.Shadowing > listed)
            text.Append("; and ").Append(verdicts.Shadowing - listed).Append(" more certificate").Append(verdicts.Shadowing - listed == 1 ? "" : "s");
    }

    /// <summary>
    /// What each group of shadowing records means for one host: the groups serving a certificate the binding's own
    /// paths serve shadow nothing; the group of unreadable certificates is CertificateMissing; the groups whose
    /// certificate covers the host (found through the index) are Covered; every other group is NotCovered.
    /// </summary>
    private sealed class Verdicts
    {
        private readonly List<int> _own = [];
        private readonly List<int> _covered = [];
        private readonly ShadowingIpPorts _shadowing;

        private Verdicts(ShadowingIpPorts shadowing) => _shadowing = shadowing;

        public IReadOnlyList<CertificateResolver.ShadowingRecords> Groups => _shadowing.Groups;

        /// <summary>How many groups shadow the binding.</summary>
        public int Shadowing { get; private set; }

        /// <summary>How many specific-IP records shadow the binding.</summary>
        public int Addresses { get; private set; }

        public static Verdicts Of(HostName host, IReadOnlyList<ServedPath> paths, ShadowingIpPorts shadowing, Func<CertificateInfo, HostName, bool> covers)
        {
            var verdicts = new Verdicts(shadowing);
            foreach (var path in paths)
            {
                if (!path.IsShadowedBySpecificIp && path.Served.Certificate is { } certificate
                    && shadowing.GroupServing(certificate) is var own and >= 0 && !verdicts._own.Contains(own))
                    verdicts._own.Add(own);
            }

            foreach (var group in shadowing.Candidates(host))
            {
                if (!verdicts._own.Contains(group) && shadowing.Groups[group].Served.Certificate is { } certificate && covers(certificate, host))
                    verdicts._covered.Add(group);
            }

            verdicts.Shadowing = shadowing.Groups.Count - verdicts._own.Count;
            verdicts.Addresses = shadowing.RecordCount - verdicts._own.Sum(group => shadowing.Groups[group].Records.Count);
            return verdicts;
        }

        /// <summary>What the clients arriving on the records of <paramref name="group"/> get; null when the group shadows nothing.</summary>
        public CoverageStatus? StatusOf(int group) =>
            _own.Contains(group) ? null
            : group == _shadowing.Unreadable ? CoverageStatus.CertificateMissing
            : _covered.Contains(group) ? CoverageStatus.Covered
            : CoverageStatus.NotCovered;

        /// <summary>The shadowing groups, the worst status first, in record order within a status; stop early when listing a few.</summary>
        public IEnumerable<int> WorstFirst()
        {
            if (_shadowing.Unreadable is var unreadable and >= 0 && !_own.Contains(unreadable))
                yield return unreadable;
            for (var group = 0; group < Groups.Count; group++)
            {
                if (StatusOf(group) == CoverageStatus.NotCovered)
                    yield return group;
            }

            _covered.Sort();
            foreach (var group in _covered)
                yield return group;
        }
    }
}
