using Chamber.Workflows.Diagnostics;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chamber.Workflows.Outbox;

/// <summary>What a sender does with the outbox: claim due messages, then mark each sent or failed.</summary>
public sealed class OutboxStore(IDbContextFactory<WorkflowsDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// The outbox page's messages, newest first, filtered by status, channel and instance. A
    /// channel's page is read off <c>ix_outbox_messages_channel_created</c>, not sorted whole.
    /// </summary>
    public static IOrderedQueryable<OutboxRecord> Listing(WorkflowsDbContext db, OutboxStatus? status, string? channel, string? instanceId)
    {
        var query = db.Outbox.AsNoTracking();
        if (status is not null)
            query = query.Where(m => m.Status == status);
        if (!string.IsNullOrEmpty(channel))
            query = query.Where(m => m.Channel == channel);
        if (!string.IsNullOrEmpty(instanceId))
            query = query.Where(m => m.InstanceId == instanceId);
        return query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id);
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> messages of a channel that are due: pending ones whose
    /// next attempt has come, and ones a sender claimed but never finished (its lease ran out — the
    /// host died mid-send). Each claim is a compare-and-set, so two senders never hold one message.
    /// </summary>
    public async Task<IReadOnlyList<OutboxRecord>> ClaimAsync(string channel, int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + lease;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Two seeks on the delivery index (channel, status, next_attempt_at), each in its order, instead
        // of one query with an OR of the two statuses: with that, SQLite read every message of the
        // channel for each claim (33 ms with 200,000 e-mails, and 0.9 s once an index ordered by
        // created_at was there to choose instead); now 2 ms.
        var due = await Due(db, channel, now).Take(max).ToListAsync(cancellationToken);
        var abandoned = await Abandoned(db, channel, now).Take(max).ToListAsync(cancellationToken);
        var candidates = abandoned.Count == 0 ? due : [.. due.Concat(abandoned).OrderBy(m => m.NextAttemptAt).Take(max)];
        var claimed = new List<OutboxRecord>(candidates.Count);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var message in candidates)
        {
            var won = await db.Outbox
                .Where(m => m.Id == message.Id && m.Status == message.Status && m.Attempts == message.Attempts)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Sending)
                    .SetProperty(m => m.LockedUntil, until)
                    .SetProperty(m => m.Attempts, message.Attempts + 1), cancellationToken);
            if (won == 1)
            {
                message.Status = OutboxStatus.Sending;
                message.Attempts++;
                claimed.Add(message);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>A channel's pending messages whose next attempt has come, the earliest first.</summary>
    public static IOrderedQueryable<OutboxRecord> Due(WorkflowsDbContext db, string channel, DateTime now) =>
        db.Outbox.AsNoTracking().Where(m => m.Channel == channel && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt);

    /// <summary>A channel's messages a sender claimed and never finished, its lease run out.</summary>
    public static IOrderedQueryable<OutboxRecord> Abandoned(WorkflowsDbContext db, string channel, DateTime now) =>
        db.Outbox.AsNoTracking().Where(m => m.Channel == channel && m.Status == OutboxStatus.Sending && m.LockedUntil < now).OrderBy(m => m.NextAttemptAt);

    /// <summary>When the earliest pending message of a channel falls due, or null when none is pending.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(string channel, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var next = await db.Outbox.AsNoTracking().Where(m => m.Channel == channel && m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.NextAttemptAt).Select(m => (DateTime?)m.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        return next is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    /// <summary>
    /// Writes messages asked for outside a workflow step (a 催办 by staff), in one transaction; a
    /// message whose idempotency key is already in the outbox is dropped, as at a step's commit.
    /// Returns how many were new.
    /// </summary>
    public async Task<int> EnqueueAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The statement a step's commit writes its messages with, so both keep the same rules.
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = EngineSql.InsertOutbox;
        var added = 0;
        foreach (var message in messages)
        {
            CommitWriter.Bind(command.Parameters, command.CreateParameter, CommitWriter.OutboxValues(message));
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public Task MarkSentAsync(OutboxRecord message, CancellationToken cancellationToken = default) => MarkSentAsync([message], cancellationToken);

    /// <summary>
    /// Marks messages sent, in one statement per attempt number (one write instead of one per
    /// message); a message claimed again meanwhile (its lease ran out) has another attempt number
    /// and is left to its new holder.
    /// </summary>
    public async Task MarkSentAsync(IReadOnlyCollection<OutboxRecord> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var attempt in messages.GroupBy(m => m.Attempts))
        {
            var ids = attempt.Select(m => m.Id).ToList();
            await db.Outbox.Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Sending && m.Attempts == attempt.Key)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Sent)
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, (string?)null), cancellationToken);
        }

        foreach (var channel in messages.GroupBy(m => m.Channel))
            WorkflowTelemetry.OutboxDeliveries.Add(channel.Count(), WorkflowTelemetry.Tag("channel", channel.Key), WorkflowTelemetry.Tag("outcome", "sent"));
    }

    /// <summary>Records a failed attempt: tried again after <paramref name="retryAfter"/>, or given up (Failed) when that is null.</summary>
    public async Task MarkFailedAsync(OutboxRecord message, string error, TimeSpan? retryAfter, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var status = retryAfter is null ? OutboxStatus.Failed : OutboxStatus.Pending;
        var next = now + (retryAfter ?? TimeSpan.Zero);
        var trimmed = error.Length > 2000 ? error[..2000] : error;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Outbox.Where(m => m.Id == message.Id && m.Status == OutboxStatus.Sending && m.Attempts == message.Attempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LockedUntil, (DateTime?)null)
                .SetProperty(m => m.LastError, trimmed), cancellationToken);
        WorkflowTelemetry.OutboxDeliveries.Add(1, WorkflowTelemetry.Tag("channel", message.Channel), WorkflowTelemetry.Tag("outcome", "failed"));
    }

    /// <summary>
    /// Messages waiting per channel (pending or being sent), for the outbox-depth gauge. Synchronous:
    /// a metrics collection calls it on its own thread, once per scrape.
    /// </summary>
    public IReadOnlyDictionary<string, int> CountWaiting()
    {
        using var db = contexts.CreateDbContext();
        return db.Outbox.Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)
            .GroupBy(m => m.Channel).Select(g => new { g.Key, Count = g.Count() }).ToDictionary(g => g.Key, g => g.Count, StringComparer.Ordinal);
    }

    /// <summary>
    /// Sends every message of a channel that was given up on again (of one instance, when given),
    /// from a fresh count of attempts: after an outage, one action instead of one per message.
    /// Returns how many.
    /// </summary>
    public async Task<int> RequeueFailedAsync(string channel, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var failed = db.Outbox.Where(m => m.Channel == channel && m.Status == OutboxStatus.Failed);
        if (!string.IsNullOrEmpty(instanceId))
            failed = failed.Where(m => m.InstanceId == instanceId);
        return await failed.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptAt, now), cancellationToken);
    }

    /// <summary>Sends a message that was given up on again, from a fresh count of attempts; its channel, or null when it is not Failed.</summary>
    public async Task<string?> RequeueAsync(string id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requeued = await db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now), cancellationToken) == 1;
        return requeued ? await db.Outbox.Where(m => m.Id == id).Select(m => m.Channel).FirstAsync(cancellationToken) : null;
    }
}
