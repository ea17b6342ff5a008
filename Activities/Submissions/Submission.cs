namespace Chamber.Campaigns.Submissions;

/// <summary>What a chamber handed in for one request.</summary>
public sealed record Submission(string TaskId, IReadOnlyList<SubmittedFile> Files, string? Comment, DateTimeOffset SubmittedAt, int Round = 1);
