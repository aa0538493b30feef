namespace IisSsl;

public static partial class IisSslEngine
{
    /// <summary>EnsureSslHostHeaders, read-only: what apply would change, with the predicted verification. (Placeholder.)</summary>
    public static Planning.EnsureResult Plan(EnsureOptions options) => throw new NotImplementedException();

    /// <summary>EnsureSslHostHeaders: make the server match the manifest, or refuse and change nothing. (Placeholder.)</summary>
    public static Planning.EnsureResult Apply(EnsureOptions options) => throw new NotImplementedException();
}
