namespace Chamber.Campaigns.Portal;

/// <summary>One uploaded file as the portal checks it: its name, its declared length, and its content, read only once the length is fine.</summary>
public sealed record PortalUpload(string FileName, long Length, Func<CancellationToken, Task<byte[]>> ReadAsync);
