namespace IisSsl.Sources.HttpSys.HttpApi;

internal static partial class Interop
{
    internal static class Libraries
    {
        internal const string HttpApi = "httpapi.dll";
    }
}
