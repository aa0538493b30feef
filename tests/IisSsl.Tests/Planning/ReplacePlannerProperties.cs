using System.Net;
using System.Security.Cryptography.X509Certificates;
using FsCheck.Xunit;
using IisSsl.Model;
using IisSsl.Planning;
using IisSsl.Sources;
using IisSsl.Sources.HttpSys;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Planning;

/// <summary>
/// replace on generated servers: host bindings on <c>*:443</c> and <c>10.0.0.5:443</c>, with and without SNI, over
/// <c>0.0.0.0:443</c>, <c>[::]:443</c>, <c>10.0.0.5:443</c> and hostnameport records that name OLD, another certificate
/// or nothing, owned by IIS or another application. What each client path is served is worked out here, independently
/// of the planner, from HTTP.SYS's order (the ipport record of the address a client arrives on, then hostnameport for
/// SNI clients, then <c>[::]</c> for IPv6 clients (inferred), then 0.0.0.0); a <c>*</c> binding's clients arriving on
/// 10.0.0.5 meet that address's record first.
/// </summary>
public sealed class ReplacePlannerProperties
{
    private static readonly string[] Hosts = ["a.mysite.com", "b.mysite.com", "c.mysite.com", "d.mysite.com", "e.mysite.com", "f.mysite.com"];
    private static readonly X509Certificate2 Old = TestCertificate.For(Hosts).Create();
    private static readonly X509Certificate2 Renewed = TestCertificate.For("*.mysite.com").Create();
    private static readonly X509Certificate2 Narrow = TestCertificate.For("a.mysite.com", "b.mysite.com").Create();
    private static readonly X509Certificate2 Other = TestCertificate.For("*.mysite.com").Create();
    private static readonly Guid ForeignAppId = Guid.Parse("0badf00d-0000-0000-0000-000000000001");

    private sealed record Generated(ServerState State, X509Certificate2 Replacement, IReadOnlySet<string> Uncovered);

    /// <summary>Each binding pick is a host, its site, its address and its SNI flag; record picks give each record's certificate and owner.</summary>
    private static Generated Generate(byte[] bindingPicks, byte[] recordPicks, bool narrow)
    {
        var builder = new ServerBuilder();
        var bindings = bindingPicks.DistinctBy(p => p % Hosts.Length)
            .Select(p => (Host: Hosts[p % Hosts.Length], Site: $"Site {p / 6 % 2}", Address: p / 12 % 2 == 0 ? "*" : "10.0.0.5", Sni: p / 24 % 2 == 1))
            .ToList();
        foreach (var site in bindings.GroupBy(b => b.Site))
            builder.Site(site.Key, [.. site.Select(b => $"https {b.Address}:443:{b.Host}{(b.Sni ? " 1" : string.Empty)}")]);

        string? Pick(int i, Action<X509Certificate2, Guid> add)
        {
            var pick = i < recordPicks.Length ? recordPicks[i] : 0;
            X509Certificate2? certificate = (pick % 3) switch { 1 => Old, 2 => Other, _ => null };
            if (certificate is not null)
                add(certificate, pick / 3 % 4 == 0 ? ForeignAppId : EnsurePlanner.IisAppId);
            return certificate?.Thumbprint;
        }

        var wildcard = Pick(0, (c, app) => builder.IpPort("0.0.0.0", 443, c, app));
        var specific = Pick(1, (c, app) => builder.IpPort("10.0.0.5", 443, c, app));
        var named = Hosts.Select((h, i) => (h, Pick(2 + i, (c, app) => builder.HostnamePort(h, 443, c, app)))).ToDictionary(x => x.h, x => x.Item2);
        var ipv6Default = Pick(2 + Hosts.Length, (c, app) => builder.IpPort("::", 443, c, app));

        var replacement = narrow ? Narrow : Renewed;
        var servedOld = new HashSet<string>();
        foreach (var (host, _, address, sni) in bindings)
        {
            // (with SNI, without SNI) for each way a client arrives at the binding.
            var arrivals = address == "10.0.0.5"
                ? [(specific ?? named[host] ?? wildcard, specific ?? wildcard)]
                : new List<(string?, string?)>
                {
                    (named[host] ?? wildcard, wildcard),                                 // IPv4 clients
                    (named[host] ?? ipv6Default ?? wildcard, ipv6Default ?? wildcard),   // IPv6 clients: [::] before 0.0.0.0
                    (specific, specific),                                                // clients arriving on 10.0.0.5: its own record first
                };
            if (arrivals.Any(a => a.Item1 == Old.Thumbprint || (!sni && a.Item2 == Old.Thumbprint)))
                servedOld.Add(host);
        }

        servedOld.UnionWith(named.Where(n => n.Value == Old.Thumbprint).Select(n => n.Key));
        var uncovered = narrow ? servedOld.Where(h => h is not ("a.mysite.com" or "b.mysite.com")).ToHashSet() : [];
        return new Generated(builder.Known(replacement).Build(), replacement, uncovered);
    }

