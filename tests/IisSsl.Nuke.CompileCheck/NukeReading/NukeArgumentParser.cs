namespace IisSsl.Nuke.CompileCheck.NukeReading;

/// <summary>
/// How Nuke 10.1 reads a named command-line argument (source/Nuke.Utilities/ArgumentParser.cs): a name matches when
/// it equals the parameter's name once dashes are dropped, ignoring case; the last occurrence wins; its values are
/// the arguments after it up to the next one starting with '-'; with a separator, a single value is split on it.
/// </summary>
internal sealed class NukeArgumentParser(IReadOnlyList<string> arguments)
{
    public IReadOnlyList<string> Arguments { get; } = arguments;

    public static bool IsArgument(string value) => value.StartsWith('-');

    public bool HasArgument(string name) => IndexOf(name) >= 0;

    public object? GetNamedArgument(string name, Type destinationType, char? separator)
    {
        var index = IndexOf(name);
        if (index < 0)
            return NukeConversion.DefaultValue(destinationType);

        var values = Arguments.Skip(index + 1).TakeWhile(a => !IsArgument(a)).ToArray();
        if (values.Length > 1 && separator is { } several && values.Any(v => v.Contains(several, StringComparison.Ordinal)))
            throw new InvalidOperationException($"Argument '{name}' with value [ {string.Join(", ", values)} ] cannot be split with separator '{several}'");
        if (separator is { } split && values.Any(v => v.Contains(split, StringComparison.Ordinal)))
            values = values.Single().Split(split);
        return NukeConversion.Convert(values, destinationType, booleanDefault: true);
    }

    private int IndexOf(string name)
    {
        var wanted = name.Replace("-", string.Empty, StringComparison.Ordinal);
        for (var i = Arguments.Count - 1; i >= 0; i--)
        {
            if (IsArgument(Arguments[i]) && Arguments[i].Replace("-", string.Empty, StringComparison.Ordinal).Equals(wanted, StringComparison.OrdinalIgnoreCase))
                return i;
        }

        return -1;
    }
}
