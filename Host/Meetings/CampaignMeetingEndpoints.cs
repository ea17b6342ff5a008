using System.Security.Claims;
using Chamber.Campaigns;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Meetings;
using Chamber.Campaigns.Tasks;
using Chamber.Host.Auth;
using Chamber.Host.Errors;
using Chamber.Host.Submissions;
using Chamber.Host.Tasks;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Paging;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Meetings;

/// <summary>
/// Meetings held once for a whole campaign: staff read the replies, tick the sign-in sheet (one by
/// one, in bulk, or from the meeting's own sign-in list), move a meeting not yet begun, and finish
/// it with the minutes.
/// </summary>
public static class CampaignMeetingEndpoints
{
    /// <summary>How many lines of the sign-in sheet a tick changed.</summary>
    public sealed record SignInResult(int Changed);

    /// <summary>The minutes, with which the meeting is recorded.</summary>
    public sealed record MeetingMinutes(string? Minutes);

    public static void MapCampaignMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/campaigns/{id}/meetings").WithTags("Meetings").RequireAuthorization(Policies.Oversee).ScopedToCampaign();
        group.MapGet("/", async Task<Results<Ok<IReadOnlyList<CampaignMeetingView>>, ProblemHttpResult>> (string id, CampaignQueries campaigns,
            CampaignMeetings meetings, CancellationToken ct) =>
            await campaigns.FindAsync(id, ct) is null ? Problems.CampaignNotFound(id) : TypedResults.Ok(await meetings.ListAsync(id, ct)));
        group.MapGet("/{meetingId}/sheet", SheetAsync);
        group.MapPost("/{meetingId}/sign-in", async Task<Results<Ok<SignInResult>, ProblemHttpResult>> (string id, string meetingId, SignInRequest request,
            ClaimsPrincipal user, CampaignMeetings meetings, CancellationToken ct) =>
            await FindAsync(meetings, id, meetingId, ct) is { } meeting
                ? TypedResults.Ok(new SignInResult(await meetings.SignInAsync(meeting, request, user.Who(), ct)))
                : MeetingNotFound(meetingId))
            .ProducesProblem(StatusCodes.Status400BadRequest).RequireAuthorization(Policies.Operate);
        // Anti-forgery is checked for every unsafe /api call by UseAntiforgeryForApi (header token).
        group.MapPost("/{meetingId}/sign-in/import", ImportAsync).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).RequireAuthorization(Policies.Operate);
        group.MapPost("/{meetingId}/move", MoveAsync).ProducesProblem(StatusCodes.Status400BadRequest).RequireAuthorization(Policies.Operate);
        group.MapPost("/{meetingId}/complete", CompleteAsync).ProducesProblem(StatusCodes.Status400BadRequest).RequireAuthorization(Policies.Operate);
    }

    private static async Task<Results<Ok<ListPage<MeetingSheetRow>>, ProblemHttpResult>> SheetAsync(string id, string meetingId, string? search, string? reply,
        string? attended, [AsParameters] PageRequest page, CampaignMeetings meetings, CancellationToken ct)
    {
        if (search?.Length > 100)
            return Problems.BadRequest(ReaderText.Of("搜索内容过长", "The search text is too long."));
        if (reply is { Length: > 0 } and not (MeetingReply.Attending or MeetingReply.Declined or "none"))
            return Problems.BadRequest(ReaderText.Of($"未知回执“{reply}”，可用：attending, declined, none", $"Unknown reply '{reply}'; one of attending, declined, none."));
        if (attended is { Length: > 0 } and not ("yes" or "no" or "none"))
            return Problems.BadRequest(ReaderText.Of($"未知签到状态“{attended}”，可用：yes, no, none", $"Unknown attendance '{attended}'; one of yes, no, none."));
        return await FindAsync(meetings, id, meetingId, ct) is { } meeting
            ? TypedResults.Ok(await meetings.SheetAsync(meeting, new MeetingSheetFilter(search, reply, attended), page, ct))
            : MeetingNotFound(meetingId);
    }

    private static async Task<Results<Ok<SignInImportResult>, ProblemHttpResult>> ImportAsync(string id, string meetingId, HttpRequest request,
        ClaimsPrincipal user, CampaignMeetings meetings, CancellationToken ct)
    {
        if (await FindAsync(meetings, id, meetingId, ct) is not { } meeting)
            return MeetingNotFound(meetingId);
        var (content, fileName, problem) = await UploadForms.ReadImportAsync(request, ct);
        if (content is null)
            return problem!;
        return TypedResults.Ok(await meetings.ImportSignInAsync(meeting, content, fileName, user.Who(), ct));
    }

    // Everything the step would refuse is refused here first: a bad move must not fault the campaign's instance.
    private static async Task<Results<Ok<CampaignMeetingView>, ProblemHttpResult>> MoveAsync(string id, string meetingId, MeetingMove? move,
        CampaignMeetings meetings, IWorkflowInstanceStore store, WorkflowRuntime runtime, BusinessCalendarService calendars, TimeProvider clock,
        CancellationToken ct)
    {
        if (await FindAsync(meetings, id, meetingId, ct) is not { } meeting)
            return MeetingNotFound(meetingId);
        if (move is null || string.IsNullOrWhiteSpace(move.Date))
            return Problems.BadRequest(ReaderText.Of("请给出新的日期", "Give the new date."));
        if (move.Location is { Length: > PlainText.MaxNameLength })
            return Problems.BadRequest(ReaderText.Of($"地点最长 {PlainText.MaxNameLength} 字", $"The place is at most {PlainText.MaxNameLength} characters."));
        DateTimeOffset start;
        try
        {
            start = MeetingSchedule.Start(move.Date, move.Time, await calendars.GetAsync(ct));
        }
        catch (FormatException e)
        {
            return Problems.BadRequest(e.Message);
        }

        var now = clock.GetUtcNow();
        if (start <= now)
            return Problems.BadRequest(ReaderText.Of("新的会议时间已经过去", "The new time has already passed."));
        if (meeting.Status is not (MeetingStatus.Planned or MeetingStatus.Scheduled) || meeting.StartsAt <= now.UtcDateTime)
            return Problems.Conflict(ReaderText.Of("会议已经开始、结束或取消，不能再改期", "The meeting has begun, ended or been called off; it can no longer be moved."));
        var instance = await store.LoadAsync(meeting.InstanceId, ct);
        var bookmark = instance?.State.Bookmarks.FirstOrDefault(b => b.ActivityId == meeting.ActivityId && b.Name == CampaignMeeting.MoveBookmark);
        if (bookmark is null)
            return Problems.Conflict(ReaderText.Of("这次会议不能再改期", "This meeting can no longer be moved."));
        await runtime.ResumeAsync(bookmark.Id, new MeetingMove(move.Date.Trim(), move.Time?.Trim(), move.Location is null ? null : PlainText.OneLine(move.Location.Trim())), ct);
        return TypedResults.Ok((await meetings.ViewAsync(meetingId, ct))!);
    }

    /// <summary>Finishes the meeting with its minutes: answers the recorders' task the caller holds, which ends the step.</summary>
    private static async Task<Results<Ok<CampaignMeetingView>, ProblemHttpResult>> CompleteAsync(string id, string meetingId, MeetingMinutes body,
        ClaimsPrincipal user, CampaignMeetings meetings, TaskIndex tasks, TaskInbox inbox, CancellationToken ct)
    {
        if (await FindAsync(meetings, id, meetingId, ct) is not { } meeting)
            return MeetingNotFound(meetingId);
        if (body.Minutes?.Trim() is not { Length: > 0 } minutes)
            return Problems.BadRequest(ReaderText.Of("请填写会议纪要", "Write the minutes."));
        if (minutes.Length > CampaignMeetings.MaxMinutesLength)
            return Problems.BadRequest(ReaderText.Of($"会议纪要不超过 {CampaignMeetings.MaxMinutesLength} 字", $"The minutes have at most {CampaignMeetings.MaxMinutesLength:N0} characters."));
        if (meeting.Status != MeetingStatus.Recording)
        {
            return Problems.Conflict(meeting.Status == MeetingStatus.Recorded
                ? ReaderText.Of("会议记录已完成", "The meeting has already been recorded.")
                : ReaderText.Of("会议结束后才能完成记录", "The meeting can be recorded once it is over."));
        }

        var actor = user.ToTaskActor();
        var open = (await tasks.OfInstanceAsync(meeting.InstanceId, ct))
            .Where(t => t.ActivityId == meeting.ActivityId && t.Task.Kind == TaskKinds.MeetingSheet).ToList();
        foreach (var task in open)
        {
            if (await inbox.FindAsync(actor, task.Id, ct) is null)
                continue;
            await inbox.CompleteAsync(actor, task.Id, new TaskAnswer(TaskActions.Recorded, minutes, null, null), ct);
            return TypedResults.Ok((await meetings.ViewAsync(meetingId, ct))!);
        }

        return Problems.Forbidden(ReaderText.Of("这次会议的记录不由你负责", "Recording this meeting is not assigned to you."));
    }

    private static async Task<CampaignMeetingRecord?> FindAsync(CampaignMeetings meetings, string campaignId, string meetingId, CancellationToken ct) =>
        await meetings.FindAsync(meetingId, ct) is { } meeting && meeting.CampaignId == campaignId ? meeting : null;



    private static ProblemHttpResult MeetingNotFound(string id) => Problems.NotFound(ReaderText.Of($"会议 {id} 不存在", $"Meeting {id} does not exist."));
}
