namespace Chamber.Campaigns.Outcomes;

/// <summary>A chamber's commendation, as the campaign's list of honours shows it.</summary>
public sealed record Commendation(string ChamberId, string Chamber, string Honour, decimal Total, DateOnly Date);
