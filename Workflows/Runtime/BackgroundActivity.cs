namespace Chamber.Workflows.Runtime;

/// <summary>Elsa's runAsynchronously: the bookmark an activity waits on while its work runs as a background job.</summary>
public static class BackgroundActivity
{
    public const string BookmarkName = "Elsa.BackgroundActivity";
}

/// <summary>
/// Where the work of activities marked runAsynchronously runs (Hangfire in the Host). The engine
/// asks for a job only after the commit that created the bookmark, through a durable dispatch, so
/// a crash between the two asks again; a job resumes the bookmark, and one that finds it gone does nothing.
/// </summary>
public interface IBackgroundActivityQueue
{
    Task EnqueueAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken);
}
