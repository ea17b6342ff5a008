namespace Chamber.Host.Tests.Meetings;

/// <summary>A quarterly meeting: the chamber gets an invitation with an .ics; afterwards staff record attendance and minutes.</summary>
public abstract class ProgressMeetingTests(StorageProvider provider) : HostTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Clock:Mode"] = "Manual",
        ["Clock:Start"] = "2026-06-15T01:00:00Z",
    };

    [Fact]
    public async Task The_chamber_is_invited_with_an_ics_and_staff_record_attendance_after_the_meeting()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        var instance = await StartMeetingAsync("meeting", "第二季度推进会", "2026-06-25");

        var invitation = Assert.Single((await Admin.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").EnumerateArray());
        Assert.Contains("【会议通知】第二季度推进会", invitation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var ics = await AttachmentAsync();
        Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Asia/Shanghai:20260625T143000", ics, StringComparison.Ordinal);
        Assert.Contains("LOCATION:温州市工商联三楼会议室", ics, StringComparison.Ordinal);
        // The organizer is the e-mail sender when no Meetings:Organizer is set; the chamber is asked to reply.
        var meeting = Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);
        Assert.StartsWith("mailto:", meeting.Organizer!.Value!.ToString(), StringComparison.Ordinal);
        Assert.True(Assert.Single(meeting.Attendees).Rsvp);

        using var staff = await SignInAsync("staff@fic.example");
        Assert.Empty((await staff.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray());
        await Admin.PostAsJsonAsync("/api/clock/advance", new { to = "2026-06-25T08:30:00Z" }); // the meeting ends at 16:30
        var record = Assert.Single((await staff.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray());
        Assert.Equal("MeetingRecord", record.GetProperty("task").GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/tasks/{record.GetProperty("id").GetString()}/complete",
            new { action = "attended", comment = "汇报了会员发展进度，下季度重点：法律服务平台" })).StatusCode);

        Assert.Equal("Finished", (await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instance}")).GetProperty("status").GetString());
        Assert.Contains("出席 attended", await Admin.GetStringAsync($"/api/workflow-instances/{instance}/journal"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_called_off_before_it_takes_place_is_withdrawn_from_the_chambers_calendar()
    {
        var instance = await StartMeetingAsync("meeting-off", "第三季度推进会", "2026-09-24");
        var invitation = Ical.Net.Calendar.Load(await AttachmentAsync("REQUEST"))!.Events.Single();

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/workflow-instances/{instance}/cancel", null)).StatusCode);

        var cancellation = Ical.Net.Calendar.Load(await AttachmentAsync("CANCEL"))!;
        Assert.Equal("CANCEL", cancellation.Method);
        var withdrawn = cancellation.Events.Single();
        Assert.Equal(invitation.Uid, withdrawn.Uid);
        Assert.True(withdrawn.Sequence > invitation.Sequence);
        Assert.Equal("CANCELLED", withdrawn.Status);
        var outbox = await Admin.GetStringAsync("/api/outbox");
        Assert.Contains("【会议取消】第三季度推进会", outbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_already_held_is_not_called_off_when_its_workflow_stops()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        var instance = await StartMeetingAsync("meeting-held", "第二季度推进会", "2026-06-25");
        await AttachmentAsync("REQUEST");
        await Admin.PostAsJsonAsync("/api/clock/advance", new { to = "2026-06-25T08:30:00Z" }); // over: staff now record attendance

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/workflow-instances/{instance}/cancel", null)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2)); // as long as a cancellation would take to reach the outbox

        Assert.DoesNotContain("会议取消", await Admin.GetStringAsync("/api/outbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_move_a_meeting_the_chamber_gets_the_update_and_attendance_waits_for_the_new_end()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        var instance = await StartMeetingAsync("meeting-moved", "第二季度推进会", "2026-06-25");
        var invitation = Ical.Net.Calendar.Load(await AttachmentAsync("REQUEST"))!.Events.Single();
        using var staff = await SignInAsync("staff@fic.example");
        var move = $"/api/workflow-instances/{instance}/meetings/meeting/move";

        // Refused, and nothing changes: a date that is not one, a time already past, a meeting that is not there.
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync(move, new { date = "6月30日" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync(move, new { date = "2026-06-01", time = "09:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync($"/api/workflow-instances/{instance}/meetings/nowhere/move", new { date = "2026-06-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync(move, new { date = "2026-06-30", time = "15:00", location = "温州市工商联五楼会议室" })).StatusCode);

        var update = Ical.Net.Calendar.Load(await AttachmentAsync("REQUEST", containing: "20260630T150000"))!.Events.Single();
        Assert.Equal(invitation.Uid, update.Uid);
        Assert.True(update.Sequence > invitation.Sequence);
        Assert.Equal("温州市工商联五楼会议室", update.Location);
        Assert.Contains("【会议变更】第二季度推进会", await Admin.GetStringAsync("/api/outbox"), StringComparison.Ordinal);

        await Admin.PostAsJsonAsync("/api/clock/advance", new { to = "2026-06-25T08:30:00Z" }); // the old end: nothing to record yet
        Assert.Empty((await staff.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray());
        await Admin.PostAsJsonAsync("/api/clock/advance", new { to = "2026-06-30T09:00:00Z" }); // the new end, 17:00 in Beijing
        Assert.Single((await staff.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync(move, new { date = "2026-07-02" })).StatusCode); // held: no more moves
    }

    /// <summary>Imports a chamber and a workflow of one meeting with it in 温州市工商联三楼会议室, starts it and returns the instance's id.</summary>
    private async Task<string> StartMeetingAsync(string definitionId, string title, string date)
    {
        var chamber = (await ImportChambersAsync("名称,邮箱\n温州市服装商会,fz@chamber.example\n"))[0];
        var definition = """
            {"definitionId":"ID","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"meeting","type":"Chamber.ProgressMeeting",
               "title":{"typeName":"String","expression":{"type":"Literal","value":"TITLE"}},
               "chamber":{"typeName":"String","expression":{"type":"Literal","value":"CHAMBER"}},
               "meetingDate":{"typeName":"String","expression":{"type":"Literal","value":"DATE"}},
               "location":{"typeName":"String","expression":{"type":"Literal","value":"温州市工商联三楼会议室"}}}]}}
            """.Replace("ID", definitionId, StringComparison.Ordinal).Replace("TITLE", title, StringComparison.Ordinal)
            .Replace("CHAMBER", chamber, StringComparison.Ordinal).Replace("DATE", date, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/workflow-definitions/import", new StringContent(definition, Encoding.UTF8, "application/json"))).StatusCode);
        var started = await Admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId });
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The .ics part of the delivered invitation (the pickup folder's .eml; the attachment is base64).</summary>
    private async Task<string> AttachmentAsync(string method = "REQUEST", string? containing = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var files = Directory.Exists(Host.PickupDirectory) ? Directory.GetFiles(Host.PickupDirectory, "*.eml") : [];
            // A file is renamed to .eml only once written whole; the one whose calendar has this method.
            foreach (var file in files)
            {
                var raw = await File.ReadAllTextAsync(file);
                if (!raw.Contains("method=" + method, StringComparison.OrdinalIgnoreCase))
                    continue;
                var part = raw[raw.IndexOf("text/calendar", StringComparison.Ordinal)..];
                var body = part[(part.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
                var base64 = body[..body.IndexOf("\r\n--", StringComparison.Ordinal)];
                var ics = Encoding.UTF8.GetString(Convert.FromBase64String(base64.Replace("\r\n", "", StringComparison.Ordinal)));
                if (containing is null || ics.Contains(containing, StringComparison.Ordinal))
                    return ics;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No calendar e-mail with METHOD:{method} delivered within 20 s.");
            await Task.Delay(200);
        }
    }
}

public sealed class SqliteProgressMeetingTests() : ProgressMeetingTests(StorageProvider.Sqlite);

public sealed class PostgresProgressMeetingTests() : ProgressMeetingTests(StorageProvider.Postgres);
