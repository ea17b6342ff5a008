using Chamber.Workflows.Timers;

namespace Chamber.Workflows.Tests.Timers;

public sealed class TriggerScheduleTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Due = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("every PT1H")]
    [InlineData("cron Asia/Shanghai 0 0 9 ? * MON-FRI")]
    [InlineData("cron UTC 0 0 9 * * 1-5")]
    [InlineData("at 2026-05-01T00:00:00.0000000+00:00")]
    public void The_stored_form_reads_back_as_the_same_schedule(string spec) =>
        Assert.Equal(spec, TriggerSchedule.Parse(spec, Beijing).Spec);

    [Theory]
    [InlineData("hourly")]
    [InlineData("every soon")]
    [InlineData("cron every monday")]
    public void A_spec_that_is_not_a_schedule_is_refused(string spec) =>
        Assert.ThrowsAny<FormatException>(() => TriggerSchedule.Parse(spec, Beijing));

    [Fact]
    public void An_interval_stays_on_its_grid_when_a_firing_is_late()
    {
        var hourly = new IntervalSchedule(TimeSpan.FromHours(1));
        Assert.Equal(Due.AddHours(1), hourly.Next(Due, Due));
        Assert.Equal(Due.AddHours(1), hourly.Next(Due, Due.AddMinutes(7)));
        // Down for two and a half hours: one start stands for the missed ones, then back on the grid.
        Assert.Equal(Due.AddHours(3), hourly.Next(Due, Due.AddHours(2.5)));
    }

    [Fact]
    public void A_schedule_stored_before_zones_were_named_reads_in_the_hosts_zone()
    {
        var stored = TriggerSchedule.Parse("cron 0 0 9 ? * MON-FRI", Beijing);
        Assert.Equal("cron Asia/Shanghai 0 0 9 ? * MON-FRI", stored.Spec);
        Assert.Equal(Due, stored.First(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_cron_schedule_reads_beijing_time_and_skips_occurrences_missed_while_down()
    {
        var weekdays = TriggerSchedule.Parse("cron 0 0 9 ? * MON-FRI", Beijing);
        // Saturday 21 Nov 2026, 10:00 in Beijing → Monday 9:00 Beijing = 01:00 UTC.
        Assert.Equal(Due, weekdays.First(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero)));
        // Monday's firing happened on Wednesday afternoon: next is Thursday morning, not Tuesday.
        Assert.Equal(Due.AddDays(3), weekdays.Next(Due, Due.AddDays(2).AddHours(6)));
    }

    [Fact]
    public void A_one_time_schedule_fires_once_and_never_for_a_moment_already_past()
    {
        var once = new OnceSchedule(Due);
        Assert.Equal(Due, once.First(Due.AddDays(-1)));
        Assert.Null(once.First(Due));
        Assert.Null(once.Next(Due, Due));
    }

    [Fact]
    public void An_occurrence_always_maps_to_the_same_instance_id_and_another_occurrence_to_another()
    {
        var first = ScheduledStarts.OccurrenceInstanceId("def/tick", Due);
        Assert.Equal(first, ScheduledStarts.OccurrenceInstanceId("def/tick", Due));
        Assert.NotEqual(first, ScheduledStarts.OccurrenceInstanceId("def/tick", Due.AddHours(1)));
        Assert.NotEqual(first, ScheduledStarts.OccurrenceInstanceId("other/tick", Due));
        Assert.Matches("^[0-9a-f]{32}$", first);
    }
}
