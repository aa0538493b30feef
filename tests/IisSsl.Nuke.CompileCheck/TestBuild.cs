using System.Linq.Expressions;
using System.Reflection;
using IisSsl.Nuke.CompileCheck.NukeReading;
using Nuke.Common;
using Nuke.Common.CI;
using Nuke.Common.Execution;
using Nuke.Common.IO;
using Nuke.Common.Tooling;

namespace IisSsl.Nuke.CompileCheck;

/// <summary>
/// A user build with all five components. Its parameters are read from <paramref name="invocation"/> (command line,
/// environment, .nuke/parameters.json) the way Nuke 10.1 reads them (NukeReading/), so a wrong name, prefix or type
/// leaves a value unread or fails as it would in a real build.
/// </summary>
internal class TestBuild(NukeInvocation? invocation = null, string? rootDirectory = null)
    : IEnsureSslHostHeaders, IReplaceSslCertificate, IVerifyCertCoverage, IProbeTlsEndpoints, ISnapshotIisSslState
{
    public NukeInvocation Invocation { get; } = NukeInvocation.Current = invocation ?? new NukeInvocation();

    public Dictionary<string, string> Summary { get; } = [];

    public int? ExitCode { get; set; }

    public AbsolutePath RootDirectory { get; } = rootDirectory ?? Path.GetTempPath();

    // The rest of INukeBuild: state the components do not read.
    public IReadOnlyCollection<ExecutableTarget> ExecutionPlan => [];
    public IReadOnlyCollection<ExecutableTarget> InvokedTargets => [];
    public IReadOnlyCollection<ExecutableTarget> SkippedTargets => [];
    public IReadOnlyCollection<ExecutableTarget> ScheduledTargets => [];
    public IReadOnlyCollection<ExecutableTarget> RunningTargets => [];
    public IReadOnlyCollection<ExecutableTarget> AbortedTargets => [];
    public IReadOnlyCollection<ExecutableTarget> FailedTargets => [];
    public IReadOnlyCollection<ExecutableTarget> SucceededTargets => [];
    public IReadOnlyCollection<ExecutableTarget> FinishedTargets => [];
    public bool IsSucceeding => true;
    public bool IsFailing => false;
    public bool IsFinished => false;
    public AbsolutePath TemporaryDirectory => RootDirectory;
    public AbsolutePath BuildAssemblyFile => typeof(TestBuild).Assembly.Location;
    public AbsolutePath BuildAssemblyDirectory => AppContext.BaseDirectory;
    public AbsolutePath? BuildProjectDirectory => null;
    public AbsolutePath? BuildProjectFile => null;
    public Verbosity Verbosity => Verbosity.Normal;
    public Host Host { get; } = new();
    public bool Plan => false;
    public bool Help => false;
    public bool NoLogo => true;
    public bool IsLocalBuild => true;
    public bool IsServerBuild => false;
    public bool Continue => false;
    public Partition Partition { get; } = new();

    public void ReportSummary(Configure<Dictionary<string, string>>? configurator = null)
    {
        foreach (var (key, value) in configurator!(new Dictionary<string, string>()))
            Summary[key] = value;
    }

    public T TryGetValue<T>(Expression<Func<T>> parameterExpression)
        where T : class
    {
        NukeInvocation.Current = Invocation;
        return NukeParameterService.TryGetValue<T>(this, parameterExpression);
    }

    public T TryGetValue<T>(Expression<Func<object>> parameterExpression)
    {
        NukeInvocation.Current = Invocation;
        return NukeParameterService.TryGetValue<T>(this, parameterExpression);
    }

    public static string ParameterName(PropertyInfo member) => NukeParameterService.ParameterName(member);
}
