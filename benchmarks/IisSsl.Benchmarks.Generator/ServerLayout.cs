using System.Globalization;
using System.Security.Cryptography;

namespace IisSsl.Benchmarks.Generator;

/// <summary>One <c>&lt;binding&gt;</c> to write: <c>sslFlags="1"</c> when <paramref name="Sni"/>.</summary>
internal sealed record PlannedBinding(string Protocol, string BindingInformation, bool Sni = false);

internal sealed record PlannedSite(string Name, int Id, IReadOnlyList<PlannedBinding> Bindings);

/// <summary>One HTTP.SYS record: <paramref name="Label"/> is netsh's "IP:port" or "Hostname:port".</summary>
internal sealed record PlannedRecord(string Label, string Key, string Thumbprint);

internal sealed record PlannedCertificate(string FileName, byte[] Der, string Thumbprint);

/// <summary>
/// The whole synthetic server, decided before anything is written: which sites use SNI, which shared IP each other
/// site sits on, its host names, the certificates and the HTTP.SYS records that point at them.
/// </summary>
internal sealed record ServerLayout(
    IReadOnlyList<PlannedSite> Sites,
    IReadOnlyList<PlannedRecord> Records,
    IReadOnlyList<PlannedCertificate> Certificates,
    int SniSites,
    int SharedIps,
    int UncoveredHosts)
{
    public const string HostingDomain = "hosting.example";

    public static ServerLayout Plan(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Sites);
        var random = new Random(options.Seed);
        var certificates = new SyntheticCertificateFactory(random);

        var order = Enumerable.Range(1, options.Sites).ToArray();
        random.Shuffle(order);
        var sniCount = (int)Math.Round(options.Sites * options.SniShare);
        var sharedCount = options.Sites - sniCount;
        var uncoveredCount = (int)Math.Round(sharedCount * options.UncoveredShare);
        var sni = order.Take(sniCount).ToHashSet();
        var uncovered = order.Skip(sniCount).Take(uncoveredCount).ToHashSet();
        var san = options.Shape == SharedCertificateShape.San;
        var sharedIps = san
            ? (sharedCount + GeneratorOptions.SanSitesPerSharedIp - 1) / GeneratorOptions.SanSitesPerSharedIp
            : sharedCount == 0 ? 0 : Math.Clamp((sharedCount + options.SitesPerSharedIp - 1) / options.SitesPerSharedIp, 1, options.MaxSharedIps);

        var planned = new List<PlannedCertificate>(sniCount + sharedIps + 1);
        var records = new List<PlannedRecord>(sniCount * GeneratorOptions.HttpsBindingsPerSite + sharedIps + 1);
        PlannedCertificate AddCertificate(string fileName, params string[] dnsNames)
        {
            var der = certificates.CreateDer(dnsNames);
            var certificate = new PlannedCertificate(fileName, der, Convert.ToHexString(SHA1.HashData(der)));
            planned.Add(certificate);
            return certificate;
        }

        var fallback = AddCertificate("default.cer", "default." + HostingDomain);
        records.Add(new PlannedRecord("IP:port", "0.0.0.0:443", fallback.Thumbprint));
        for (var ip = 1; !san && ip <= sharedIps; ip++)
        {
            var certificate = AddCertificate($"pool{ip}.cer", $"*.{PoolDomain(ip)}");
            records.Add(new PlannedRecord("IP:port", $"{SharedAddress(ip)}:443", certificate.Thumbprint));
        }

        // The SAN shape: each shared IP's certificate names the hosts on it that it covers, so it is planned after them.
        var covered = Enumerable.Range(0, sharedIps + 1).Select(_ => new List<string>()).ToArray();
        var nextIp = 0;

        var sites = new List<PlannedSite>(options.Sites);
        for (var id = 1; id <= options.Sites; id++)
        {
            string[] hosts;
            string address;
            if (sni.Contains(id))
            {
                var domain = $"customer{id}.example";
                hosts = [domain, "www." + domain, "shop." + domain, "api." + domain];
                address = "*";
                var certificate = AddCertificate($"customer{id}.cer", hosts);
                foreach (var host in hosts)
                    records.Add(new PlannedRecord("Hostname:port", host + ":443", certificate.Thumbprint));
            }
            else
            {
                // SAN: round robin, so each certificate stays at about SanSitesPerSharedIp sites' names.
                var ip = san ? (nextIp++ % sharedIps) + 1 : random.Next(1, sharedIps + 1);
                var pool = PoolDomain(ip);
                hosts = [$"site{id}.{pool}", $"www-site{id}.{pool}", $"shop-site{id}.{pool}", $"api-site{id}.{pool}"];
                if (uncovered.Contains(id))
                    hosts[^1] = $"www.shop{id}.example";
                covered[ip].AddRange(uncovered.Contains(id) ? hosts[..^1] : hosts);
                address = SharedAddress(ip);
            }

            var bindings = new List<PlannedBinding>(1 + GeneratorOptions.HttpsBindingsPerSite) { new("http", $"*:80:{hosts[0]}") };
            bindings.AddRange(hosts.Select(host => new PlannedBinding("https", $"{address}:443:{host}", Sni: address == "*")));
            sites.Add(new PlannedSite("site" + id.ToString("D5", CultureInfo.InvariantCulture), id, bindings));
        }

        for (var ip = 1; san && ip <= sharedIps; ip++)
        {
            var certificate = AddCertificate($"pool{ip}.cer", [.. covered[ip]]);
            records.Add(new PlannedRecord("IP:port", $"{SharedAddress(ip)}:443", certificate.Thumbprint));
        }

        return new ServerLayout(sites, records, planned, sniCount, sharedIps, uncoveredCount);
    }

    private static string PoolDomain(int ip) => $"pool{ip}.{HostingDomain}";

    private static string SharedAddress(int ip) => $"10.0.{(ip - 1) / 250}.{((ip - 1) % 250) + 1}";
}
