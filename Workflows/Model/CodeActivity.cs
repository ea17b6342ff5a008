using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Model;

/// <summary>An activity that runs to completion in one step and then continues on <c>Done</c>.</summary>
public abstract class CodeActivity : Activity
{
    public sealed override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        await ExecuteCodeAsync(context);
        if (context.Status == ActivityStatus.Running)
            await context.CompleteActivityAsync();
    }

    protected abstract ValueTask ExecuteCodeAsync(ActivityExecutionContext context);
}
