namespace Chamber.Campaigns.Submissions;

/// <summary>A file handed in, as a task lists it: what to download, and which submission it came with.</summary>
/// <param name="TaskId">The chamber's item (the request's round) the file was handed in for.</param>
public sealed record SubmissionFileView(string Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string TaskId);
