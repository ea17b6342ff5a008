namespace Chamber.Workflows.Runtime;

public enum WorkflowStatus
{
    /// <summary>Created by a parent workflow and not started yet (runs after the parent's commit).</summary>
    Pending,
    Running,
    Suspended,
    Finished,
    Faulted,
    Cancelled,
}
