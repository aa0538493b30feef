// SHIM, never shipped: the members of Nuke.Common 10.1.0 that src/IisSsl.Nuke uses, with Nuke's signatures
// (source/Nuke.Build/INukeBuild.cs, ITargetDefinition.cs, Target.cs, ParameterAttribute.cs). Nuke is compiled
// without nullable annotations, hence "#nullable disable": the components see the same oblivious types here.
#nullable disable
#pragma warning disable CA1019, CA1813, CA1716, CA1040, CS1591

using System.Linq.Expressions;
using Nuke.Common.CI;
using Nuke.Common.Execution;
using Nuke.Common.IO;
using Nuke.Common.Tooling;

namespace Nuke.Common.Execution
{
    public class ExecutableTarget;
}

namespace Nuke.Common.CI
{
    public class Partition;
}

namespace Nuke.Common
{
    // Every public member, so that a component member hiding one of them fails here as it would against Nuke (CS0108).
    public interface INukeBuild
    {
        void ReportSummary(Configure<Dictionary<string, string>> configurator = null);

        IReadOnlyCollection<ExecutableTarget> ExecutionPlan { get; }
        IReadOnlyCollection<ExecutableTarget> InvokedTargets { get; }
        IReadOnlyCollection<ExecutableTarget> SkippedTargets { get; }
        IReadOnlyCollection<ExecutableTarget> ScheduledTargets { get; }
        IReadOnlyCollection<ExecutableTarget> RunningTargets { get; }
        IReadOnlyCollection<ExecutableTarget> AbortedTargets { get; }
        IReadOnlyCollection<ExecutableTarget> FailedTargets { get; }
        IReadOnlyCollection<ExecutableTarget> SucceededTargets { get; }
        IReadOnlyCollection<ExecutableTarget> FinishedTargets { get; }

        bool IsSucceeding { get; }
        bool IsFailing { get; }
        bool IsFinished { get; }
        int? ExitCode { get; set; }

        AbsolutePath RootDirectory { get; }
        AbsolutePath TemporaryDirectory { get; }
        AbsolutePath BuildAssemblyFile { get; }
        AbsolutePath BuildAssemblyDirectory { get; }
        AbsolutePath BuildProjectDirectory { get; }
        AbsolutePath BuildProjectFile { get; }

        Verbosity Verbosity { get; }
        Host Host { get; }
        bool Plan { get; }
        bool Help { get; }
        bool NoLogo { get; }
        bool IsLocalBuild { get; }
        bool IsServerBuild { get; }
        bool Continue { get; }
        Partition Partition { get; }

        T TryGetValue<T>(Expression<Func<T>> parameterExpression)
            where T : class;

        T TryGetValue<T>(Expression<Func<object>> parameterExpression);
    }

    public enum Verbosity
    {
        Quiet,
        Minimal,
        Normal,
        Verbose,
    }

    public class Host;

    public delegate ITargetDefinition Target(ITargetDefinition definition);

    public interface ITargetDefinition
    {
        ITargetDefinition Description(string description);

        ITargetDefinition Executes(params Action[] actions);

        ITargetDefinition Executes<T>(Func<T> action);

        ITargetDefinition Executes(Func<Task> action);

        ITargetDefinition Requires<T>(Expression<Func<T>> parameterRequirement, params Expression<Func<T>>[] parameterRequirements)
            where T : class;

        ITargetDefinition Requires<T>(Expression<Func<T?>> parameterRequirement, params Expression<Func<T?>>[] parameterRequirements)
            where T : struct;

        ITargetDefinition Requires(Expression<Func<bool>> requirement, params Expression<Func<bool>>[] requirements);

        ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets);

        ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets);
    }

    public class ParameterAttribute : Attribute
    {
        public ParameterAttribute(string description = null)
        {
            Description = description;
        }

        public virtual string Description { get; }

        public string Name { get; set; }

        public string Separator { get; set; }
    }

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
    public class SecretAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
    public class ParameterPrefixAttribute : Attribute
    {
        public ParameterPrefixAttribute(string prefix)
        {
            Prefix = prefix;
        }

        public string Prefix { get; }
    }
}
