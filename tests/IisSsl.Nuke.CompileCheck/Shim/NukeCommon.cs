// SHIM, never shipped: the members of Nuke.Common 10.1.0 that src/IisSsl.Nuke uses, with Nuke's signatures
// (source/Nuke.Build/INukeBuild.cs, ITargetDefinition.cs, Target.cs, ParameterAttribute.cs). Nuke is compiled
// without nullable annotations, hence "#nullable disable": the components see the same oblivious types here.
#nullable disable
#pragma warning disable CA1019, CA1813, CA1716, CA1040, CS1591

using System.Linq.Expressions;
using Nuke.Common.IO;
using Nuke.Common.Tooling;

namespace Nuke.Common;

public interface INukeBuild
{
    void ReportSummary(Configure<Dictionary<string, string>> configurator = null);

    int? ExitCode { get; set; }

    AbsolutePath RootDirectory { get; }

    T TryGetValue<T>(Expression<Func<T>> parameterExpression)
        where T : class;

    T TryGetValue<T>(Expression<Func<object>> parameterExpression);
}

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
