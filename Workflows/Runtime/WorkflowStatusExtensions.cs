namespace Chamber.Workflows.Runtime;

public static class WorkflowStatusExtensions
{
    /// <summary>Finished and Cancelled instances never run again (a Faulted one can be retried).</summary>
    public static bool IsTerminal(this WorkflowStatus status) => status is WorkflowStatus.Finished or WorkflowStatus.Cancelled;
}
