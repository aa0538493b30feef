// The repository's own build, and a worked example of the IisSsl Cake addin.
// Run through ./build.sh or build.cmd, which build the addin into artifacts/cake-addin first. The targets and the
// options each one takes are listed in build/targets.txt (./build.sh --help prints them).
#r "../artifacts/cake-addin/IisSsl.dll"
#r "../artifacts/cake-addin/IisSsl.Cake.dll"

using IisSsl.Cake;
using IisSsl.Execution;
using IisSsl.Reporting;

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var solution = MakeAbsolute(File("../IisSslNuke.sln"));
var toolProject = MakeAbsolute(File("../src/IisSsl.Cli/IisSsl.Cli.csproj"));
var addinProject = MakeAbsolute(File("../src/IisSsl.Cake/IisSsl.Cake.csproj"));
var packages = MakeAbsolute(Directory("../artifacts/packages"));
var nukeProject = MakeAbsolute(File("../src/IisSsl.Nuke/IisSsl.Nuke.csproj"));
var targetsTable = MakeAbsolute(File("targets.txt"));

// build.sh checks the options before building anything; this repeats the check for build.cmd and direct runs.
RefuseUnknownOptions(target, targetsTable.FullPath);

// Relative paths on the command line are relative to where ./build.sh was run, not to build/.
var callerDirectory = EnvironmentVariable("IIS_SSL_CALLER_DIR");
if (!string.IsNullOrEmpty(callerDirectory))
    Context.Environment.WorkingDirectory = callerDirectory;

bool Flag(string name) => HasArgument(name) && !string.Equals(Argument(name, "true"), "false", StringComparison.OrdinalIgnoreCase);

// Repeatable options accept "--certs a --certs b" and "--certs a,b".
IEnumerable<string> List(string name) =>
    Arguments<string>(name, Array.Empty<string>()).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

T Number<T>(string name, T fallback) where T : struct, IParsable<T>
{
    if (!HasArgument(name))
        return fallback;
    var text = Argument<string>(name);
    return T.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value)
        ? value
        : throw new CakeException(2, $"--{name} '{text}' is not a number.");
}

CommandShell Shell() => Enum.GetNames<CommandShell>().FirstOrDefault(n => n.Equals(Argument("shell", "cmd"), StringComparison.OrdinalIgnoreCase)) is { } name
    ? Enum.Parse<CommandShell>(name)
    : throw new CakeException(2, $"--shell '{Argument<string>("shell")}' is not one of: cmd, powershell.");

ReportFormat Format() => Enum.GetNames<ReportFormat>().FirstOrDefault(n => n.Equals(Argument("format", "text"), StringComparison.OrdinalIgnoreCase)) is { } name
    ? Enum.Parse<ReportFormat>(name)
    : throw new CakeException(2, $"--format '{Argument<string>("format")}' is not one of: {string.Join(", ", Enum.GetNames<ReportFormat>()).ToLowerInvariant()}.");

void ApplyReportOptions(ReportSettings settings)
{
    settings.Format = Format();
    if (HasArgument("output"))
        settings.Output = Argument<string>("output");
    settings.ExpiryWarningDays = Number("expiry-warning-days", 30);
}

void ApplyServerOptions(ServerSettings settings)
{
    if (HasArgument("iis-config")) settings.IisConfig = Argument<string>("iis-config");
    if (HasArgument("sslcert")) settings.SslCert = Argument<string>("sslcert");
    foreach (var dir in List("certs")) settings.Certs.Add(dir);
    if (HasArgument("ccs")) settings.Ccs = Argument<string>("ccs");
    settings.PfxPasswordEnv = Argument("pfx-password-env", settings.PfxPasswordEnv);
    ApplyReportOptions(settings);
}

Task("Build")
    .Description("Builds the solution.")
    .Does(() => DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration }));

Task("Test")
    .Description("Runs every test (the same command as .ci/run).")
    .IsDependentOn("Build")
    .Does(() => DotNetTest(solution.FullPath, new DotNetTestSettings { Configuration = configuration, NoBuild = true }));

// Nuke.Common cannot be restored everywhere (not in this project's CI), so the Nuke components are built only
// where the switch says it can: IISSSL_NUKE=1. Their compile check against a shim runs with the tests either way.
Task("BuildNuke")
    .Description("Builds and packs the Nuke components (only when IISSSL_NUKE=1: needs Nuke.Common from NuGet).")
    .WithCriteria(() => EnvironmentVariable("IISSSL_NUKE") == "1", "IISSSL_NUKE is not 1")
    .Does(() =>
    {
        DotNetBuild(nukeProject.FullPath, new DotNetBuildSettings { Configuration = configuration });
        DotNetPack(nukeProject.FullPath, new DotNetPackSettings { Configuration = configuration, NoBuild = true, OutputDirectory = packages });
    });

// One `dotnet pack` writes the pointer package IisSsl.Cli and one package per platform (ReadyToRun, framework-dependent),
// plus IisSsl.Cli.any for the rest: see ToolPackageRuntimeIdentifiers in src/IisSsl.Cli/IisSsl.Cli.csproj.
Task("Pack")
    .Description("Packs the iis-ssl tool (a ReadyToRun package per platform), the Cake addin and the Nuke components into artifacts/packages.")
    .IsDependentOn("BuildNuke")
    .Does(() =>
    {
        DotNetPack(toolProject.FullPath, new DotNetPackSettings { Configuration = configuration, OutputDirectory = packages });
        DotNetPack(addinProject.FullPath, new DotNetPackSettings { Configuration = configuration, OutputDirectory = packages });
    });

