namespace IisSsl.Nuke;

/// <summary>
/// Runs the one engine call a target makes: hands a <c>[Secret]</c> PFX password to the engine through the
/// environment variable it reads, and turns bad input into a one-line failure (exit code 2, like the CLI).
/// </summary>
internal static class EngineCall
{
    public static T Run<T>(IHazIisSslServer server, Func<T> call)
    {
        ExportPfxPassword(server);
        try
        {
            return call();
        }
        catch (InvalidInputException exception)
        {
            throw BadInput(server, exception);
        }
    }

    public static async Task<T> RunAsync<T>(IHazIisSslServer server, Func<Task<T>> call)
    {
        ExportPfxPassword(server);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (InvalidInputException exception)
        {
            throw BadInput(server, exception);
        }
    }

    // The engine reads passwords only from the environment; a password from Nuke's encrypted parameters joins it there.
    private static void ExportPfxPassword(IHazIisSslServer server)
    {
        if (server.PfxPassword is { Length: > 0 } password)
            Environment.SetEnvironmentVariable(server.PfxPasswordEnv, password);
    }

    private static TargetFailedException BadInput(IHazIisSslServer server, InvalidInputException exception)
    {
        server.ExitCode ??= 2;
        return new TargetFailedException(exception.Message, exception);
    }
}
