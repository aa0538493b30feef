using System.ComponentModel;
using static IisSsl.Sources.HttpSys.HttpApi.Interop.HttpApi;

namespace IisSsl.Sources.HttpSys.HttpApi;

/// <summary>What a failed HTTP Server API call means, in words a user can act on.</summary>
internal static class HttpApiCall
{
    public static string Describe(uint error, string? thumbprint = null, string? storeName = null) => error switch
    {
        ERROR_ACCESS_DENIED => "access denied (error 5): run elevated (from an administrator prompt)",
        ERROR_FILE_NOT_FOUND => "no record (error 2)",
        ERROR_ALREADY_EXISTS => "the record already exists (error 183)",
        ERROR_INVALID_PARAMETER => "the parameter is incorrect (error 87): check the thumbprint, the store name and the key",
        ERROR_NO_SUCH_LOGON_SESSION =>
            $"the certificate {thumbprint} is not usable (error 1312): it must be in LocalMachine\\{(string.IsNullOrEmpty(storeName) ? "MY" : storeName)} with its private key",
        _ => $"Win32 error {error}{Message(error)}",
    };

    private static string Message(uint error) =>
        OperatingSystem.IsWindows() ? ": " + new Win32Exception((int)error).Message : string.Empty;
}
