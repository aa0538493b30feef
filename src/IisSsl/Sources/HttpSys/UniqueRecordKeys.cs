using IisSsl.Model;

namespace IisSsl.Sources.HttpSys;

/// <summary>
/// HTTP.SYS keys its records uniquely (one <c>ipport</c> per IP:port, one <c>hostnameport</c> per name:port, one
/// <c>ccs</c> per port), so a saved state that repeats a key was edited or pasted together: which of the two records
/// HTTP.SYS holds cannot be known, and the tool refuses it rather than keep either.
/// </summary>
internal sealed class UniqueRecordKeys(string source)
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    /// <exception cref="InvalidInputException"><paramref name="record"/>'s key was seen before; names both lines.</exception>
    public void Add(SslCertBinding record)
    {
        var line = record.Location?.Line ?? 0;
        var key = record.Key;
        if (!_lines.TryAdd(key, line))
        {
            throw new InvalidInputException(
                $"{key} appears twice (lines {_lines[key]} and {line}); HTTP.SYS holds one record per key, so this is not a state it can be in. "
                + "Save the output again in one piece (netsh http show sslcert > sslcert.txt, or iis-ssl snapshot)", source, line);
        }
    }
}
