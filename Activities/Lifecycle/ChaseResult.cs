namespace Chamber.Campaigns.Lifecycle;

/// <summary>What a 催办 did: e-mails written to the outbox, chambers chased today already (not mailed twice), and picked chambers with nothing to submit.</summary>
public sealed record ChaseResult(int Chased, int AlreadyChasedToday, int NothingToSubmit);
