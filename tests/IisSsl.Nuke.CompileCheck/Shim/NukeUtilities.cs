// SHIM, never shipped: Nuke.Common 10.1.0's AbsolutePath (source/Nuke.Utilities/IO/AbsolutePath.cs), Configure<T>
// (source/Nuke.Tooling/Configure.cs) and AddPair (source/Nuke.Utilities/Collections/Dictionary.AddKeyValue.cs).
#nullable disable
#pragma warning disable CA1019, CA1062, CA2225, CA1305, CS1591

namespace Nuke.Common.IO
{
    public class AbsolutePath
    {
        private readonly string _path;

        private AbsolutePath(string path)
        {
            _path = path;
        }

        public static implicit operator AbsolutePath(string path)
        {
            if (path is null)
                return null;
            if (!Path.IsPathRooted(path))
                throw new ArgumentException($"Path '{path}' must be rooted");
            return new AbsolutePath(Path.GetFullPath(path));
        }

        public static implicit operator string(AbsolutePath path) => path?.ToString();

        public static AbsolutePath operator /(AbsolutePath left, string right) => Path.Combine(left._path, right ?? string.Empty);

        public override string ToString() => _path;
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
