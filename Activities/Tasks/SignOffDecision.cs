namespace Chamber.Campaigns.Tasks;

/// <summary>A decision as the workflow keeps it (output of a sign-off, shown in its history).</summary>
public sealed record SignOffDecision(string TaskId, string By, string? ByName, string Action, string? Comment, DateTimeOffset At, string? Target = null);
