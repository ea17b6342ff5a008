namespace Chamber.Workflows.Runtime;

public enum ActivityStatus
{
    Running,
    Completed,
    Faulted,
    Cancelled,
}
