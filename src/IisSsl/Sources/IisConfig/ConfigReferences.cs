namespace IisSsl.Sources.IisConfig;

/// <summary>
/// Where the files an applicationHost.config leads to are, checked as IIS checks them: a section's
/// <c>configSource</c> (a file in the config's own folder or below it) and a redirection.config's shared
/// configuration (the applicationHost.config in the folder its <c>path</c> names). Each refusal is one
/// <see cref="InvalidInputException"/> naming the file and line that holds the reference.
/// </summary>
internal static class ConfigReferences
{
    /// <summary>IIS's file name in a shared configuration folder.</summary>
    public const string ApplicationHostFileName = "applicationHost.config";

    /// <summary>
    /// Where the sites a <paramref name="section"/> read from <paramref name="file"/> leads: null when they are in
    /// that file, else the file to read next and what it holds (the file a configSource names, or, unless
    /// <paramref name="redirected"/> already, the applicationHost.config a redirection.config points at).
    /// </summary>
    /// <exception cref="InvalidInputException">The reference cannot be followed, or the file leads to no sites section.</exception>
    public static (string Path, SitesDocument Document)? Next(SitesSection section, string file, bool redirected)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section.ConfigSource is { } reference)
            return (ConfigSourcePath(file, reference), SitesDocument.ConfigSource);
        if (section.SitesPosition is not null)
            return null;
        if (section.Redirection is { } redirection && !redirected)
            return (RedirectedPath(file, redirection), SitesDocument.ApplicationHost);
        throw NotApplicationHost(file);
    }

    /// <summary>The full path of the file <paramref name="reference"/> names, which exists.</summary>
    /// <exception cref="InvalidInputException">It is empty, absolute, outside the folder of <paramref name="file"/>, or missing.</exception>
    public static string ConfigSourcePath(string file, ConfigSourceReference reference)
    {
        var value = OperatingSystem.IsWindows() ? reference.Value : reference.Value.Replace('\\', '/');
        if (value.Trim().Length == 0)
            throw new InvalidInputException("<sites configSource=\"\"> names no file", file, reference.Line);
        if (Path.IsPathRooted(value) || value.Contains(':', StringComparison.Ordinal))
            throw new InvalidInputException($"<sites configSource=\"{reference.Value}\"> must be a path relative to this file's folder, as IIS requires", file, reference.Line);

        var folder = Path.GetFullPath(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".");
        var target = Path.GetFullPath(Path.Combine(folder, value));
        var within = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!target.StartsWith(within, comparison))
            throw new InvalidInputException($"<sites configSource=\"{reference.Value}\"> points outside this file's folder, which IIS does not allow", file, reference.Line);
        if (!File.Exists(target))
            throw new InvalidInputException($"<sites configSource=\"{reference.Value}\"> names {target}, which does not exist", file, reference.Line);
        return target;
    }

    /// <summary>The applicationHost.config an enabled shared configuration points at, which exists.</summary>
    /// <exception cref="InvalidInputException">Redirection is disabled, or its path is missing or cannot be reached from here.</exception>
    public static string RedirectedPath(string file, RedirectionElement redirection)
    {
        if (!IsEnabled(file, redirection))
        {
            throw new InvalidInputException(
                "this is an IIS redirection.config with shared configuration disabled: IIS reads the applicationHost.config beside it; pass that file to --config",
                file,
                redirection.Line);
        }

        var path = redirection.Path?.Trim() ?? string.Empty;
        if (path.Length == 0)
            throw new InvalidInputException("<configurationRedirection enabled=\"true\"> has no path: IIS cannot find the shared configuration", file, redirection.Line);

        var target = Path.IsPathRooted(path) ? Path.Combine(path, ApplicationHostFileName) : null;
        var found = target is null ? null : ExistingFile(target);
        return found ?? throw new InvalidInputException(
            $"shared configuration path '{path}' cannot be reached from here (no {ApplicationHostFileName} there); pass a copy of that applicationHost.config to --config",
            file,
            redirection.Line);
    }

    public static InvalidInputException NotApplicationHost(string file) =>
        new("not an applicationHost.config: the file has no system.applicationHost/sites section (pass IIS's applicationHost.config or its redirection.config)", file);

    // IIS reads enabled as a boolean: "true" or "false" in any case; absent is false.
    private static bool IsEnabled(string file, RedirectionElement redirection) => redirection.Enabled?.Trim() switch
    {
        null => false,
        var text when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        var text when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        var text => throw new InvalidInputException($"<configurationRedirection enabled=\"{text}\"> is neither true nor false", file, redirection.Line),
    };

    /// <summary>The file, or on a case-sensitive file system the one file of its folder whose name differs only in case (Windows names are not case-sensitive).</summary>
    private static string? ExistingFile(string path)
    {
        if (File.Exists(path))
            return path;
        var folder = Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
            return null;
        var name = Path.GetFileName(path);
        var matches = Directory.EnumerateFiles(folder)
            .Where(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase))
            .Take(2)
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
