using Chamber.Workflows.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Workflows.Timers;

/// <summary>
/// Fires the timers of one bookmark name without their workflow instances. For timers that only
/// notify and reschedule themselves — a reminder before a deadline — where tens of thousands fall
/// due at the same minute: loading, running and committing each instance would cost a hundred
/// times what the reminder does. The bookmark's payload carries everything the handler needs; the
/// handler turns a batch of due timers into messages and next due times, and the store writes
/// them in one transaction (see <see cref="Persistence.IWorkflowInstanceStore.AdvanceTimersAsync"/>).
/// </summary>
/// <remarks>
/// The bookmark row is the timer's truth: its due time and payload move on while the instance's
/// copy keeps the first ones, and the activity owns the bookmark as any other — it removes it when
/// the wait is over (a submission came in), which stops the timer. Such a bookmark is never
/// resumed through its instance: the sweeper passes it to the handler only, and the instance API
/// refuses to resume it.
/// </remarks>
public interface IDetachedTimerHandler
{
    /// <summary>The bookmark name this handler fires.</summary>
    string BookmarkName { get; }

    /// <summary>
    /// One advance per due timer, in any order. A timer the handler cannot fire now still needs an
    /// advance: a due time not after <paramref name="now"/> means "try again" (the sweeper makes it
    /// <see cref="TimerSweeper.DetachedRetryDelay"/> later), none means "never again".
    /// </summary>
    Task<IReadOnlyList<TimerAdvance>> FireAsync(IReadOnlyList<DueTimer> due, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A due timer as its bookmark row has it.</summary>
public sealed record DueTimer(string BookmarkId, string InstanceId, string ActivityId, DateTimeOffset DueAt, string? Payload);

/// <summary>What firing a timer does: the messages it sends, and when it fires next with what payload (never again when <see cref="NextDueAt"/> is null).</summary>
public sealed record TimerAdvance(DueTimer Timer, IReadOnlyList<OutboxMessage> Messages, DateTimeOffset? NextDueAt, string? NextPayload);

public static class DetachedTimerServices
{
    /// <summary>Registers a handler; the timer sweeper fires its bookmarks in batches from then on.</summary>
    public static IServiceCollection AddDetachedTimer<THandler>(this IServiceCollection services)
        where THandler : class, IDetachedTimerHandler
    {
        services.AddSingleton<THandler>();
        services.AddSingleton<IDetachedTimerHandler>(sp => sp.GetRequiredService<THandler>());
        return services;
    }
}

/// <summary>
/// Due timers taken by one sweep for one batch: on PostgreSQL their rows stay locked (FOR UPDATE
/// SKIP LOCKED) until <see cref="WriteAsync"/> commits or the claim is disposed, so hosts sweeping at
/// once each take other timers instead of firing the same ones twice; elsewhere a claim is a read.
/// </summary>
public sealed class DueTimerClaim(
    IReadOnlyList<DueTimer> timers,
    Func<IReadOnlyList<TimerAdvance>, CancellationToken, Task<IReadOnlyList<TimerAdvance>>> write,
    Func<ValueTask>? release = null) : IAsyncDisposable
{
    public IReadOnlyList<DueTimer> Timers { get; } = timers;

    /// <summary>Writes the fired timers (as <see cref="Persistence.IWorkflowInstanceStore.AdvanceTimersAsync"/>) and ends the claim.</summary>
    public Task<IReadOnlyList<TimerAdvance>> WriteAsync(IReadOnlyList<TimerAdvance> advances, CancellationToken cancellationToken) =>
        write(advances, cancellationToken);

    public ValueTask DisposeAsync() => release?.Invoke() ?? ValueTask.CompletedTask;
}
