using Nuke.Common;

namespace IisSsl.Nuke;

/// <summary>
/// Resolves the relative entries of a <c>string[]</c> path parameter the way Nuke resolves a single AbsolutePath:
/// against the working directory when the value came from the command line or an environment variable
/// (AbsolutePath's TypeConverter), and against the root directory when it came from <c>.nuke/parameters.json</c>
/// (ArgumentsFromParametersFileAttribute). Nuke looks in that order, so the first source that has the parameter is
/// the one that gave the value.
/// </summary>
internal static class ParameterPaths
{
    public static string[] Resolve(INukeBuild build, string parameterName, string[] values)
    {
        if (values.Length == 0)
            return values;
        string baseDirectory = EnvironmentInfo.HasArgument(parameterName) || InEnvironment(parameterName)
            ? EnvironmentInfo.WorkingDirectory
            : build.RootDirectory;
        return [.. values.Select(value => Path.GetFullPath(value, baseDirectory))];
    }

    // The lookup of Nuke's ParameterService.GetEnvironmentVariable: the exact name, else the one variable whose
    // letters and digits match the name's, alone or after NUKE (CERTS, NUKE_CERTS, ...).
    private static bool InEnvironment(string parameterName)
    {
        var variables = EnvironmentInfo.Variables;
        if (variables.ContainsKey(parameterName))
            return true;
        var trimmed = LettersAndDigits(parameterName);
        return variables.Keys.Count(key => LettersAndDigits(key).Equals(trimmed, StringComparison.OrdinalIgnoreCase)
            || LettersAndDigits(key).Equals("NUKE" + trimmed, StringComparison.OrdinalIgnoreCase)) == 1;
    }

    private static string LettersAndDigits(string name) => new([.. name.Where(char.IsLetterOrDigit)]);
}
