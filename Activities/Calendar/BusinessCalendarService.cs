using System.Data.Common;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows;
using Chamber.Workflows.Persistence;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Calendar;

/// <summary>A year as the calendar holds it, and whether an administrator supplied it.</summary>
public sealed record CalendarYearSummary(int Year, string? Source, bool AddedByAdministrator, int Holidays, int Workdays);

/// <summary>A day whose standing an import changes; <paramref name="WorkingBefore"/> is null when the year had no data.</summary>
public sealed record CalendarDayChange(DateOnly Date, bool? WorkingBefore, string? NameBefore, bool WorkingAfter, string? NameAfter);

/// <summary>
/// What importing a file would do to a year: the days it changes, the feed events it leaves out,
/// and the open deadlines computed from the year as it was (to check after the import).
/// </summary>
public sealed record CalendarYearPreview(
    int Year, CalendarFileFormat Format, string? Source, int Holidays, int Workdays, bool FewerHolidaysThanUsual, bool Replaces,
    IReadOnlyList<CalendarDayChange> Changes, IReadOnlyList<string> Ignored, IReadOnlyList<AffectedDeadline> Affected);

/// <summary>
/// The calendar in force: the shipped years, with the years administrators added or replaced
/// (table <c>calendar_years</c>) on top. A change on this host applies at once; one made on
/// another host within <see cref="RefreshInterval"/>.
/// </summary>
public sealed class BusinessCalendarService(IOptions<StorageOptions> storage, TimeProvider clock, CalendarDeadlines deadlines) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly Persistence.RefreshingValue<Snapshot> _snapshot = new(ct => LoadAsync(storage.Value, ct), RefreshInterval);

    private sealed record Snapshot(ChineseBusinessCalendar Calendar, HashSet<int> AdminYears);

    public async ValueTask<ChineseBusinessCalendar> GetAsync(CancellationToken cancellationToken = default) =>
        (await _snapshot.GetAsync(cancellationToken)).Calendar;

    public async Task<IReadOnlyList<CalendarYearSummary>> ListYearsAsync(CancellationToken cancellationToken = default)
    {
        var (calendar, adminYears) = await _snapshot.GetAsync(cancellationToken);
        return [.. calendar.Years.Select(y => calendar.Year(y)!).Select(y =>
            new CalendarYearSummary(y.Year, y.Source, adminYears.Contains(y.Year), y.Holidays.Count, y.Workdays.Count))];
    }

    /// <summary>
    /// What importing <paramref name="file"/> (any <see cref="CalendarFileFormat"/>) as
    /// <paramref name="year"/> would change; throws <see cref="FormatException"/> when it cannot be read.
    /// </summary>
    public Task<CalendarYearPreview> PreviewYearAsync(int year, string file, CancellationToken cancellationToken = default) =>
        PreviewAsync(CalendarImport.Read(file, year), cancellationToken);

    private async Task<CalendarYearPreview> PreviewAsync(ImportedCalendarYear imported, CancellationToken cancellationToken)
    {
        var year = imported.Year.Year;
        var before = await GetAsync(cancellationToken);
        var after = before.With(imported.Year);
        var replaces = before.Year(year) is not null;
        var changes = new List<CalendarDayChange>();
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            var now = after.GetDay(day);
            if (!replaces)
            {
                // A new year: its holidays and make-up days are what it brings.
                if (now.Name is not null)
                    changes.Add(new CalendarDayChange(day, null, null, now.Working, now.Name));
                continue;
            }

            var was = before.GetDay(day);
            if (was.Working != now.Working || was.Name != now.Name)
                changes.Add(new CalendarDayChange(day, was.Working, was.Name, now.Working, now.Name));
        }

        // Nothing was computed from a year the calendar did not have (every such computation is refused).
        var affected = replaces && changes.Count > 0 ? await deadlines.FromAsync(changes[0].Date, after, cancellationToken) : [];
        return new CalendarYearPreview(year, imported.Format, imported.Year.Source, imported.Year.Holidays.Count, imported.Year.Workdays.Count,
            imported.FewerHolidaysThanUsual, replaces, changes, imported.Ignored, affected);
    }

    /// <summary>
    /// Adds or replaces a year from a file in any <see cref="CalendarFileFormat"/>, stored in our
    /// yearly format; throws <see cref="FormatException"/> (nothing stored) when the data is wrong.
    /// Returns what changed, with the deadlines to check.
    /// </summary>
    public async Task<CalendarYearPreview> SaveYearAsync(int year, string file, CancellationToken cancellationToken = default)
    {
        var imported = CalendarImport.Read(file, year);
        var preview = await PreviewAsync(imported, cancellationToken);
        var json = CalendarImport.ToYearlyJson(imported.Year);
        await using var connection = await OpenAsync(storage.Value, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CampaignSql.UpsertCalendarYear;
        command.AddParameter("@year", year);
        command.AddParameter("@json", json);
        command.AddParameter("@at", clock.GetUtcNow().UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken);
        _snapshot.Invalidate();
        return preview;
    }

    private static async Task<Snapshot> LoadAsync(StorageOptions storage, CancellationToken cancellationToken)
    {
        var calendar = ChineseBusinessCalendar.Shipped;
        var adminYears = new HashSet<int>();
        await using var connection = await OpenAsync(storage, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CampaignSql.SelectCalendarYears;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var year = reader.GetInt32(0);
            calendar = calendar.With(ChineseBusinessCalendar.ParseYear(reader.GetString(1), year));
            adminYears.Add(year);
        }

        return new Snapshot(calendar, adminYears);
    }

    public void Dispose() => _snapshot.Dispose();

    private static async Task<DbConnection> OpenAsync(StorageOptions storage, CancellationToken cancellationToken)
    {
        var connection = WorkflowEngineServices.OpenConnection(storage);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
