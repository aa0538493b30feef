// The repository's own build, and a worked example of the IisSsl Cake addin.
// Run through ./build.sh or build.cmd, which build the addin into artifacts/cake-addin first.
#r "../artifacts/cake-addin/IisSsl.dll"
#r "../artifacts/cake-addin/IisSsl.Cake.dll"

using IisSsl.Cake;
using IisSsl.Reporting;

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var solution = MakeAbsolute(File("../IisSslNuke.sln"));
var toolProject = MakeAbsolute(File("../src/IisSsl.Cli/IisSsl.Cli.csproj"));
var packages = MakeAbsolute(Directory("../artifacts/packages"));
var nukeProject = MakeAbsolute(File("../src/IisSsl.Nuke/IisSsl.Nuke.csproj"));

// Relative paths on the command line are relative to where ./build.sh was run, not to build/.
var callerDirectory = EnvironmentVariable("IIS_SSL_CALLER_DIR");
if (!string.IsNullOrEmpty(callerDirectory))
    Context.Environment.WorkingDirectory = callerDirectory;

bool Flag(string name) => HasArgument(name) && !string.Equals(Argument(name, "true"), "false", StringComparison.OrdinalIgnoreCase);

// Repeatable options accept "--certs a --certs b" and "--certs a,b".
IEnumerable<string> List(string name) =>
    Arguments<string>(name, Array.Empty<string>()).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

ReportFormat Format() => Enum.TryParse<ReportFormat>(Argument("format", "text"), ignoreCase: true, out var format)
    ? format
    : throw new CakeException(2, $"--format must be one of: {string.Join(", ", Enum.GetNames<ReportFormat>()).ToLowerInvariant()}.");

void ApplyReportOptions(ReportSettings settings)
{
    settings.Format = Format();
    if (HasArgument("output"))
        settings.Output = Argument<string>("output");
    settings.ExpiryWarningDays = Argument("expiry-warning-days", 30);
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
    .Description("Packs the iis-ssl dotnet tool into artifacts/packages (a ReadyToRun package per platform).")
    .Does(() => DotNetPack(toolProject.FullPath, new DotNetPackSettings { Configuration = configuration, OutputDirectory = packages }));

Task("EnsureSslHostHeaders")
    .Description("Applies the https host-header bindings and certificate bindings of --manifest (plan only with --dry-run).")
    .Does(() => EnsureSslHostHeaders(s =>
    {
        s.Manifest = Argument<string>("manifest", null) ?? throw new CakeException(2, "EnsureSslHostHeaders needs --manifest FILE.");
        if (HasArgument("iis-config")) s.IisConfig = Argument<string>("iis-config");
        if (HasArgument("sslcert")) s.SslCert = Argument<string>("sslcert");
        foreach (var dir in List("certs")) s.Certs.Add(dir);
        if (HasArgument("ccs")) s.Ccs = Argument<string>("ccs");
        if (HasArgument("backup-dir")) s.BackupDirectory = Argument<string>("backup-dir");
        s.DryRun = Flag("dry-run");
        s.RemoveStaleBindings = Flag("remove-stale");
        s.PfxPasswordVariable = Argument("pfx-password-env", s.PfxPasswordVariable);
        ApplyReportOptions(s);
    }));

Task("ReplaceSslCertificate")
    .Description("Moves every HTTP.SYS record serving --old to --new (thumbprint) or --new-pfx FILE (plan only with --dry-run).")
    .Does(() => ReplaceSslCertificate(s =>
    {
        s.Old = Argument<string>("old", null) ?? throw new CakeException(2, "ReplaceSslCertificate needs --old THUMBPRINT.");
        if (HasArgument("new")) s.New = Argument<string>("new");
        if (HasArgument("new-pfx")) s.NewPfx = Argument<string>("new-pfx");
        if (HasArgument("iis-config")) s.IisConfig = Argument<string>("iis-config");
        if (HasArgument("sslcert")) s.SslCert = Argument<string>("sslcert");
        foreach (var dir in List("certs")) s.Certs.Add(dir);
        if (HasArgument("ccs")) s.Ccs = Argument<string>("ccs");
        if (HasArgument("backup-dir")) s.BackupDirectory = Argument<string>("backup-dir");
        s.DryRun = Flag("dry-run");
        s.PfxPasswordVariable = Argument("pfx-password-env", s.PfxPasswordVariable);
        ApplyReportOptions(s);
    }));

Task("VerifyCertCoverage")
    .Description("Fails when the certificate HTTP.SYS presents does not cover every host name on its IP:Port.")
    .Does(() => VerifyCertCoverage(s =>
    {
        if (HasArgument("iis-config")) s.IisConfig = Argument<string>("iis-config");
        if (HasArgument("sslcert")) s.SslCert = Argument<string>("sslcert");
        foreach (var dir in List("certs")) s.Certs.Add(dir);
        if (HasArgument("ccs")) s.Ccs = Argument<string>("ccs");
        s.PfxPasswordVariable = Argument("pfx-password-env", s.PfxPasswordVariable);
        ApplyReportOptions(s);
    }));

Task("ProbeTlsEndpoints")
    .Description("Handshakes with every host name on every target, with and without SNI, and checks what is served.")
    .Does(() => ProbeTlsEndpoints(s =>
    {
        foreach (var t in List("targets")) s.Targets.Add(t);
        foreach (var h in List("hosts")) s.Hosts.Add(h);
        if (HasArgument("iis-config")) s.IisConfig = Argument<string>("iis-config");
        if (HasArgument("connect")) s.ConnectAddress = Argument<string>("connect");
        if (HasArgument("ca-bundle")) s.CaBundle = Argument<string>("ca-bundle");
        s.NoSniOnly = Flag("no-sni");
        s.Timeout = TimeSpan.FromSeconds(Argument("timeout", 5.0));
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
        s.PfxPasswordVariable = Argument("pfx-password-env", s.PfxPasswordVariable);
    }));

Task("Default")
    .Description("Builds and runs every test (and the Nuke components when IISSSL_NUKE=1).")
    .IsDependentOn("Test")
    .IsDependentOn("BuildNuke");

RunTarget(target);
