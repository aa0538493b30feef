using IisSsl.Probing;

namespace IisSsl.Cli;

/// <summary>
/// Shows how far a long probe run is on standard error: a line rewritten in place on a terminal, and a line per
/// tenth of the work when redirected (CI logs), so short runs stay quiet.
/// </summary>
internal sealed class ProgressLine(TextWriter error) : IProgress<ProbeProgress>
{
    private readonly object _gate = new();
    private readonly bool _interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
    private int _lastTenth = -1;
    private bool _wroteInPlace;

    public void Report(ProbeProgress value)
    {
        if (value.Total < 20)
            return;
        lock (_gate)
        {
            if (_interactive)
            {
                error.Write($"\rProbing {value.Completed}/{value.Total} {value.Current}".PadRight(78)[..78]);
                _wroteInPlace = true;
                return;
            }

            var tenth = value.Completed * 10 / value.Total;
            if (tenth == _lastTenth)
                return;
            _lastTenth = tenth;
            error.WriteLine($"Probing: {value.Completed}/{value.Total} handshakes done");
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            if (_wroteInPlace)
                error.WriteLine();
        }
    }
}
