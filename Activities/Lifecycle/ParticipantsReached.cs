namespace Chamber.Campaigns.Lifecycle;

/// <summary>How far the participants got when the parent went on.</summary>
public sealed record ParticipantsReached(string Stage, int Participants, int Reached, int Commended, int Rectifying, int NotPassed);
