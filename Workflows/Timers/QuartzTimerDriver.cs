using Chamber.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Chamber.Workflows.Timers;

/// <summary>
/// Drives the timer sweep from Quartz with its persistent ADO store, in the engine's own database:
/// one job, one repeating trigger. Pending timers stay rows in the engine's tables, so a hundred
/// thousand of them cost Quartz nothing; Quartz contributes what it is good at — a durable
/// schedule, misfire handling after downtime, and, on PostgreSQL, a cluster in which exactly one
/// node runs each sweep.
/// </summary>
internal static class QuartzTimerDriver
{
    private const string SweepKey = "chamber-timer-sweep";

    /// <summary>
    /// A named scheduler: its clock and components are registered under its name, so giving it
    /// the system clock leaves the application's <see cref="TimeProvider"/> (perhaps manual) alone.
    /// </summary>
    private const string SchedulerName = "chamber-timers";

    public static IServiceCollection AddQuartzTimerSweep(this IServiceCollection services, StorageOptions storage)
    {
        services.AddQuartz(SchedulerName, quartz =>
        {
            // Quartz schedules the sweep on real time; in manual clock mode the sweep job stands
            // aside and the clock API fires what falls due instead.
            quartz.UseTimeProvider(TimeProvider.System);
            quartz.UsePersistentStore(store =>
            {
                if (storage.Provider == StorageProvider.Postgres)
                {
                    store.UsePostgres(storage.ConnectionString);
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(5);
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                    });
                }
                else
                {
                    store.UseSqlite(storage.ConnectionString);
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
            quartz.ScheduleJob<TimerSweepJob>(
                (services, trigger) => trigger.WithIdentity(SweepKey).StartNow().WithSimpleSchedule(schedule => schedule
                    .WithInterval(services.GetRequiredService<IOptions<TimerOptions>>().Value.PollInterval)
                    .RepeatForever()
                    // A long sweep (a backlog after downtime) delays the next one instead of
                    // piling up firings behind it.
                    .MeasureIntervalFromCompletion()
                    // One sweep catches up with everything due, so the host fires at once on start
                    // after downtime rather than replaying every missed firing.
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithRemainingCount)),
                (_, job) => job.WithIdentity(SweepKey).DisallowConcurrentExecution());
            // Quartz's own check of this scheduler (running and reaching its store), in the Host's readiness report.
            quartz.AddQuartzHealthChecks(check => check.Name = "scheduler");
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}

/// <summary>One sweep: fires every timer and scheduled start due now, earliest first.</summary>
[DisallowConcurrentExecution]
internal sealed class TimerSweepJob(TimerSweeper sweeper, Runtime.WorkflowRuntime runtime, ILogger<TimerSweepJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // The engine's clock, not the scheduler's: the scheduler always runs on real time.
        var clock = runtime.Clock;
        if (clock is ManualClock)
            return;
        try
        {
            await sweeper.FireDueAsync(clock.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next firing tries again; a faulted job would only add Quartz's own retry noise.
            logger.LogError(e, "Firing due timers failed; retrying at the next sweep.");
        }
    }
}
