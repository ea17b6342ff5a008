using Chamber.Campaigns;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Meetings;
using Chamber.Host.Auth;
using Chamber.Host.WorkflowApi;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Meetings;

/// <summary>Staff move a progress meeting that has not taken place yet; the chamber receives the update of its invitation.</summary>
public static class MeetingEndpoints
{
    public static void MapMeetingEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/workflow-instances/{id}/meetings/{activityId}/move", MoveAsync)
            .WithTags("Meetings").RequireAuthorization(Policies.Operate).AddEndpointFilter(FederationScope.InstanceFilter);

    // Everything the activity would refuse is refused here first: a bad move must not fault the campaign's instance.
    private static async Task<Results<Ok<InstanceEndpoints.InstanceRef>, ProblemHttpResult>> MoveAsync(string id, string activityId, MeetingMove? move,
        IWorkflowInstanceStore store, WorkflowRuntime runtime, BusinessCalendarService calendars, TimeProvider clock, CancellationToken ct)
    {
        if (move is null || string.IsNullOrWhiteSpace(move.Date))
            return Errors.Problems.BadRequest(ReaderText.Of("请给出新的日期", "Give the new date."));
        if (move.Location is { Length: > PlainText.MaxNameLength })
            return Errors.Problems.BadRequest(ReaderText.Of($"地点最长 {PlainText.MaxNameLength} 字", $"The place is at most {PlainText.MaxNameLength} characters."));
        DateTimeOffset start;
        try
        {
            start = MeetingSchedule.Start(move.Date, move.Time, await calendars.GetAsync(ct));
        }
        catch (FormatException e)
        {
            return Errors.Problems.BadRequest(e.Message);
        }

        if (start <= clock.GetUtcNow())
            return Errors.Problems.BadRequest(ReaderText.Of("新的会议时间已经过去", "The new time has already passed."));
        var instance = await store.LoadAsync(id, ct);
        var bookmark = instance?.State.Bookmarks.FirstOrDefault(b => b.ActivityId == activityId && b.Name == ProgressMeeting.MoveBookmark);
        if (bookmark is null)
            return Errors.Problems.NotFound(ReaderText.Of("这里没有还能改期的会议", "There is no meeting here that can still be moved."));
        var moved = new MeetingMove(move.Date.Trim(), move.Time?.Trim(), move.Location is null ? null : PlainText.OneLine(move.Location.Trim()));
        var result = await runtime.ResumeAsync(bookmark.Id, moved, ct);
        return TypedResults.Ok(new InstanceEndpoints.InstanceRef(result.InstanceId, result.Status));
    }
}
