using System.Linq.Expressions;
using System.Reflection;
using Nuke.Common;
using Nuke.Common.CI;
using Nuke.Common.Execution;
using Nuke.Common.IO;
using Nuke.Common.Tooling;

namespace IisSsl.Nuke.CompileCheck;

/// <summary>
/// A user build with all four components. Parameter values come from <see cref="Parameters"/>, keyed by the
/// name Nuke resolves (interface prefix + member name), so a wrong name or prefix leaves a value unread.
/// </summary>
internal sealed class TestBuild : IEnsureSslHostHeaders, IReplaceSslCertificate, IVerifyCertCoverage, IProbeTlsEndpoints, ISnapshotIisSslState
{
    public Dictionary<string, object> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Summary { get; } = [];

    public int? ExitCode { get; set; }

    public AbsolutePath RootDirectory => Path.GetTempPath();

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
        where T : class => (T)Lookup(parameterExpression.Body)!;

    public T TryGetValue<T>(Expression<Func<object>> parameterExpression) =>
        (T)Lookup(parameterExpression.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : parameterExpression.Body)!;

    public static string ParameterName(PropertyInfo member) =>
        member.DeclaringType!.GetCustomAttribute<ParameterPrefixAttribute>()?.Prefix +
        (member.GetCustomAttribute<ParameterAttribute>()!.Name ?? member.Name);

    private object? Lookup(Expression body)
    {
        var member = (PropertyInfo)((MemberExpression)body).Member;
        return Parameters.GetValueOrDefault(ParameterName(member));
    }
}
