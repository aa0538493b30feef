using System.Diagnostics;
using System.Text;
using IisSsl.TestSupport;

namespace IisSsl.Cli.Tests.Fuzz;

/// <summary>
/// A short, seeded fuzz run over every parser, through the command line as users meet it: applicationHost.config,
/// netsh text, the JSON snapshot, the manifest, certificate files and the arguments themselves. Every run must end in
/// exit 0, 1 or 2 (never an internal error or a hang), and a config the engine accepts must not lose an https
/// binding that an independent XmlReader sees. Longer runs: RELIABILITY.md (IIS_SSL_FUZZ_ITERATIONS, IIS_SSL_FUZZ_SEED).
/// </summary>
public sealed class ParserFuzzTests : IDisposable
{
    private const string PasswordVariable = "IIS_SSL_FUZZ_PFX_PASSWORD";
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
    private static readonly int Iterations = Setting("IIS_SSL_FUZZ_ITERATIONS", 40);
    private static readonly int Seed = Setting("IIS_SSL_FUZZ_SEED", 14);

    /// <summary>Wall-clock cap per parser for the in-suite run (the suite shares 2 loaded cores); a long run sets iterations instead.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(Setting("IIS_SSL_FUZZ_SECONDS", Iterations > 40 ? 86_400 : 6));

    private readonly TempDirectory _temp = new();

    public ParserFuzzTests() => Environment.SetEnvironmentVariable(PasswordVariable, "sample");

    public void Dispose() => _temp.Dispose();

    private static string SeedTwoSites(string name) => RepositoryPaths.Sample("seed-two-sites", name);

    [Fact]
    public async Task Mutated_iis_configs_end_in_0_1_or_2()
    {
        var stats = await Fuzz("config", File.ReadAllBytes(SeedTwoSites("applicationHost.config")), ".config",
            file => ["verify", "--config", file, "--sslcert", SeedTwoSites("sslcert.txt"), "--certs", SeedTwoSites("certs")]);
        Assert.Empty(stats.Failures);
    }

    [Fact]
    public async Task Mutated_iis_configs_that_keep_every_binding_element_lose_no_https_binding()
    {
        var original = await File.ReadAllTextAsync(SeedTwoSites("applicationHost.config"));
        var drops = new List<string>();
        var stats = await Fuzz("config-oracle", Encoding.UTF8.GetBytes(original), ".config",
            file => ["verify", "--config", file, "--sslcert", SeedTwoSites("sslcert.txt"), "--certs", SeedTwoSites("certs")],
            mutate: (_, random) => Encoding.UTF8.GetBytes(Mutator.KeepingBindings(original, random)),
            check: (file, exitCode) =>
            {
                if (exitCode == 2 || HttpsBindingOracle.Expected(File.ReadAllBytes(file)) is not { } expected)
                    return;
                if (HttpsBindingOracle.Read(file) is { } read && read < expected)
                    drops.Add($"{Path.GetFileName(file)}: exit {exitCode}, read {read} https bindings, XmlReader sees {expected}");
            });
        Assert.Empty(stats.Failures);
        Assert.Empty(drops);
    }

    [Fact]
    public async Task Mutated_netsh_text_ends_in_0_1_or_2()
    {
        var stats = await Fuzz("netsh", File.ReadAllBytes(SeedTwoSites("sslcert.txt")), ".txt",
            file => ["verify", "--config", SeedTwoSites("applicationHost.config"), "--sslcert", file, "--certs", SeedTwoSites("certs")]);
        Assert.Empty(stats.Failures);
    }

    [Fact]
    public async Task Mutated_json_snapshots_end_in_0_1_or_2()
    {
        var json = $$"""
            { "version": 1, "sslCertBindings": [
              { "ipport": "0.0.0.0:443", "certificateHash": "01632d46a6666de9f440b704cfbfb62a61496a80", "certificateStoreName": "MY", "appId": "{4dc3e181-e14b-4a21-b022-59fc669b0914}", "settings": {} },
              { "hostnameport": "sitev2.mysite.com:443", "certificateHash": "01632d46a6666de9f440b704cfbfb62a61496a80", "certificateStoreName": "MY", "appId": "{4dc3e181-e14b-4a21-b022-59fc669b0914}" } ] }
            """;
        var stats = await Fuzz("snapshot", Encoding.UTF8.GetBytes(json), ".json",
            file => ["verify", "--config", SeedTwoSites("applicationHost.config"), "--sslcert", file, "--certs", SeedTwoSites("certs")]);
        Assert.Empty(stats.Failures);
    }

    [Fact]
    public async Task Mutated_manifests_end_in_0_1_or_2()
    {
        var stats = await Fuzz("manifest", File.ReadAllBytes(Manifest()), ".json",
            file => ["plan", "--manifest", file, "--config", _temp.Combine("ensure.config"), "--sslcert", _temp.Combine("absent.json"), "--certs", RepositoryPaths.Sample("ensure-from-http", "certs"), "--pfx-password-env", PasswordVariable]);
        Assert.Empty(stats.Failures);
    }

