using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Hangfire;

namespace Chamber.Host.Jobs;

/// <summary>
/// The Hangfire job of an activity that runs asynchronously: resumes its bookmark, which runs the
/// activity's work and then the rest of the workflow. A fault of the activity is the workflow's
/// (an incident, retried from the campaign or instance page); the job fails, and Hangfire retries
/// it, only when the engine could not run at all (the database was unreachable).
/// </summary>
public sealed class BackgroundActivityJob(WorkflowRuntime runtime, ILogger<BackgroundActivityJob> logger)
{
    public const string Queue = "workflows";

    [Queue(Queue)]
    [JobDisplayName("Run activity in background: instance {0}")]
    public async Task RunAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.ResumeAsync(new BookmarkLocation(bookmarkId, instanceId), preloaded: null, cancellationToken);
        }
        catch (Exception e) when (e is WorkflowConflictException or WorkflowNotFoundException)
        {
            // Done already (a job that came twice) or the instance was cancelled meanwhile.
            logger.LogInformation("Background activity {BookmarkId} of instance {InstanceId} has nothing left to do: {Reason}", bookmarkId, instanceId, e.Message);
        }
    }
}

/// <summary>Hands the engine's background activities to Hangfire.</summary>
internal sealed class HangfireActivityQueue(IBackgroundJobClient jobs) : IBackgroundActivityQueue
{
    public Task EnqueueAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken)
    {
        jobs.Enqueue<BackgroundActivityJob>(job => job.RunAsync(instanceId, bookmarkId, CancellationToken.None));
        return Task.CompletedTask;
    }
}
