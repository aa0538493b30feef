using IisSsl.Model;

namespace IisSsl.Sources;

/// <summary>Chooses the sources for <see cref="VerifyOptions"/> and reads the server state. (Placeholder.)</summary>
public static class ServerStateLoader
{
    public static ServerState Load(VerifyOptions options) => throw new NotImplementedException();
}