Task("EnsureSslHostHeaders")
    .Description("Applies the https host-header bindings and certificate bindings of --manifest (plan only with --dry-run).")
    .Does(() => EnsureSslHostHeaders(s =>
    {
        s.Manifest = Argument<string>("manifest", null) ?? throw new CakeException(2, "EnsureSslHostHeaders needs --manifest FILE.");
        ApplyServerOptions(s);
        if (HasArgument("backup-dir")) s.BackupDir = Argument<string>("backup-dir");
        s.DryRun = Flag("dry-run");
        s.RemoveStale = Flag("remove-stale");
        s.Shell = Shell();
    }));

Task("ReplaceSslCertificate")
    .Description("Moves every HTTP.SYS record serving --old to --new (thumbprint) or --new-pfx FILE (plan only with --dry-run).")
    .Does(() => ReplaceSslCertificate(s =>
    {
        s.Old = Argument<string>("old", null) ?? throw new CakeException(2, "ReplaceSslCertificate needs --old THUMBPRINT.");
        if (HasArgument("new")) s.New = Argument<string>("new");
        if (HasArgument("new-pfx")) s.NewPfx = Argument<string>("new-pfx");
        if (HasArgument("backup-dir")) s.BackupDir = Argument<string>("backup-dir");
        s.DryRun = Flag("dry-run");
        s.Shell = Shell();
        ApplyServerOptions(s);
    }));

Task("VerifyCertCoverage")
    .Description("Fails when the certificate HTTP.SYS presents does not cover every host name on its IP:Port.")
    .Does(() => VerifyCertCoverage(s => ApplyServerOptions(s)));

Task("ProbeTlsEndpoints")
    .Description("Handshakes with every host name on every target, with and without SNI, and checks what is served.")
    .Does(() => ProbeTlsEndpoints(s =>
    {
        foreach (var t in List("targets")) s.Targets.Add(t);
        foreach (var h in List("hosts")) s.Hosts.Add(h);
        if (HasArgument("iis-config")) s.IisConfig = Argument<string>("iis-config");
        if (HasArgument("connect")) s.Connect = Argument<string>("connect");
        if (HasArgument("ca-bundle")) s.CaBundle = Argument<string>("ca-bundle");
        s.NoSni = Flag("no-sni");
        s.Timeout = TimeSpan.FromSeconds(Number("timeout", 5.0));
        s.Concurrency = Number("concurrency", s.Concurrency);
        if (HasArgument("expect-status")) s.ExpectStatus = Number("expect-status", 200);
        if (HasArgument("expect-body")) s.ExpectBody = Argument<string>("expect-body");
        ApplyReportOptions(s);
    }));

Task("SnapshotIisSslState")
    .Description("Writes HTTP.SYS's certificate bindings as a JSON snapshot (--output) that VerifyCertCoverage reads on any OS.")
    .Does(() => SnapshotIisSslState(s =>
    {
        s.Output = Argument<string>("output", null) ?? throw new CakeException(2, "SnapshotIisSslState needs --output FILE.");
        if (HasArgument("sslcert")) s.SslCert = Argument<string>("sslcert");
        if (HasArgument("iis-config")) s.IisConfig = Argument<string>("iis-config");
        foreach (var dir in List("certs")) s.Certs.Add(dir);
        if (HasArgument("certs-out")) s.CertsOut = Argument<string>("certs-out");
        s.PfxPasswordEnv = Argument("pfx-password-env", s.PfxPasswordEnv);
    }));

Task("Default")
    .Description("Builds and runs every test (and the Nuke components when IISSSL_NUKE=1).")
    .IsDependentOn("Test")
    .IsDependentOn("BuildNuke");

// Cake reports a failing task as a CakeReportException, whose exit code is always 1; the task's own CakeException
// carries the documented one (1 findings, 2 bad input), so that is the one the build exits with.
try
{
    RunTarget(target);
}
catch (CakeReportException failure) when (failure.InnerException is CakeException task)
{
    throw new CakeException(task.ExitCode, task.Message);
}

// Refuses options build/targets.txt does not list for this target (exit code 2), naming them.
void RefuseUnknownOptions(string targetName, string tablePath)
{
    var rows = System.IO.File.ReadAllLines(tablePath)
        .Where(line => line.Length > 0 && line[0] != '#')
        .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
        .ToList();
    var known = rows.Where(r => r[0] == "target").Select(r => r[1]).FirstOrDefault(t => t.Equals(targetName, StringComparison.OrdinalIgnoreCase))
        ?? throw new CakeException(2, $"unknown target '{targetName}' (targets: {string.Join(' ', rows.Where(r => r[0] == "target").Select(r => r[1]))}).");
    var accepted = rows
        .Where(r => r[0] == "option" && (r[1] == "*" || r[1].Split(',').Contains(known)))
        .Select(r => r[2].Split(' ')[0].TrimStart('-'))
        .Append("target")
        .ToHashSet(StringComparer.OrdinalIgnoreCase);
    var unknown = Context.Arguments.GetArguments().Keys.Where(name => !accepted.Contains(name)).Select(name => "--" + name).ToList();
    if (unknown.Count > 0)
        throw new CakeException(2, $"unknown option(s) {string.Join(", ", unknown)} for {known} (it takes: {string.Join(' ', accepted.Where(a => a != "target").Select(a => "--" + a))}).");
}
