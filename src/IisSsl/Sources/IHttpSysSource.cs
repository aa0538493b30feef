using IisSsl.Model;

namespace IisSsl.Sources;

/// <summary>Where HTTP.SYS certificate records come from: saved netsh text, a JSON snapshot, or the live machine.</summary>
public interface IHttpSysSource
{
    /// <exception cref="InvalidInputException">The records cannot be read.</exception>
    HttpSysState Read();
}
