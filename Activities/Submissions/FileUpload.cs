namespace Chamber.Campaigns.Submissions;

/// <summary>One uploaded file as it is checked: its name, its declared length, and its content, read only once the length is fine.</summary>
public sealed record FileUpload(string FileName, long Length, Func<CancellationToken, Task<byte[]>> ReadAsync);
