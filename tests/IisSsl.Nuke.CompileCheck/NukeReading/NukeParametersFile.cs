using System.Reflection;
using Newtonsoft.Json.Linq;
using Nuke.Common;
using Nuke.Common.IO;

namespace IisSsl.Nuke.CompileCheck.NukeReading;

/// <summary>
/// How Nuke 10.1 reads a parameter from <c>.nuke/parameters.json</c>
/// (source/Nuke.Build/Execution/Extensions/ArgumentsFromParametersFileAttribute.cs), with Newtonsoft.Json as Nuke
/// does: the property of exactly the parameter's name; for a parameter whose type is or holds AbsolutePath, the JSON
/// value read as ONE string and made absolute under the root directory (so an array fails, and a string does not make
/// an AbsolutePath[]); for a [Secret], the value decrypted with the profile's password; anything else converted to
/// the asked type by Newtonsoft (a JSON array to string[]).
/// </summary>
internal static class NukeParametersFile
{
    public static object? Read(INukeBuild build, NukeInvocation invocation, PropertyInfo member, string name, Type destinationType)
    {
        var property = invocation.ParametersFile?.Property(name, StringComparison.Ordinal);
        if (property is null)
            return null;

        if (NukeParameterService.IsPath(member.PropertyType))
        {
            var path = property.Value.ToObject<string>()!;
            return Path.IsPathRooted(path) ? (AbsolutePath)path : build.RootDirectory / path;
        }

        if (member.GetCustomAttribute<SecretAttribute>() is not null)
            return invocation.Decrypt(name, property.Value.ToObject<string>()!);

        return property.Value.ToObject(destinationType);
    }
}
