using System.Text.Json;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Submissions;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Portal;

/// <summary>
/// What a chamber does behind its personal link: see its open items and hand one in. A submission
/// is checked whole before anything is stored (the number of files, each file's type, size and
/// first bytes, the note), then its files are stored and the waiting workflow is resumed with it.
/// The link itself is checked by <see cref="PortalLinks"/> before any of this.
/// </summary>
public sealed class ChamberPortal(ChamberDirectory directory, TaskIndex taskIndex, SubmissionFiles files, WorkflowRuntime runtime,
    IDbContextFactory<CampaignDbContext> campaigns, BusinessCalendarService calendars, Meetings.CampaignMeetings meetings, Notices.CampaignNotices notices, TimeProvider clock)
{
    /// <summary>Most characters in a submission's note.</summary>
    public const int MaxNoteLength = 4000;

    /// <summary>Most items a portal page lists.</summary>
    private const int MaxItems = 200;

    /// <summary>Most receipts a portal page lists (the newest).</summary>
    private const int MaxReceipts = 50;

    /// <summary>How long a stopped campaign is explained on its participants' portal pages.</summary>
    private static readonly TimeSpan StoppedShownFor = TimeSpan.FromDays(180);

    public async Task<PortalView> ViewAsync(string chamberId, CancellationToken cancellationToken = default)
    {
        var chamber = await directory.FindAsync(chamberId, cancellationToken);
        var items = await taskIndex.OfChamberAsync(chamberId, limit: MaxItems, cancellationToken: cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = BeijingTime.Today(clock);
        return new PortalView(chamber?.Name ?? "", [.. items.Select(i => ItemOf(i, calendar, today))], [.. SubmissionFiles.AllowedTypes.Keys],
            SubmissionFiles.MaxFileBytes, SubmissionFiles.MaxFiles, clock.GetUtcNow(), await ReceiptsAsync(chamberId, cancellationToken),
            Email.MessageLanguage.Of(chamber?.Language), await meetings.OfChamberAsync(chamberId, cancellationToken),
            await notices.OfChamberAsync(chamberId, cancellationToken))
        {
            Stopped = await StoppedAsync(chamberId, cancellationToken),
        };
    }

    /// <summary>The campaigns of the chamber's stopped in the last <see cref="StoppedShownFor"/>: why its items there went.</summary>
    private async Task<IReadOnlyList<PortalStoppedCampaign>> StoppedAsync(string chamberId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - StoppedShownFor;
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var stopped = await db.CampaignParticipants.AsNoTracking().Where(p => p.ChamberId == chamberId && p.Launched)
            .Join(db.Campaigns.AsNoTracking().Where(c => c.Status == Lifecycle.CampaignStatus.Stopped && c.StoppedAt >= since), p => p.CampaignId, c => c.Id,
                (p, c) => new { c.Name, c.StoppedAt, c.StopReason })
            .OrderByDescending(c => c.StoppedAt).Take(20).ToListAsync(cancellationToken);
        return [.. stopped.Select(c => new PortalStoppedCampaign(c.Name, new DateTimeOffset(DateTime.SpecifyKind(c.StoppedAt!.Value, DateTimeKind.Utc)), c.StopReason ?? ""))];
    }

    private async Task<IReadOnlyList<PortalReceipt>> ReceiptsAsync(string chamberId, CancellationToken cancellationToken)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var receipts = await db.SubmissionReceipts.AsNoTracking().Where(r => r.ChamberId == chamberId)
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Round).Take(MaxReceipts).ToListAsync(cancellationToken);
        var itemIds = receipts.Select(r => r.ItemId).ToList();
        var names = (await db.SubmissionFiles.AsNoTracking().Where(f => itemIds.Contains(f.TaskId))
                .OrderBy(f => f.UploadedAt).Select(f => new { f.TaskId, f.FileName }).ToListAsync(cancellationToken))
            .ToLookup(f => f.TaskId, f => f.FileName);
        return [.. receipts.Select(r => new PortalReceipt(r.ItemId, r.Title, r.Campaign, r.Round,
            new DateTimeOffset(DateTime.SpecifyKind(r.SubmittedAt, DateTimeKind.Utc)), [.. names[r.ItemId]], r.Note, r.Status, r.Feedback))];
    }

    /// <summary>The chamber's open item <paramref name="itemId"/>; null when there is none (another chamber's, or submitted already).</summary>
    public async Task<OpenTask?> FindItemAsync(string chamberId, string itemId, CancellationToken cancellationToken = default) =>
        (await taskIndex.OfChamberAsync(chamberId, itemId, cancellationToken: cancellationToken)).SingleOrDefault();

    /// <summary>
    /// Hands in <paramref name="item"/>: throws <see cref="FilesRefusedException"/> when the
    /// submission is refused (nothing stored), <see cref="WorkflowConflictException"/> when the item
    /// was submitted meanwhile.
    /// </summary>
    public async Task<int> SubmitAsync(string chamberId, OpenTask item, string? note, IReadOnlyList<FileUpload> uploads,
        CancellationToken cancellationToken = default)
    {
        var comment = note?.Trim() ?? "";
        if (uploads.Count == 0 && comment.Length == 0)
            throw Refused(ReaderText.Of("请至少上传一个文件或填写说明", "Upload at least one file or write a note."));
        if (uploads.Count > SubmissionFiles.MaxFiles)
            throw Refused(ReaderText.Of($"一次最多上传 {SubmissionFiles.MaxFiles} 个文件", $"At most {SubmissionFiles.MaxFiles} files."));
        if (comment.Length > MaxNoteLength)
            throw Refused(ReaderText.Of($"说明不超过 {MaxNoteLength} 字", $"The note has at most 4,000 characters."));

        var contents = await SubmissionFiles.ReadCheckedAsync(uploads, cancellationToken);
        var stored = new List<SubmittedFile>();
        foreach (var (name, bytes) in contents)
            stored.Add(await files.SaveAsync(chamberId, item.InstanceId, item.Id, name, bytes, cancellationToken));
        var submission = new Submission(item.Id, stored, comment.Length > 0 ? comment : null, clock.GetUtcNow());
        try
        {
            await runtime.ResumeAsync(item.BookmarkId, JsonSerializer.SerializeToElement(submission, JsonSerializerOptions.Web), cancellationToken);
        }
        catch (Exception e) when (e is WorkflowConflictException or WorkflowNotFoundException)
        {
            // Two submissions of one item at once: the other one was taken, this one's files go.
            await files.DeleteAsync(stored, CancellationToken.None);
            throw new WorkflowConflictException(ReaderText.Of("此事项刚刚已提交", "This item was just submitted."), e);
        }

        // The receipt, once the workflow has taken the submission (like the inbox's 已办 record).
        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
        {
            db.SubmissionReceipts.Add(new SubmissionReceiptRecord
            {
                ItemId = item.Id,
                ChamberId = chamberId,
                InstanceId = item.InstanceId,
                Title = item.Task.Title,
                Campaign = item.Task.Context?.GetValueOrDefault("campaign") is { Length: > 0 } campaign ? campaign : null,
                Round = item.Task.Round,
                Note = submission.Comment,
                SubmittedAt = submission.SubmittedAt.UtcDateTime,
                Status = SubmissionStatus.Submitted,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return stored.Count;
    }

    private static FilesRefusedException Refused(string problem) => new([problem]);

    private static PortalItem ItemOf(OpenTask task, ChineseBusinessCalendar calendar, DateOnly today)
    {
        var context = task.Task.Context ?? new Dictionary<string, string>();
        return new PortalItem(task.Id, task.Task.Title, task.Task.Description, task.Task.DueAt, task.Task.Round,
            context.GetValueOrDefault("feedback") is { Length: > 0 } feedback ? feedback : null, context.GetValueOrDefault("campaign"),
            task.Task.DueAt is { } due ? WorkingDaysLeft(calendar, today, BeijingTime.DayOf(due)) : null);
    }

    /// <summary>Working days from today to the due day as the e-mails count them; negative when overdue; null where the calendar has no data.</summary>
    private static int? WorkingDaysLeft(ChineseBusinessCalendar calendar, DateOnly today, DateOnly due)
    {
        try
        {
            return due >= today ? CampaignMail.WorkingDaysBetween(calendar, today, due) : -CampaignMail.WorkingDaysBetween(calendar, due, today);
        }
        catch (CalendarYearMissingException)
        {
            return null;
        }
    }
}
