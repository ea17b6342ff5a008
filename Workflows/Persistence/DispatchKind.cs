namespace Chamber.Workflows.Persistence;

public enum DispatchKind
{
    /// <summary>Run a Pending instance (a child created by its parent's commit).</summary>
    RunInstance,

    /// <summary>Resume a bookmark with <see cref="DispatchRecord.Payload"/> as input (a parent whose child ended).</summary>
    ResumeBookmark,

    /// <summary>Cancel an instance (a child whose parent stopped waiting for it).</summary>
    CancelInstance,

    /// <summary>Run an activity marked runAsynchronously: hand its bookmark to the background job queue.</summary>
    RunInBackground,
}
