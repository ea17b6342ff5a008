namespace Chamber.Campaigns.Evidence;

/// <summary>Evidence that cannot be taken as sent (nothing was changed); the message says why.</summary>
public sealed class EvidenceRefusedException(string message) : Exception(message);
