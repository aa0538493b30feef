namespace IisSsl.Sources.HttpSys.HttpApi;

/// <summary>
/// One HTTP_SERVICE_CONFIG_SSL_PARAM_EX of a record, for the two property types whose union holds plain numbers
/// (the ones <c>netsh http show sslcert</c> prints under "Extended Properties").
/// </summary>
internal sealed record ExtendedProperty(int ParamType, ulong Flags, uint First, uint Second);
