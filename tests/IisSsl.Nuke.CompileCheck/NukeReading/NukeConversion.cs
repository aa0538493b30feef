using System.ComponentModel;
using System.Globalization;

namespace IisSsl.Nuke.CompileCheck.NukeReading;

/// <summary>
/// How Nuke 10.1 turns the strings of a command-line argument or an environment variable into a parameter's type
/// (source/Nuke.Utilities/Reflection/ReflectionUtility.Conversion.cs): each value through the element type's
/// TypeConverter (AbsolutePath's makes a relative path absolute under the working directory); no value is an empty
/// array, <c>true</c> for a switch on the command line (false from a variable), or null; several values only fit an array.
/// </summary>
internal static class NukeConversion
{
    public static object? Convert(IReadOnlyCollection<string> values, Type destinationType, bool booleanDefault)
    {
        var elementType = destinationType.IsArray ? destinationType.GetElementType()! : destinationType;
        if (values.Count == 0)
        {
            if (destinationType.IsArray)
                return Array.CreateInstance(elementType, 0);
            return destinationType == typeof(bool) || destinationType == typeof(bool?) ? booleanDefault : null;
        }

        var converted = values.Select(v => Convert(v, elementType)).ToList();
        if (!destinationType.IsArray)
        {
            return converted.Count == 1
                ? converted[0]
                : throw new InvalidOperationException($"Value [ {string.Join(", ", values)} ] cannot be assigned to '{destinationType.Name}'");
        }

        var array = Array.CreateInstance(elementType, converted.Count);
        for (var i = 0; i < converted.Count; i++)
            array.SetValue(converted[i], i);
        return array;
    }

    public static object? Convert(string value, Type destinationType)
    {
        if (destinationType.IsInstanceOfType(value))
            return value;
        try
        {
            return TypeDescriptor.GetConverter(destinationType).ConvertFromInvariantString(value);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"Value '{value}' could not be converted to '{destinationType.Name}'", exception);
        }
    }

    /// <summary>A type as Nuke asks for it: a value type made nullable (ReflectionUtility.GetNullableType).</summary>
    public static Type Nullable(Type type) =>
        !type.IsValueType || System.Nullable.GetUnderlyingType(type) is not null ? type : typeof(Nullable<>).MakeGenericType(type);

    /// <summary>The element of an array or collection, or the type under Nullable (ReflectionUtility.GetScalarType).</summary>
    public static Type Scalar(Type type) =>
        System.Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);

    public static object? DefaultValue(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

    public static string Invariant(object value) => System.Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
