namespace Chamber.Campaigns.Tasks;

/// <summary>The answer cannot be taken as given (unknown action, missing comment or person).</summary>
public sealed class TaskAnswerException(string message) : Exception(message);
