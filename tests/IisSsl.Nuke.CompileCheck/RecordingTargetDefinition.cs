using System.Linq.Expressions;
using Nuke.Common;

namespace IisSsl.Nuke.CompileCheck;

/// <summary>Captures what a component's target declares, the way Nuke's TargetDefinition would receive it.</summary>
internal sealed class RecordingTargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }

    public List<Type> RunsAfter { get; } = [];

    public List<Type> RunsBefore { get; } = [];

    public List<string> Requirements { get; } = [];

    public List<Func<Task>> Actions { get; } = [];

    public static RecordingTargetDefinition Of(Target target)
    {
        var definition = new RecordingTargetDefinition();
        target(definition);
        return definition;
    }

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition Executes(params Action[] actions)
    {
        Actions.AddRange(actions.Select(action => (Func<Task>)(() =>
        {
            action();
            return Task.CompletedTask;
        })));
        return this;
    }

    public ITargetDefinition Executes<T>(Func<T> action) => Executes(() => { action(); });

    public ITargetDefinition Executes(Func<Task> action)
    {
        Actions.Add(action);
        return this;
    }

    public ITargetDefinition Requires<T>(Expression<Func<T>> parameterRequirement, params Expression<Func<T>>[] parameterRequirements)
        where T : class => Require([parameterRequirement, .. parameterRequirements]);

    public ITargetDefinition Requires<T>(Expression<Func<T?>> parameterRequirement, params Expression<Func<T?>>[] parameterRequirements)
        where T : struct => Require([parameterRequirement, .. parameterRequirements]);

    public ITargetDefinition Requires(Expression<Func<bool>> requirement, params Expression<Func<bool>>[] requirements) =>
        Require([requirement, .. requirements]);

    public ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets)
    {
        RunsBefore.Add(typeof(T));
        return this;
    }

    public ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets)
    {
        RunsAfter.Add(typeof(T));
        return this;
    }

    private RecordingTargetDefinition Require(IEnumerable<LambdaExpression> requirements)
    {
        Requirements.AddRange(requirements.Select(x => x.Body is MemberExpression member ? member.Member.Name : x.Body.ToString()));
        return this;
    }
}
