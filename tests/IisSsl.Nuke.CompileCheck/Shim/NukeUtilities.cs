// SHIM, never shipped: Nuke.Common 10.1.0's AbsolutePath with its TypeConverter (source/Nuke.Utilities/IO/AbsolutePath.cs),
// EnvironmentInfo (source/Nuke.Utilities/EnvironmentInfo*.cs), Configure<T>
// (source/Nuke.Tooling/Configure.cs) and AddPair (source/Nuke.Utilities/Collections/Dictionary.AddKeyValue.cs).
#nullable disable
#pragma warning disable CA1019, CA1062, CA2225, CA1305, CS1591, CA1034, CA1033, CA1724

using IisSsl.Nuke.CompileCheck.NukeReading;

namespace Nuke.Common.IO
{
    public interface IAbsolutePathHolder
    {
        AbsolutePath Path { get; }
    }

    // As Nuke's: a relative string given on the command line or in an environment variable becomes a path under the
    // working directory (AbsolutePath.TypeConverter in source/Nuke.Utilities/IO/AbsolutePath.cs).
    [System.ComponentModel.TypeConverter(typeof(TypeConverter))]
    public class AbsolutePath : IAbsolutePathHolder
    {
        private readonly string _path;

        private AbsolutePath(string path)
        {
            _path = path;
        }

        AbsolutePath IAbsolutePathHolder.Path => this;

        public static implicit operator AbsolutePath(string path)
        {
            if (path is null)
                return null;
            if (!System.IO.Path.IsPathRooted(path))
                throw new ArgumentException($"Path '{path}' must be rooted");
            return new AbsolutePath(System.IO.Path.GetFullPath(path));
        }

        public static implicit operator string(AbsolutePath path) => path?.ToString();

        public static AbsolutePath operator /(AbsolutePath left, string right) => System.IO.Path.Combine(left._path, right ?? string.Empty);

        public override string ToString() => _path;

        public class TypeConverter : System.ComponentModel.TypeConverter
        {
            public override bool CanConvertFrom(System.ComponentModel.ITypeDescriptorContext context, Type sourceType) =>
                sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

            public override object ConvertFrom(System.ComponentModel.ITypeDescriptorContext context, System.Globalization.CultureInfo culture, object value) =>
                value switch
                {
                    string text when System.IO.Path.IsPathRooted(text) => (AbsolutePath)text,
                    string text => EnvironmentInfo.WorkingDirectory / text,
                    null => null,
                    _ => base.ConvertFrom(context, culture, value),
                };
        }
    }
}

namespace Nuke.Common.Tooling
{
    public delegate T Configure<T>(T options);
}

namespace Nuke.Common.Utilities.Collections
{
    public static class DictionaryExtensions
    {
        public static Dictionary<TKey, TValue> AddPair<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key, TValue value = default)
        {
            dictionary.Add(key, value);
            return dictionary;
        }

        public static Dictionary<TKey, string> AddPair<TKey, TValue>(this Dictionary<TKey, string> dictionary, TKey key, TValue value = default)
        {
            dictionary.Add(key, value.ToString());
            return dictionary;
        }
    }
}

namespace Nuke.Common
{
    // The members of Nuke's EnvironmentInfo the components read. The process the tests simulate (arguments,
    // variables, working directory) is a NukeInvocation; Nuke reads the real process's.
    public static class EnvironmentInfo
    {
        public static Nuke.Common.IO.AbsolutePath WorkingDirectory => NukeInvocation.Current.WorkingDirectory;

        public static IReadOnlyCollection<string> CommandLineArguments => NukeInvocation.Current.Arguments.Arguments;

        public static System.Collections.ObjectModel.ReadOnlyDictionary<string, string> Variables => NukeInvocation.Current.Variables.AsReadOnly();

        public static bool HasArgument(string name) => NukeInvocation.Current.Arguments.HasArgument(name);
    }
}
