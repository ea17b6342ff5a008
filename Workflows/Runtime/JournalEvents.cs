namespace Chamber.Workflows.Runtime;

public static class JournalEvents
{
    public const string WorkflowStarted = "WorkflowStarted";
    public const string WorkflowResumed = "WorkflowResumed";
    public const string WorkflowSuspended = "WorkflowSuspended";
    public const string WorkflowFinished = "WorkflowFinished";
    public const string WorkflowFaulted = "WorkflowFaulted";
    public const string WorkflowCancelled = "WorkflowCancelled";
    public const string WorkflowRetried = "WorkflowRetried";
    public const string Started = "Started";
    public const string Completed = "Completed";
    public const string Faulted = "Faulted";
    public const string Cancelled = "Cancelled";
    public const string Suspended = "Suspended";
    public const string Resumed = "Resumed";
    public const string Message = "Message";
}
