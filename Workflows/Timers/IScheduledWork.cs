using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Workflows.Timers;

/// <summary>
/// Work that is not a workflow's timer but falls due at moments of its own (the leaders' daily
/// 督办 digest). The timer sweeper runs it with the timers, so it happens at its moment on the
/// system clock and, on a manual clock, at the simulated moment in due-time order with everything else.
/// </summary>
public interface IScheduledWork
{
    /// <summary>When this work next falls due, or null when nothing waits.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken);

    /// <summary>Does what is due at <paramref name="now"/>; returns how many items it handled. What it cannot do now must move its next due time on.</summary>
    Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

public static class ScheduledWorkServices
{
    /// <summary>Registers scheduled work; the timer sweeper runs it from then on.</summary>
    public static IServiceCollection AddScheduledWork<TWork>(this IServiceCollection services)
        where TWork : class, IScheduledWork
    {
        services.AddSingleton<TWork>();
        services.AddSingleton<IScheduledWork>(sp => sp.GetRequiredService<TWork>());
        return services;
    }
}
