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
/// finding per SNI host, so its size must not grow with the number of shadowing records. One rule per endpoint
/// evaluation: it keeps its verdicts and its message builder for every binding of the endpoint.
/// </summary>
internal sealed class ShadowedByIpPortRule(Func<CertificateInfo, HostName, bool> covers)
{
    private const int MaxListedCertificates = 3;
    private const int MaxListedAddresses = 3;

    // A shared-hosting server checks thousands of bindings here: one set of verdicts and one builder, not one per binding.
    private readonly Verdicts _verdicts = new(covers);
    private StringBuilder? _builder;

    /// <summary>Raises the binding's finding, if any, and returns the worst status of the shadowed paths (null: nothing shadows it).</summary>
    public (CoverageStatus Status, Handshake Served)? Apply(
        Site site, Binding binding, EndpointBindings at, IReadOnlyList<ServedPath> paths, ShadowingIpPorts shadowing, List<Finding> findings)
    {
        if (binding.Host is not { } host || shadowing.Groups.Count == 0)
            return null;

        var verdicts = _verdicts;
        verdicts.Judge(host, paths, shadowing);
        if (verdicts.Shadowing == 0)
            return null;

        var worst = verdicts.WorstFirst[0];
        var worstStatus = verdicts.StatusOf(worst)!.Value;
        var severity = worstStatus == CoverageStatus.Covered ? Severity.Warning : Severity.Error;
        findings.Add(new Finding(FindingCodes.ShadowedByIpPortRecord, severity, Message(at, binding, host, verdicts, severity),
            site.Name, at.Name, host.Value, binding.Location));
        return (worstStatus, shadowing.Groups[worst].Served);
    }

    private string Message(EndpointBindings at, Binding binding, HostName host, Verdicts verdicts, Severity severity)
    {
        var text = (_builder ??= new StringBuilder(2048)).Clear();
        if (binding.UsesSni)
            text.Append("Browsers sending SNI ").Append(host.Value).Append(" to ").Append(at.Name);
        else
            text.Append("Clients of ").Append(host.Value).Append(" on ").Append(at.Name);
        text.Append(" that arrive on ");
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
        foreach (var group in verdicts.WorstFirst)
        {
            foreach (var key in verdicts.Groups[group].Keys)
            {
                if (listed == MaxListedAddresses)
                    break;
                text.Append(listed++ == 0 ? "" : ", ").Append(key);
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
        foreach (var group in verdicts.WorstFirst)
        {
            if (listed == MaxListedCertificates)
                break;
            var (served, records, keys) = verdicts.Groups[group];
            text.Append(listed++ == 0 ? "" : "; ").Append(keys[0]);
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
    /// certificate covers the host (found through the index) are Covered; every other group is NotCovered. Judged
    /// again for each binding, in the same lists.
    /// </summary>
    private sealed class Verdicts(Func<CertificateInfo, HostName, bool> covers)
    {
        // Each group holds at least one record, so a message that lists a few addresses and a few certificates
        // never reaches past this many groups.
        private const int MaxListedGroups = MaxListedAddresses > MaxListedCertificates ? MaxListedAddresses : MaxListedCertificates;

        private readonly List<int> _own = [];
        private readonly List<int> _covered = [];
        private readonly List<int> _candidates = [];
        private readonly List<int> _worstFirst = [];
        private ShadowingIpPorts _shadowing = ShadowingIpPorts.None;

        public IReadOnlyList<CertificateResolver.ShadowingRecords> Groups => _shadowing.Groups;

        /// <summary>How many groups shadow the binding.</summary>
        public int Shadowing { get; private set; }

        /// <summary>How many specific-IP records shadow the binding.</summary>
        public int Addresses { get; private set; }

        /// <summary>The first few shadowing groups (all a message lists), the worst status first, in record order within a status.</summary>
        public List<int> WorstFirst => _worstFirst;

        public void Judge(HostName host, IReadOnlyList<ServedPath> paths, ShadowingIpPorts shadowing)
        {
            (_shadowing, Shadowing, Addresses) = (shadowing, 0, 0);
            _own.Clear();
            _covered.Clear();
            _worstFirst.Clear();
            for (var i = 0; i < paths.Count; i++)
            {
                var path = paths[i];
                if (!path.IsShadowedBySpecificIp && path.Served.Certificate is { } certificate
                    && shadowing.GroupServing(certificate) is var own and >= 0 && !_own.Contains(own))
                    _own.Add(own);
            }

            shadowing.Candidates(host, _candidates);
            foreach (var group in _candidates)
            {
                if (!_own.Contains(group) && shadowing.Groups[group].Served.Certificate is { } certificate && covers(certificate, host))
                    _covered.Add(group);
            }

            Shadowing = shadowing.Groups.Count - _own.Count;
            Addresses = shadowing.RecordCount;
            foreach (var group in _own)
                Addresses -= shadowing.Groups[group].Records.Count;
            if (Shadowing > 0)
                ListWorstFirst();
        }

        /// <summary>What the clients arriving on the records of <paramref name="group"/> get; null when the group shadows nothing.</summary>
        public CoverageStatus? StatusOf(int group) =>
            _own.Contains(group) ? null
            : group == _shadowing.Unreadable ? CoverageStatus.CertificateMissing
            : _covered.Contains(group) ? CoverageStatus.Covered
            : CoverageStatus.NotCovered;

        private void ListWorstFirst()
        {
            if (_shadowing.Unreadable is var unreadable and >= 0 && !_own.Contains(unreadable))
                _worstFirst.Add(unreadable);
            for (var group = 0; group < Groups.Count && _worstFirst.Count < MaxListedGroups; group++)
            {
                if (StatusOf(group) == CoverageStatus.NotCovered)
                    _worstFirst.Add(group);
            }

            _covered.Sort();
            for (var i = 0; i < _covered.Count && _worstFirst.Count < MaxListedGroups; i++)
                _worstFirst.Add(_covered[i]);
        }
    }
}
