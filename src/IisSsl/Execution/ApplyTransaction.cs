namespace IisSsl.Execution;

/// <summary>
/// Runs changes in order and remembers how to undo each one that completed. On failure, <see cref="Rollback"/> undoes
/// them newest first and reports, change by change, what could not be undone.
/// </summary>
internal sealed class ApplyTransaction(Action<string>? checkpoint = null)
{
    private readonly List<(string Description, Action Undo)> _done = [];

    public IReadOnlyList<string> Done => _done.Select(d => d.Description).ToArray();

    /// <summary>Runs <paramref name="change"/>; <paramref name="undo"/> is kept for rollback once it completed.</summary>
    public void Run(string description, Action change, Action undo)
    {
        checkpoint?.Invoke("before " + description);
        change();
        _done.Add((description, undo));
        checkpoint?.Invoke("after " + description);
    }

    /// <summary>Undoes every completed change, newest first; returns the ones that could not be undone, with why.</summary>
    public IReadOnlyList<string> Rollback()
    {
        var failures = new List<string>();
        for (var i = _done.Count - 1; i >= 0; i--)
        {
            try
            {
                _done[i].Undo();
            }
            catch (Exception e) when (e is ExecutionFailedException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                failures.Add($"{_done[i].Description}: not undone ({e.Message})");
            }
        }

        _done.Clear();
        return failures;
    }
}