    [Fact]
    public async Task Mutated_certificate_files_end_in_0_1_or_2()
    {
        var der = File.ReadAllBytes(SeedTwoSites(Path.Combine("certs", "sitev1.cer")));
        var pem = Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks) + "\n-----END CERTIFICATE-----\n");
        var failures = new List<string>();
        foreach (var (name, seed) in new[] { ("cer", der), ("pem", pem) })
        {
            var stats = await Fuzz("certificate-" + name, seed, "/sitev1." + name, file => ["verify", "--config", SeedTwoSites("applicationHost.config"), "--sslcert", SeedTwoSites("sslcert.txt"), "--certs", Path.GetDirectoryName(file)!]);
            failures.AddRange(stats.Failures);
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Mutated_command_lines_end_in_0_1_or_2()
    {
        var config = _temp.Combine("args.config");
        File.Copy(SeedTwoSites("applicationHost.config"), config);
        string[][] seeds =
        [
            ["verify", "--config", config, "--sslcert", SeedTwoSites("sslcert.txt"), "--certs", SeedTwoSites("certs"), "--format", "json"],
            ["plan", "--manifest", Manifest(), "--config", _temp.Combine("ensure.config"), "--sslcert", _temp.Combine("absent.json"), "--certs", RepositoryPaths.Sample("ensure-from-http", "certs"), "--pfx-password-env", PasswordVariable],
        ];
        string[] words = ["--config", "--sslcert", "--certs", "--ccs", "--format", "--output", "--manifest", "--expiry-warning-days", "--pfx-password-env", "--remove-stale", "--help", "-h", "--", "-", "", " ", "x", "-1", "99999999999", "json", "sarif", "verify", "plan", _temp.Path];
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Iterations && clock.Elapsed < Budget; i++)
        {
            var random = new Random(Mutator.StableSeed(Seed, "args", i));
            var args = seeds[random.Next(seeds.Length)].ToList();
            for (var round = 1 + random.Next(3); round > 0; round--)
            {
                var at = random.Next(args.Count);
                switch (random.Next(4))
                {
                    case 0: args.RemoveAt(at); break;
                    case 1: args.Insert(at, words[random.Next(words.Length)]); break;
                    case 2: args.Insert(at, args[random.Next(args.Count)]); break;
                    default: (args[at], args[^1]) = (args[^1], args[at]); break;
                }

                if (args.Count == 0)
                    args.Add("verify");
            }

            var (exit, error) = await RunGuarded([.. args]);
            if (exit is not (0 or 1 or 2))
                failures.Add($"seed {Seed} args #{i}: exit {exit}: [{string.Join(", ", args)}] {error}");
        }

        Report("command-line", clock.Elapsed, Iterations, failures);
        Assert.Empty(failures);
    }

    private string Manifest()
    {
        var config = _temp.Combine("ensure.config");
        if (!File.Exists(config))
            File.Copy(RepositoryPaths.Sample("ensure-from-http", "applicationHost.config"), config);
        var manifest = _temp.Combine("manifest.json");
        if (!File.Exists(manifest))
        {
            File.WriteAllText(manifest, File.ReadAllText(RepositoryPaths.Sample("ensure-from-http", "https-san.json"))
                .Replace("IIS_SSL_PFX_PASSWORD", PasswordVariable, StringComparison.Ordinal)
                .Replace("certs/", RepositoryPaths.Sample("ensure-from-http", "certs") + "/", StringComparison.Ordinal));
        }

        return manifest;
    }

    private sealed record Stats(List<string> Failures);

    private async Task<Stats> Fuzz(string parser, byte[] seedInput, string suffix, Func<string, string[]> args,
        Func<byte[], Random, byte[]>? mutate = null, Action<string, int>? check = null)
    {
        mutate ??= Mutator.Mutate;
        var folder = _temp.CreateDirectory(parser);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var runs = 0;
        for (var i = 0; i < Iterations && clock.Elapsed < Budget; i++, runs++)
        {
            var random = new Random(Mutator.StableSeed(Seed, parser, i));
            var file = suffix.StartsWith('/') ? Path.Combine(folder, $"m{i}", suffix[1..]) : Path.Combine(folder, $"m{i}{suffix}");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, mutate(seedInput, random));
            var (exit, error) = await RunGuarded(args(file));
            if (exit is not (0 or 1 or 2))
                failures.Add($"{parser} seed {Seed} #{i} ({file}): exit {exit}: {error}");
            else
                check?.Invoke(file, exit);
        }

        Report(parser, clock.Elapsed, runs, failures);
        return new Stats(failures);
    }

    /// <summary>
    /// Runs the CLI in-process on a thread of its own; a run that does not finish within <see cref="Hang"/> is a hang
    /// (exit -1). Not on the thread pool: on a loaded machine a queued work item waited out the hang limit before it
    /// started, and a run that never began was counted as a hang.
    /// </summary>
    private static async Task<(int Exit, string Error)> RunGuarded(string[] args)
    {
        var run = Task.Factory.StartNew(() => Cli.Run(args), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            var result = await run.WaitAsync(Hang);
            return (result.ExitCode, FirstLines(result.Error));
        }
        catch (TimeoutException)
        {
            return (-1, "hang: no exit within " + Hang);
        }
    }

    private static string FirstLines(string text) => string.Join(" | ", text.Split('\n').Take(3));

    /// <summary>With IIS_SSL_FUZZ_REPORT set, appends "parser runs failures seconds" and each failure to that file (for RELIABILITY.md).</summary>
    private static void Report(string parser, TimeSpan elapsed, int runs, List<string> failures)
    {
        if (Environment.GetEnvironmentVariable("IIS_SSL_FUZZ_REPORT") is { Length: > 0 } report)
            File.AppendAllText(report, $"{parser}\truns={runs}\tfailures={failures.Count}\tseconds={elapsed.TotalSeconds:F1}\n" + string.Concat(failures.Select(f => $"  {f}\n")));
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
