namespace Chamber.Campaigns.Chambers;

/// <summary>A chamber that campaigns refer to cannot be removed from the directory.</summary>
public sealed class ChamberInUseException(string message) : Exception(message);
