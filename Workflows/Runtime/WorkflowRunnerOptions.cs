namespace Chamber.Workflows.Runtime;

public sealed class WorkflowRunnerOptions
{
    /// <summary>
    /// Activity executions allowed in one slice before the instance faults as a runaway loop. The
    /// validator rejects cycles with no way out; this catches the ones that only spin at run time.
    /// </summary>
    public int MaxStepsPerSlice { get; set; } = 1_000_000;
}