    private static ResolvedCertificate New(X509Certificate2 certificate) => new("new", certificate.Thumbprint, "MY", CertificateInfo.From(certificate, "new", true));

    [Property(MaxTest = 300)]
    public bool A_replace_moves_exactly_what_served_the_old_certificate_or_is_refused_naming_every_uncovered_host(byte[] bindingPicks, byte[] recordPicks, bool narrow)
    {
        var generated = Generate(bindingPicks, recordPicks, narrow);
        var current = generated.State;

        var plan = ReplacePlanner.Plan(current, Old.Thumbprint, New(generated.Replacement));

        if (generated.Uncovered.Count > 0)
            return plan.Conflicts.Count == 1 && generated.Uncovered.All(h => plan.Conflicts[0].Contains(h, StringComparison.Ordinal));

        var before = current.HttpSys.Bindings;
        var after = plan.Predicted.HttpSys.Bindings;
        var servedBefore = ServedCertificate.Of(current);
        var servedAfter = ServedCertificate.Of(plan.Predicted).ToDictionary(p => p.Key);
        return plan.Conflicts.Count == 0
            && plan.ConfigEdits.Count == 0
            && ReferenceEquals(current.Configuration, plan.Predicted.Configuration)
            && before.Count == after.Count
            && before.Zip(after).All(pair => pair.First.Thumbprint == Old.Thumbprint
                ? pair.Second == pair.First with { Thumbprint = generated.Replacement.Thumbprint }
                : ReferenceEquals(pair.First, pair.Second))
            && servedBefore.All(p => servedAfter[p.Key].Thumbprint == (p.Thumbprint == Old.Thumbprint ? generated.Replacement.Thumbprint : p.Thumbprint))
            && ReplacePlanner.Plan(plan.Predicted, Old.Thumbprint, New(generated.Replacement)).IsEmpty;
    }

    [Property(MaxTest = 40)]
    public bool Through_the_workflow_a_refused_replace_writes_no_file_at_all_and_an_applied_one_leaves_no_record_on_the_old_certificate(
        byte[] bindingPicks, byte[] recordPicks, bool narrow)
    {
        var generated = Generate(bindingPicks, recordPicks, narrow);
        using var temp = new TempDirectory();
        var config = temp.Combine("applicationHost.config");
        File.Copy(RepositoryPaths.Sample("ensure-from-http", "applicationHost.config"), config);
        var snapshot = temp.Write("sslcert.json", HttpSysSnapshotFormat.Serialize(generated.State.HttpSys));
        var original = File.ReadAllBytes(snapshot);
        var services = EnsureServices.Default with
        {
            ReadConfig = _ => generated.State.Configuration,
            CertificateSources = _ => [new Known(Old, Renewed, Narrow, Other)],
        };
        var options = new ReplaceOptions
        {
            OldThumbprint = Old.Thumbprint,
            NewThumbprint = generated.Replacement.Thumbprint,
            IisConfigPath = config,
            SslCertPath = snapshot,
            BackupDirectory = temp.Combine("backups"),
        };

        var everything = Contents(temp);

        var result = ReplaceWorkflow.Run(options, services);

        var servedOld = generated.State.HttpSys.Bindings.Any(r => r.Thumbprint == Old.Thumbprint);
        return result.Outcome switch
        {
            EnsureOutcome.Refused => generated.Uncovered.Count > 0 && RefusedPlanWritesNothingProperties.Same(everything, Contents(temp)) && !Directory.Exists(temp.Combine("backups")),
            EnsureOutcome.NoChanges => !servedOld && File.ReadAllBytes(snapshot).AsSpan().SequenceEqual(original),
            EnsureOutcome.Applied => generated.Uncovered.Count == 0 && servedOld
                && HttpSysSnapshotFormat.Parse(File.ReadAllText(snapshot), snapshot).Bindings.All(r => r.Thumbprint != Old.Thumbprint)
                && ReplaceWorkflow.Run(options, services).Outcome == EnsureOutcome.NoChanges,
            _ => false,
        };
    }

    /// <summary>Every file under <paramref name="folder"/> (config, snapshot, and any backup, lock or journal), by relative path.</summary>
    private static Dictionary<string, byte[]> Contents(TempDirectory folder) => Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(folder.Path, f), File.ReadAllBytes);

    private sealed class Known(params X509Certificate2[] certificates) : ICertificateSource
    {
        private readonly Dictionary<string, CertificateInfo> _byThumbprint = certificates.ToDictionary(c => c.Thumbprint, c => CertificateInfo.From(c, "known", true));

        public CertificateInfo? Find(string thumbprint, string storeName) => _byThumbprint.GetValueOrDefault(thumbprint);
    }
}
