using System.Linq.Expressions;
using System.Reflection;
using Nuke.Common;
using Nuke.Common.IO;
using Nuke.Common.Tooling;

namespace IisSsl.Nuke.CompileCheck;

/// <summary>
/// A user build with all three components. Parameter values come from <see cref="Parameters"/>, keyed by the
/// name Nuke resolves (interface prefix + member name), so a wrong name or prefix leaves a value unread.
/// </summary>
internal sealed class TestBuild : IEnsureSslHostHeaders, IVerifyCertCoverage, IProbeTlsEndpoints
{
    public Dictionary<string, object> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Summary { get; } = [];

    public int? ExitCode { get; set; }

    public AbsolutePath RootDirectory => Path.GetTempPath();

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
