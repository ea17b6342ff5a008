using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Outbox;

namespace Chamber.Campaigns.Mailings;

/// <summary>What a mailing writes to whom: the recipients, in a query the mailer pages through, and each one's message.</summary>
/// <param name="Recipients">The participants to write to (ordered and paged by the mailer).</param>
/// <param name="Write">One participant's message; null when it has no address.</param>
public sealed record Letters(Func<CampaignDbContext, IQueryable<ChamberRecord>> Recipients, Func<ChamberRecord, CancellationToken, ValueTask<OutboxMessage?>> Write);

/// <summary>The letters of one kind of mailing (<see cref="ParticipantMailing.Kind"/>): a meeting's, a notice's.</summary>
public interface IParticipantLetters
{
    string Kind { get; }

    /// <summary>Gets a mailing ready (and records what it changes); null when a later one has made it moot.</summary>
    Task<Letters?> PrepareAsync(ParticipantMailing mailing, string? instanceId, CancellationToken cancellationToken);
}
