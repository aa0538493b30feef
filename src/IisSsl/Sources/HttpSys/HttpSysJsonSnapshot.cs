using System.Text;
using IisSsl.Model;

namespace IisSsl.Sources.HttpSys;

/// <summary>
/// HTTP.SYS records kept in the project's JSON snapshot (docs/snapshot-format.md), read and written. A file that
/// does not exist yet (or is empty) is an empty HTTP.SYS, so apply can start a snapshot from nothing.
/// </summary>
public sealed class HttpSysJsonSnapshot(string path) : IHttpSysSource
{
    public string Path { get; } = path ?? throw new ArgumentNullException(nameof(path));

    public HttpSysState Read()
    {
        if (!File.Exists(Path))
            return HttpSysState.Empty(Path);
        return HttpSysSnapshotFormat.Parse(InputFile.ReadAllText(Path, "the HTTP.SYS snapshot"), Path);
    }

    /// <summary>Writes <paramref name="state"/> through a temporary file in the same folder, so a reader never sees half a snapshot.</summary>
    public void Write(HttpSysState state)
    {
        var full = System.IO.Path.GetFullPath(Path);
        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(temporary, HttpSysSnapshotFormat.Serialize(state), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        try
        {
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
