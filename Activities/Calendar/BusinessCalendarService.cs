using System.Data.Common;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows;
using Chamber.Workflows.Persistence;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Calendar;

/// <summary>A year as the calendar holds it, and whether an administrator supplied it.</summary>
public sealed record CalendarYearSummary(int Year, string? Source, bool AddedByAdministrator, int Holidays, int Workdays);

/// <summary>
/// The calendar in force: the shipped years, with the years administrators added or replaced
/// (table <c>calendar_years</c>) on top. A change on this host applies at once; one made on
/// another host within <see cref="RefreshInterval"/>.
/// </summary>
public sealed class BusinessCalendarService(IOptions<StorageOptions> storage, TimeProvider clock) : IDisposable
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

    /// <summary>Adds or replaces a year; throws <see cref="FormatException"/> (nothing stored) when the data is wrong.</summary>
    public async Task<CalendarYearSummary> SaveYearAsync(int year, string json, CancellationToken cancellationToken = default)
    {
        var parsed = ChineseBusinessCalendar.ParseYear(json, year);
        await using var connection = await OpenAsync(storage.Value, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CampaignSql.UpsertCalendarYear;
        command.AddParameter("@year", year);
        command.AddParameter("@json", json);
        command.AddParameter("@at", clock.GetUtcNow().UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken);
        _snapshot.Invalidate();
        return new CalendarYearSummary(year, parsed.Source, true, parsed.Holidays.Count, parsed.Workdays.Count);
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
