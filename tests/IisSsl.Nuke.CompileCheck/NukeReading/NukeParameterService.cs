using System.Linq.Expressions;
using System.Reflection;
using Nuke.Common;
using Nuke.Common.IO;

namespace IisSsl.Nuke.CompileCheck.NukeReading;

/// <summary>
/// How Nuke 10.1 finds a parameter's value, in order (source/Nuke.Build/Execution/ParameterService.cs,
/// ParameterAttribute.GetValue, ValueInjection/ValueInjectionAttributeBase.TryGetValue and
/// ValueInjectionUtility.TryGetValueWithCache):
/// the name is the interface's prefix plus the attribute's Name or the member's; the type asked for is the member's,
/// made nullable; the command line comes first, then environment variables, then <c>.nuke/parameters.json</c>
/// (<see cref="NukeParametersFile"/>). A failure while reading is a warning and the value is null; the value is then
/// cast to the type the member asked for, outside that guard, so a wrong type fails the build.
/// (Not mirrored: arguments from a git commit message, and Nuke's per-member cache.)
/// </summary>
internal static class NukeParameterService
{
    public static T TryGetValue<T>(INukeBuild build, LambdaExpression parameter)
    {
        var body = parameter.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : parameter.Body;
        var member = (PropertyInfo)((MemberExpression)body).Member;
        object? value;
        try
        {
            value = GetParameter(build, member, NukeConversion.Nullable(member.PropertyType));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            NukeInvocation.Current.Warnings.Add($"Could not inject value for {member.Name}: {exception.Message}");
            value = null;
        }

        return (T)value!;
    }

    public static string ParameterName(MemberInfo member) =>
        member.DeclaringType!.GetCustomAttribute<ParameterPrefixAttribute>()?.Prefix + (member.GetCustomAttribute<ParameterAttribute>()!.Name ?? member.Name);

    private static object? GetParameter(INukeBuild build, PropertyInfo member, Type destinationType)
    {
        var invocation = NukeInvocation.Current;
        var name = ParameterName(member);
        var separator = member.GetCustomAttribute<ParameterAttribute>()!.Separator?.SingleOrDefault();
        var fromCommandLine = invocation.Arguments.HasArgument(name) ? invocation.Arguments.GetNamedArgument(name, destinationType, separator) : null;
        return fromCommandLine
            ?? FromEnvironment(invocation, name, destinationType, separator)
            ?? NukeParametersFile.Read(build, invocation, member, name, destinationType);
    }

    // ParameterService.GetEnvironmentVariable: the exact name, else the one variable whose letters and digits match the
    // name's alone or after NUKE; a value is split only on the parameter's separator.
    private static object? FromEnvironment(NukeInvocation invocation, string name, Type destinationType, char? separator)
    {
        if (!invocation.Variables.TryGetValue(name, out var value))
        {
            var trimmed = LettersAndDigits(name);
            var matches = invocation.Variables
                .Where(v => LettersAndDigits(v.Key).Equals(trimmed, StringComparison.OrdinalIgnoreCase)
                    || LettersAndDigits(v.Key).Equals("NUKE" + trimmed, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (matches.Count > 1)
                invocation.Warnings.Add($"Could not resolve {name} since multiple values are provided");
            if (matches.Count != 1)
                return NukeConversion.DefaultValue(destinationType);
            value = matches[0].Value;
        }

        var values = (separator is { } split ? value.Split(split) : [value]).Where(v => !string.IsNullOrWhiteSpace(v)).ToArray();
        return NukeConversion.Convert(values, destinationType, booleanDefault: false);
    }

    private static string LettersAndDigits(string name) => new([.. name.Where(char.IsLetterOrDigit)]);

    internal static bool IsPath(Type type) => typeof(IAbsolutePathHolder).IsAssignableFrom(NukeConversion.Scalar(type));
}
