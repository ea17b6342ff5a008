using System.Text.Json.Nodes;

namespace Chamber.Host.Tests.Api;

/// <summary>
/// Importing a calendar year as an administrator does: a preview of the days it changes and of the
/// open deadlines computed from the year as it was, then the import.
/// </summary>
public sealed class CalendarImportApiTests() : HostTestBase(StorageProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Clock:Mode"] = "Manual",
        ["Clock:Start"] = "2026-04-01T01:00:00Z",
    };

    private const string Feed2027 = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Example//Holidays//ZH
        BEGIN:VEVENT
        UID:1
        DTSTART;VALUE=DATE:20270101
        DTEND;VALUE=DATE:20270104
        SUMMARY:元旦（休）
        END:VEVENT
        BEGIN:VEVENT
        UID:2
        DTSTART;VALUE=DATE:20270214
        SUMMARY:春节 补班
        END:VEVENT
        BEGIN:VEVENT
        UID:3
        DTSTART;VALUE=DATE:20270910
        SUMMARY:教师节
        END:VEVENT
        END:VCALENDAR
        """;

    [Fact]
    public async Task A_replaced_year_lists_the_days_it_changes_and_the_open_deadlines_on_them_before_anything_is_stored()
    {
        // Two instances wait for a timer due on Wednesday 6 May 2026 (35 days after 1 April, 09:00 Beijing).
        await Admin.PostAsync("/api/workflow-definitions/import", new StringContent("""
            {"definitionId":"may-timer","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"wait","type":"Elsa.Delay","timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"P35D"}}}],"connections":[]}}
            """, Encoding.UTF8, "application/json"));
        await Admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "may-timer" });
        await Admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "may-timer" });

        // The 2026 file with 6 May made a holiday.
        var year = (await Admin.GetFromJsonAsync<JsonElement>("/api/calendars/cn/years")).EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2026);
        var changed = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "calendars-2026.json")))!;
        changed["holidays"]!.AsArray().Add(new JsonObject { ["date"] = "2026-05-06", ["name"] = "测试假日" });

        var preview = await (await Admin.PostAsync("/api/calendars/cn/years/2026/preview", Text(changed.ToJsonString()))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(preview.GetProperty("replaces").GetBoolean());
        var change = Assert.Single(preview.GetProperty("changes").EnumerateArray());
        Assert.Equal("2026-05-06", change.GetProperty("date").GetString());
        Assert.True(change.GetProperty("workingBefore").GetBoolean());
        Assert.False(change.GetProperty("workingAfter").GetBoolean());
        var affected = Assert.Single(preview.GetProperty("affected").EnumerateArray());
        Assert.Equal(("2026-05-06", "timer", 2, true),
            (affected.GetProperty("date").GetString(), affected.GetProperty("kind").GetString(), affected.GetProperty("count").GetInt32(), affected.GetProperty("nowOff").GetBoolean()));
        // A preview stores nothing.
        Assert.True((await Admin.GetFromJsonAsync<JsonElement>("/api/calendars/cn/days/2026-05-06")).GetProperty("working").GetBoolean());
        Assert.Equal(year.GetProperty("holidays").GetInt32(), (await Admin.GetFromJsonAsync<JsonElement>("/api/calendars/cn/years")).EnumerateArray()
            .Single(y => y.GetProperty("year").GetInt32() == 2026).GetProperty("holidays").GetInt32());

        var saved = await Admin.PutAsync("/api/calendars/cn/years/2026", Text(changed.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.False((await Admin.GetFromJsonAsync<JsonElement>("/api/calendars/cn/days/2026-05-06")).GetProperty("working").GetBoolean());
    }

    [Fact]
    public async Task Next_year_comes_from_an_icalendar_feed_and_a_wrong_year_or_file_changes_nothing()
    {
        var preview = await (await Admin.PostAsync("/api/calendars/cn/years/2027/preview", Text(Feed2027))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ICalendar", preview.GetProperty("format").GetString());
        Assert.False(preview.GetProperty("replaces").GetBoolean());
        Assert.Equal(4, preview.GetProperty("changes").GetArrayLength()); // three days off, one make-up day
        Assert.Equal(["2027-09-10 教师节"], preview.GetProperty("ignored").EnumerateArray().Select(e => e.GetString()));
        Assert.True(preview.GetProperty("fewerHolidaysThanUsual").GetBoolean());
        Assert.Empty(preview.GetProperty("affected").EnumerateArray());

        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PutAsync("/api/calendars/cn/years/1999", Text(Feed2027))).StatusCode);
        var garbage = await Admin.PutAsync("/api/calendars/cn/years/2027", Text("BEGIN:VCALENDAR\r\nEND:VCALENDAR"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/calendars/cn/days/2027-02-14")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsync("/api/calendars/cn/years/2027", Text(Feed2027))).StatusCode);
        var makeUp = await Admin.GetFromJsonAsync<JsonElement>("/api/calendars/cn/days/2027-02-14");
        Assert.True(makeUp.GetProperty("working").GetBoolean());
        Assert.Equal("春节", makeUp.GetProperty("name").GetString());
    }

    private static StringContent Text(string body) => new(body, Encoding.UTF8, "text/plain");
}
