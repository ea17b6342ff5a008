using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Paging;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Meetings;

/// <summary>A campaign meeting as staff see it: when and where, how the participants replied and who came.</summary>
/// <param name="Invited">The campaign's participants, every one of whom was invited.</param>
/// <param name="District">A district's own meeting; null when it is held for every participant.</param>
public sealed record CampaignMeetingView(string Id, string Title, DateTimeOffset Start, DateTimeOffset End, string Location, string? Description,
    string? District, DateTimeOffset NoticeAt, DateOnly ReplyDue, string Status, int Invited, int Attending, int Declined, int Attended, int Absent,
    string? Minutes, string? RecordedBy, DateTimeOffset? RecordedAt);

/// <summary>A participant's line on the sign-in sheet: its 回执 and whether it came.</summary>
public sealed record MeetingSheetRow(string ChamberId, string Chamber, string? Reply, string? Attendees, string? ReplyNote, DateTimeOffset? RepliedAt, bool? Attended);

/// <summary>A meeting on a participant's portal page, with the reply it gave and whether it may still give one.</summary>
public sealed record PortalMeeting(string Id, string Campaign, string Title, DateTimeOffset Start, DateTimeOffset End, string Location, string? Description,
    DateOnly ReplyDue, bool CanReply, string? Reply, string? Attendees, string? ReplyNote);

/// <summary>A 回执: attending or not, who comes, and a note.</summary>
public sealed record MeetingReplyRequest(string? Reply, string? Attendees, string? Note);

/// <summary>Ticks on the sign-in sheet: these participants came (true), did not (false), or are not recorded (null).</summary>
public sealed record SignInRequest(IReadOnlyList<string>? ChamberIds, bool? Attended);

/// <summary>What an imported sign-in list did: how many participants it signed in, and the lines naming none.</summary>
public sealed record SignInImportResult(int Signed, IReadOnlyList<string> Unknown);

/// <summary>Which lines of the sign-in sheet to show.</summary>
/// <param name="Reply"><c>attending</c>, <c>declined</c>, or <c>none</c> (no reply yet).</param>
/// <param name="Attended"><c>yes</c>, <c>no</c>, or <c>none</c> (not recorded).</param>
public sealed record MeetingSheetFilter(string? Search = null, string? Reply = null, string? Attended = null);

/// <summary>
/// Meetings held once for a whole campaign (<see cref="CampaignMeeting"/>): what staff see and
/// record of them, and the participants' replies (回执) from their portal. The meeting itself —
/// its invitations, moves and end — is the workflow step's; this keeps the people's part.
/// </summary>
public sealed class CampaignMeetings(IDbContextFactory<CampaignDbContext> campaigns, TimeProvider clock)
{
    public const int MaxAttendeesLength = 500;
    public const int MaxNoteLength = 1000;
    /// <summary>The minutes are the recorders' answer to their task, whose comments are this long at most.</summary>
    public const int MaxMinutesLength = 2000;
    public const int MaxSignIns = 50_000;

    /// <summary>The id a campaign's meeting step gives its meeting: the same each time the step runs, so a repeated slice writes one meeting.</summary>
    public static string IdOf(string campaignId, string activityId) => $"{campaignId}-{activityId}";

    /// <summary>Who a meeting invites: the campaign's participants (of its district, for a district's own meeting).</summary>
    public static IQueryable<ChamberRecord> Invitees(CampaignDbContext db, CampaignMeetingRecord meeting) =>
        db.CampaignParticipants.AsNoTracking().Where(p => p.CampaignId == meeting.CampaignId)
            .Join(db.Chambers.AsNoTracking(), p => p.ChamberId, c => c.Id, (p, c) => c)
            .Where(c => meeting.District == null || c.District == meeting.District);

    /// <summary>Writes the meeting as its step schedules (or moves) it.</summary>
    public async Task SaveAsync(CampaignMeetingRecord meeting, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var stored = await db.CampaignMeetings.FindAsync([meeting.Id], cancellationToken);
        if (stored is null)
            db.CampaignMeetings.Add(meeting);
        else
            db.Entry(stored).CurrentValues.SetValues(meeting);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<CampaignMeetingRecord?> FindAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return await db.CampaignMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
    }

