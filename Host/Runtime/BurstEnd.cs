namespace Chamber.Host.Runtime;

/// <summary>
/// Decides when a burst of work is over: true once for the first idle interval after busy ones,
/// then not again until the process has been busy again (an idle process is left alone).
/// </summary>
public sealed class BurstEnd(IdleMemoryOptions options)
{
    private bool _busySinceLast;

    /// <param name="cpu">Processor time the process used during the last interval of <see cref="IdleMemoryOptions.IdleFor"/>.</param>
    public bool IsOver(TimeSpan cpu)
    {
        if (cpu.TotalSeconds >= options.IdleFor.TotalSeconds * options.IdleCpuShare)
        {
            _busySinceLast = true;
            return false;
        }

        var over = _busySinceLast;
        _busySinceLast = false;
        return over;
    }
}
