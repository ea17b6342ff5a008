using System.Globalization;
using System.Text;
using Chamber.Campaigns.Calendar;
using Chamber.Host.Auth;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Calendar;

/// <summary>The Chinese business calendar: day lookups, working-day arithmetic, and years kept by administrators.</summary>
public static class CalendarEndpoints
{
    public sealed record DayResult(string Date, bool Working, string? Name);

    public sealed record DateResult(string Date);

    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendars/cn").WithTags("Calendar");
        group.MapGet("/days/{date}", async Task<Results<Ok<DayResult>, ProblemHttpResult>> (string date, BusinessCalendarService calendars, CancellationToken ct) =>
        {
            if (!TryParse(date, out var day))
                return BadDate(date);
            var result = (await calendars.GetAsync(ct)).GetDay(day);
            return TypedResults.Ok(new DayResult(Format(result.Date), result.Working, result.Name));
        });
        group.MapGet("/add-working-days", async Task<Results<Ok<DateResult>, ProblemHttpResult>> (string? date, int? days, BusinessCalendarService calendars, CancellationToken ct) =>
        {
            if (date is null || !TryParse(date, out var from))
                return BadDate(date);
            if (days is not { } n || Math.Abs(n) > 1000)
                return Errors.Problems.BadRequest(ReaderText.Of("days 必须是 -1000 到 1000 之间的整数", "days must be a whole number between -1000 and 1000."));
            return TypedResults.Ok(new DateResult(Format((await calendars.GetAsync(ct)).AddWorkingDays(from, n))));
        });
        // A template's schedule as dates: "2026-04-30>" (the next working day if that one is off), "2026-06-25-3wd".
        group.MapGet("/resolve", async Task<Results<Ok<DateResult>, ProblemHttpResult>> (string? expression, BusinessCalendarService calendars, CancellationToken ct) =>
        {
            BusinessDate parsed;
            try
            {
                parsed = BusinessDate.Parse(expression ?? "");
            }
            catch (FormatException e)
            {
                return Errors.Problems.BadRequest(ReaderText.Of($"日期表达式无效：{e.Message}", $"Invalid date expression: {e.Message}"));
            }

            return TypedResults.Ok(new DateResult(Format(parsed.Resolve(await calendars.GetAsync(ct)))));
        });
        group.MapGet("/years", async (BusinessCalendarService calendars, CancellationToken ct) => TypedResults.Ok(await calendars.ListYearsAsync(ct)));
        // A year from our yearly JSON, chinese-days' JSON or an iCalendar feed: first what it would change, then the import.
        group.MapPost("/years/{year:int}/preview", async Task<Results<Ok<CalendarYearPreview>, ProblemHttpResult>> (int year, HttpRequest request,
            BusinessCalendarService calendars, CancellationToken ct) =>
            await ReadYearAsync(year, request, file => calendars.PreviewYearAsync(year, file, ct), ct)).RequireAuthorization(Policies.Design);
        group.MapPut("/years/{year:int}", async Task<Results<Ok<CalendarYearPreview>, ProblemHttpResult>> (int year, HttpRequest request,
            BusinessCalendarService calendars, CancellationToken ct) =>
            await ReadYearAsync(year, request, file => calendars.SaveYearAsync(year, file, ct), ct)).RequireAuthorization(Policies.Design);
    }

    /// <summary>The request's body as text, handed on; a year out of range or a file that cannot be read is a 400 naming why.</summary>
    private static async Task<Results<Ok<CalendarYearPreview>, ProblemHttpResult>> ReadYearAsync(int year, HttpRequest request,
        Func<string, Task<CalendarYearPreview>> use, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
            return Errors.Problems.BadRequest(ReaderText.Of($"年份必须在 2000 到 2100 之间", $"The year must be between 2000 and 2100 (got {year})."));
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var file = await reader.ReadToEndAsync(ct);
        try
        {
            return TypedResults.Ok(await use(file));
        }
        catch (FormatException e)
        {
            return Errors.Problems.BadRequest(ReaderText.Of($"日历数据无效：{e.Message}", $"Invalid calendar year: {e.Message}"));
        }
    }

    private static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ProblemHttpResult BadDate(string? text) =>
        Errors.Problems.BadRequest(ReaderText.Of($"'{text}' 不是 yyyy-MM-dd 格式的日期", $"'{text}' is not a date in yyyy-MM-dd form."));
}
