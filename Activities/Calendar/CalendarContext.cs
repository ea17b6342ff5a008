using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Calendar;

/// <summary>The business calendar as the campaign activities reach it.</summary>
public static class CalendarContext
{
    /// <summary>The current business calendar (every year shipped or added by an administrator).</summary>
    public static ValueTask<ChineseBusinessCalendar> GetCalendarAsync(this ActivityExecutionContext context) =>
        context.Services.GetRequiredService<BusinessCalendarService>().GetAsync();
}
