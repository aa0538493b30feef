namespace IisSsl.TestSupport;

/// <summary>Finds the repository root (the folder holding IisSslNuke.sln) from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Sample(string name, params string[] parts) => Path.Combine([Samples, name, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IisSslNuke.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("IisSslNuke.sln not found above " + AppContext.BaseDirectory);
    }
}
