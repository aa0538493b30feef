using System.Diagnostics;
using System.Globalization;
using IisSsl;
using IisSsl.Tests.Probing;
using IisSsl.TestSupport;

// Probing N host names against one local TLS server with SNI: the engine (bounded concurrency) versus the
// sequential `openssl s_client -servername` loop people write by hand. Usage:
//   dotnet run -c Release --project benchmarks/IisSsl.Benchmarks.Probe -- [--hosts 1000] [--concurrency 16] [--server nginx|inprocess] [--no-openssl]
var hostCount = IntArg("--hosts", 1000);
var concurrency = IntArg("--concurrency", 16);
var serverKind = StringArg("--server", NginxServer.Executable is null ? "inprocess" : "nginx");
var runOpenSsl = !args.Contains("--no-openssl");

using var temp = new TempDirectory();
var authority = TestCertificate.Authority("Probe Benchmark CA").Create();
var wildcard = TestCertificate.For("*.bench.test").SignedBy(authority).ValidFor(days: 90).Create();
var caBundle = CertificateFiles.WritePem(authority, temp.Combine("ca.pem"));
var hosts = Enumerable.Range(0, hostCount).Select(i => $"h{i:0000}.bench.test").ToArray();

IAsyncDisposable? inProcess = null;
NginxServer? nginx = null;
string target;
if (serverKind == "nginx")
{
    nginx = NginxServer.Start(new NginxSite(null, wildcard, "ok"));
    target = nginx.Target;
}
else
{
    var server = SniTestServer.Start(new Dictionary<string, System.Security.Cryptography.X509Certificates.X509Certificate2>(), wildcard);
    inProcess = server;
    target = server.Target;
}

try
{
    Console.WriteLine($"server: {serverKind} at {target}; hosts: {hostCount}; engine concurrency: {concurrency}; cores: {Environment.ProcessorCount}");
    var options = new ProbeOptions { Targets = [target], Hosts = hosts, CaBundlePath = caBundle, MaxConcurrency = concurrency };

    await IisSslEngine.ProbeAsync(options with { Hosts = hosts[..Math.Min(20, hosts.Length)] }); // warm-up: JIT, TLS libraries
    var watch = Stopwatch.StartNew();
    var report = await IisSslEngine.ProbeAsync(options);
    var engine = watch.Elapsed;
    var covered = report.Endpoints.Sum(e => e.Hosts.Count(h => h.Status == IisSsl.Reporting.CoverageStatus.Covered));
    Console.WriteLine($"engine:  {hostCount + 1} handshakes in {engine.TotalSeconds:0.00} s ({(hostCount + 1) / engine.TotalSeconds:0} /s); covered {covered}/{hostCount}; passed {report.Passed}");

    if (!runOpenSsl)
        return 0;
    var list = temp.Write("hosts.txt", string.Join('\n', hosts) + "\n");
    var loop = $"while read h; do openssl s_client -connect {target} -servername \"$h\" </dev/null >/dev/null 2>&1; done < {list}";
    watch.Restart();
    using (var shell = Process.Start(new ProcessStartInfo("bash") { ArgumentList = { "-c", loop } })!)
        await shell.WaitForExitAsync();
    var openssl = watch.Elapsed;
    Console.WriteLine($"openssl: {hostCount} sequential s_client runs in {openssl.TotalSeconds:0.00} s ({hostCount / openssl.TotalSeconds:0} /s)");
    Console.WriteLine($"ratio:   the engine is {openssl.TotalSeconds / engine.TotalSeconds:0.0}x faster");
    return 0;
}
finally
{
    nginx?.Dispose();
    if (inProcess is not null)
        await inProcess.DisposeAsync();
}

int IntArg(string name, int fallback) => int.Parse(StringArg(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

string StringArg(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}
