namespace Chamber.Campaigns.Submissions;

/// <summary>A file handed in through the portal (stored in <c>submission_files</c>).</summary>
public sealed record SubmittedFile(string Id, string FileName, string ContentType, long Size);
