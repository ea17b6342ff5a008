using System.Data.Common;
using Chamber.Workflows;
using Chamber.Workflows.Persistence;
using Microsoft.Extensions.Options;

namespace Chamber.Activities.Calendar;

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

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _current; // replaced whole, never mutated, so readers need no lock

    private sealed record Snapshot(ChineseBusinessCalendar Calendar, HashSet<int> AdminYears, long LoadedAt)
    {
        public bool IsFresh => Environment.TickCount64 - LoadedAt < RefreshInterval.TotalMilliseconds;
    }

    public async ValueTask<ChineseBusinessCalendar> GetAsync(CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken)).Calendar;

    public async Task<IReadOnlyList<CalendarYearSummary>> ListYearsAsync(CancellationToken cancellationToken = default)
    {
        var (calendar, adminYears, _) = await SnapshotAsync(cancellationToken);
        return [.. calendar.Years.Select(y => calendar.Year(y)!).Select(y =>
            new CalendarYearSummary(y.Year, y.Source, adminYears.Contains(y.Year), y.Holidays.Count, y.Workdays.Count))];
    }

    /// <summary>Adds or replaces a year; throws <see cref="FormatException"/> (nothing stored) when the data is wrong.</summary>
    public async Task<CalendarYearSummary> SaveYearAsync(int year, string json, CancellationToken cancellationToken = default)
    {
        var parsed = ChineseBusinessCalendar.ParseYear(json, year);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO calendar_years (year, json, updated_at) VALUES (@year, @json, @at)
            ON CONFLICT (year) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at
            """;
        command.AddParameter("@year", year);
        command.AddParameter("@json", json);
        command.AddParameter("@at", clock.GetUtcNow().UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken);
        _current = null;
        return new CalendarYearSummary(year, parsed.Source, true, parsed.Holidays.Count, parsed.Workdays.Count);
    }

    private async ValueTask<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            // Stale-while-revalidate: callers never queue behind a reload (a campaign launch asks
            // thousands of times a second); one of them starts it, the rest use the last snapshot.
            if (!current.IsFresh && _loading.Wait(0, CancellationToken.None))
                _ = Task.Run(() => ReloadAsync(CancellationToken.None), CancellationToken.None);
            return current;
        }

        await _loading.WaitAsync(cancellationToken);
        return await ReloadAsync(cancellationToken);
    }

    /// <summary>Loads the calendar; the caller holds <see cref="_loading"/>, which this releases.</summary>
    private async Task<Snapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_current is { IsFresh: true } loaded)
                return loaded;
            var calendar = ChineseBusinessCalendar.Shipped;
            var adminYears = new HashSet<int>();
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT year, json FROM calendar_years ORDER BY year";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var year = reader.GetInt32(0);
                calendar = calendar.With(ChineseBusinessCalendar.ParseYear(reader.GetString(1), year));
                adminYears.Add(year);
            }

            var snapshot = new Snapshot(calendar, adminYears, Environment.TickCount64);
            _current = snapshot;
            return snapshot;
        }
        catch (Exception) when (_current is { } stale && !cancellationToken.IsCancellationRequested)
        {
            // A failed background reload keeps the last snapshot; the next stale read tries again.
            return stale;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = WorkflowEngineServices.OpenConnection(storage.Value);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