    /// <summary>Sets a meeting's status (over, recorded, cancelled), with the minutes when it is recorded.</summary>
    public async Task SetStatusAsync(string meetingId, string status, string? minutes = null, string? by = null, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var recordedAt = status == MeetingStatus.Recorded ? clock.GetUtcNow().UtcDateTime : (DateTime?)null;
        await db.CampaignMeetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.Minutes, m => status == MeetingStatus.Recorded ? minutes : m.Minutes)
            .SetProperty(m => m.RecordedBy, m => status == MeetingStatus.Recorded ? by : m.RecordedBy)
            .SetProperty(m => m.RecordedAt, m => status == MeetingStatus.Recorded ? recordedAt : m.RecordedAt), cancellationToken);
    }

    /// <summary>The campaign's meetings, earliest first, with their counts.</summary>
    public async Task<IReadOnlyList<CampaignMeetingView>> ListAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var meetings = await db.CampaignMeetings.AsNoTracking().Where(m => m.CampaignId == campaignId).OrderBy(m => m.StartsAt).ToListAsync(cancellationToken);
        if (meetings.Count == 0)
            return [];
        var invited = new Dictionary<string, int>();
        foreach (var meeting in meetings)
            invited[meeting.Id] = await Invitees(db, meeting).CountAsync(cancellationToken);
        var ids = meetings.Select(m => m.Id).ToList();
        var counts = (await db.MeetingAttendance.AsNoTracking().Where(a => ids.Contains(a.MeetingId))
                .GroupBy(a => new { a.MeetingId, a.Reply, a.Attended })
                .Select(g => new { g.Key.MeetingId, g.Key.Reply, g.Key.Attended, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.MeetingId);
        return [.. meetings.Select(m =>
        {
            var of = counts[m.Id].ToList();
            return new CampaignMeetingView(m.Id, m.Title, Utc(m.StartsAt), Utc(m.EndsAt), m.Location, m.Description, m.District, Utc(m.NoticeAt), m.ReplyDue, m.Status,
                invited[m.Id],
                of.Where(c => c.Reply == MeetingReply.Attending).Sum(c => c.Count), of.Where(c => c.Reply == MeetingReply.Declined).Sum(c => c.Count),
                of.Where(c => c.Attended == true).Sum(c => c.Count), of.Where(c => c.Attended == false).Sum(c => c.Count),
                m.Minutes, m.RecordedBy, m.RecordedAt is { } at ? Utc(at) : null);
        })];
    }

    /// <summary>One page of the sign-in sheet: every participant of the campaign, by name, with its reply and tick.</summary>
    public async Task<ListPage<MeetingSheetRow>> SheetAsync(CampaignMeetingRecord meeting, MeetingSheetFilter filter, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var rows =
            from c in Invitees(db, meeting)
            join a in db.MeetingAttendance.AsNoTracking().Where(a => a.MeetingId == meeting.Id) on c.Id equals a.ChamberId into attendance
            from a in attendance.DefaultIfEmpty()
            select new { ChamberId = c.Id, c.Name, Reply = a == null ? null : a.Reply, Attendees = a == null ? null : a.Attendees,
                ReplyNote = a == null ? null : a.ReplyNote, RepliedAt = a == null ? null : a.RepliedAt, Attended = a == null ? null : a.Attended };
        if (filter.Search?.Trim() is { Length: > 0 } search)
            rows = rows.Where(r => r.Name.Contains(search) || r.ChamberId == search);
        rows = filter.Reply switch
        {
            MeetingReply.Attending or MeetingReply.Declined => rows.Where(r => r.Reply == filter.Reply),
            "none" => rows.Where(r => r.Reply == null),
            _ => rows,
        };
        rows = filter.Attended switch
        {
            "yes" => rows.Where(r => r.Attended == true),
            "no" => rows.Where(r => r.Attended == false),
            "none" => rows.Where(r => r.Attended == null),
            _ => rows,
        };
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderBy(r => r.Name).ThenBy(r => r.ChamberId).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return page.Of(total, [.. items.Select(r => new MeetingSheetRow(r.ChamberId, r.Name, r.Reply, r.Attendees, r.ReplyNote,
            r.RepliedAt is { } at ? Utc(at) : null, r.Attended))]);
    }

    /// <summary>
    /// Ticks participants on the sign-in sheet; returns how many lines changed.
    /// <see cref="CampaignRequestException"/> before the meeting began, after it was recorded or
    /// cancelled, or for chambers that are not its participants.
    /// </summary>
    public async Task<int> SignInAsync(CampaignMeetingRecord meeting, SignInRequest request, string by, CancellationToken cancellationToken = default)
    {
        EnsureSheetOpen(meeting);
        var ids = request.ChamberIds?.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (ids.Count == 0)
            throw new CampaignRequestException(ReaderText.Of("请选择要签到的单位", "Pick the participants to record."));
        if (ids.Count > MaxSignIns)
            throw new CampaignRequestException(ReaderText.Of($"一次最多记录 {MaxSignIns} 家", $"At most {MaxSignIns:N0} participants at a time."));
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            known.UnionWith(await Invitees(db, meeting).Where(c => chunk.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken));
        }

        var strangers = ids.Where(id => !known.Contains(id)).ToList();
        if (strangers.Count > 0)
            throw new CampaignRequestException(ReaderText.Of($"不是本次活动的参与单位：{string.Join("、", strangers.Take(5))}",
                $"Not participants of this campaign: {string.Join(", ", strangers.Take(5))}"));
        return await MarkAsync(db, meeting.Id, ids, request.Attended, by, cancellationToken);
    }

    /// <summary>
    /// Signs in the participants a sign-in list names (XLSX or CSV, as the meeting's own sign-in
    /// sheet was typed up): each line's first cell is a participant's name or id. Lines naming
    /// none are returned, so staff can tick them by hand; a header line is one of them.
    /// </summary>
    public async Task<SignInImportResult> ImportSignInAsync(CampaignMeetingRecord meeting, byte[] content, string? fileName, string by,
        CancellationToken cancellationToken = default)
    {
        EnsureSheetOpen(meeting);
        IReadOnlyList<TabularRow> lines;
        try
        {
            lines = TabularFile.Read(content, fileName);
        }
        catch (FormatException e)
        {
            throw new CampaignRequestException(e.Message);
        }

        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var participants = await Invitees(db, meeting).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var byName = participants.GroupBy(p => p.Name.Trim(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var byId = participants.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var signed = new List<string>();
        var unknown = new List<string>();
        foreach (var line in lines)
        {
            var cell = line.Cells.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))?.Trim();
            if (cell is null)
                continue;
            if (byName.TryGetValue(cell, out var id) || byId.Contains(id = cell))
                signed.Add(id);
            else
                unknown.Add(cell);
        }

        var distinct = signed.Distinct(StringComparer.Ordinal).ToList();
        await MarkAsync(db, meeting.Id, distinct, true, by, cancellationToken);
        return new SignInImportResult(distinct.Count, unknown);
    }

    /// <summary>The meetings of the campaigns a chamber takes part in, which it may still see: not cancelled and not over for more than a day.</summary>
    public async Task<IReadOnlyList<PortalMeeting>> OfChamberAsync(string chamberId, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var today = BeijingTime.Today(clock);
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from p in db.CampaignParticipants.AsNoTracking().Where(p => p.ChamberId == chamberId)
                join chamber in db.Chambers.AsNoTracking() on p.ChamberId equals chamber.Id
                join campaign in db.Campaigns.AsNoTracking() on p.CampaignId equals campaign.Id
                join m in db.CampaignMeetings.AsNoTracking() on p.CampaignId equals m.CampaignId
                where m.Status != MeetingStatus.Cancelled && m.Status != MeetingStatus.Planned && m.EndsAt > since
                    && (m.District == null || m.District == chamber.District)
                join a in db.MeetingAttendance.AsNoTracking().Where(a => a.ChamberId == chamberId) on m.Id equals a.MeetingId into replies
                from a in replies.DefaultIfEmpty()
                select new { Meeting = m, Campaign = campaign.Name, Reply = a == null ? null : a.Reply, Attendees = a == null ? null : a.Attendees,
                    ReplyNote = a == null ? null : a.ReplyNote })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Meeting.StartsAt).Select(r => new PortalMeeting(r.Meeting.Id, r.Campaign, r.Meeting.Title, Utc(r.Meeting.StartsAt),
            Utc(r.Meeting.EndsAt), r.Meeting.Location, r.Meeting.Description, r.Meeting.ReplyDue, CanReply(r.Meeting, today), r.Reply, r.Attendees, r.ReplyNote))];
    }

    /// <summary>
    /// A participant's 回执 (again: it replaces the last). Null when the meeting is not one of the
    /// chamber's campaigns; <see cref="CampaignRequestException"/> for a bad reply or after the reply date.
    /// </summary>
    public async Task<PortalMeeting?> ReplyAsync(string chamberId, string meetingId, MeetingReplyRequest request, CancellationToken cancellationToken = default)
    {
        var reply = request.Reply?.Trim();
        if (reply is not (MeetingReply.Attending or MeetingReply.Declined))
            throw new CampaignRequestException(ReaderText.Of("请选择参加或不参加", "Say whether you will attend: attending or declined."));
        var attendees = PlainText.OneLine(request.Attendees ?? "").Trim();
        var note = request.Note?.Trim() ?? "";
        if (attendees.Length > MaxAttendeesLength)
            throw new CampaignRequestException(ReaderText.Of($"参会人员不超过 {MaxAttendeesLength} 字", $"Attendees take at most {MaxAttendeesLength} characters."));
        if (note.Length > MaxNoteLength)
            throw new CampaignRequestException(ReaderText.Of($"备注不超过 {MaxNoteLength} 字", $"The note has at most {MaxNoteLength:N0} characters."));
        if (reply == MeetingReply.Attending && attendees.Length == 0)
            throw new CampaignRequestException(ReaderText.Of("请填写参会人员（姓名、职务）", "Name who will attend (name and position)."));

        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var meeting = await db.CampaignMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !await Invitees(db, meeting).AnyAsync(c => c.Id == chamberId, cancellationToken))
            return null;
        if (!CanReply(meeting, BeijingTime.Today(clock)))
        {
            throw new CampaignRequestException(meeting.Status == MeetingStatus.Cancelled
                ? ReaderText.Of("会议已取消", "The meeting has been called off.")
                : ReaderText.Of($"回执已于{CalendarText(meeting.ReplyDue)}截止，请直接与会议组织方联系", $"Replies closed on {meeting.ReplyDue:yyyy-MM-dd}; please contact the organiser."));
        }

        var row = await db.MeetingAttendance.FindAsync([meetingId, chamberId], cancellationToken);
        if (row is null)
            db.MeetingAttendance.Add(row = new MeetingAttendanceRecord { MeetingId = meetingId, ChamberId = chamberId });
        row.Reply = reply;
        row.Attendees = attendees.Length > 0 ? attendees : null;
        row.ReplyNote = note.Length > 0 ? note : null;
        row.RepliedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return (await OfChamberAsync(chamberId, cancellationToken)).FirstOrDefault(m => m.Id == meetingId);
    }

    /// <summary>The counts of the meeting when its minutes are recorded: the step's output.</summary>
    public async Task<CampaignMeetingView?> ViewAsync(string meetingId, CancellationToken cancellationToken = default) =>
        await FindAsync(meetingId, cancellationToken) is { } meeting
            ? (await ListAsync(meeting.CampaignId, cancellationToken)).FirstOrDefault(m => m.Id == meetingId)
            : null;

    private static bool CanReply(CampaignMeetingRecord meeting, DateOnly today) => meeting.Status == MeetingStatus.Scheduled && today <= meeting.ReplyDue;

    private void EnsureSheetOpen(CampaignMeetingRecord meeting)
    {
        if (meeting.Status is MeetingStatus.Recorded or MeetingStatus.Cancelled)
            throw new CampaignRequestException(meeting.Status == MeetingStatus.Recorded
                ? ReaderText.Of("会议记录已完成，签到表不能再改", "The meeting has been recorded; its sign-in sheet is closed.")
                : ReaderText.Of("会议已取消", "The meeting has been called off."));
        if (clock.GetUtcNow().UtcDateTime < meeting.StartsAt)
            throw new CampaignRequestException(ReaderText.Of("会议开始后才能签到", "Sign-in opens when the meeting begins."));
    }

    private async Task<int> MarkAsync(CampaignDbContext db, string meetingId, IReadOnlyList<string> chamberIds, bool? attended, string by,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var chunk in chamberIds.Chunk(500))
        {
            var rows = await db.MeetingAttendance.Where(a => a.MeetingId == meetingId && chunk.Contains(a.ChamberId))
                .ToDictionaryAsync(a => a.ChamberId, StringComparer.Ordinal, cancellationToken);
            foreach (var chamberId in chunk)
            {
                if (!rows.TryGetValue(chamberId, out var row))
                {
                    if (attended is null)
                        continue;
                    db.MeetingAttendance.Add(row = new MeetingAttendanceRecord { MeetingId = meetingId, ChamberId = chamberId });
                }
                else if (row.Attended == attended)
                {
                    continue;
                }

                row.Attended = attended;
                row.SignedBy = attended is null ? null : by;
                row.SignedAt = attended is null ? null : now;
                changed++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return changed;
    }

    private static string CalendarText(DateOnly date) => Email.CampaignMail.ChineseDate(date);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
