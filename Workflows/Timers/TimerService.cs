using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chamber.Workflows.Timers;

/// <summary>
/// Fires due timers on the real clock, polling the bookmark index. A timer that fell due while the
/// host was down fires on the first poll after start. With a <see cref="ManualClock"/> it stays idle:
/// the clock API does the firing.
/// </summary>
public sealed class TimerService(IServiceProvider services, TimeProvider clock, IOptions<TimerOptions> options, ILogger<TimerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (clock is ManualClock)
            return;
        var sweeper = services.GetRequiredService<TimerSweeper>();
        using var ticks = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await sweeper.FireDueAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Firing due timers failed; retrying at the next poll.");
            }
        }
        while (await ticks.WaitForNextTickAsync(stoppingToken));
    }
}
