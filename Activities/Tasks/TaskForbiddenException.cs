namespace Chamber.Campaigns.Tasks;

/// <summary>The task is someone else's.</summary>
public sealed class TaskForbiddenException(string message) : Exception(message);
