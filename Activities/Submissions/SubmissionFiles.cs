using System.Security.Cryptography;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Localization;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Submissions;

public sealed class SubmissionFileRecord
{
    public required string Id { get; set; }
    public required string ChamberId { get; set; }
    public required string InstanceId { get; set; }
    public required string TaskId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>
/// Files chambers hand in. Only document, sheet, image and archive types are taken, a file that
/// starts like a program is refused whatever its name, and files are always served back as
/// downloads — nothing uploaded is ever rendered by a browser in our origin.
/// </summary>
public sealed class SubmissionFiles(IDbContextFactory<CampaignDbContext> contexts, TimeProvider clock)
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxFiles = 10;
    public const long MaxUploadBytes = 60 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".ppt"] = "application/vnd.ms-powerpoint",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".wps"] = "application/vnd.ms-works",
        [".ofd"] = "application/ofd",
        [".txt"] = "text/plain",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".zip"] = "application/zip",
    };

    /// <summary>Why a file is refused, in words for the chamber; null when it is fine.</summary>
    public static string? Problem(string fileName, long size, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName);
        if (!AllowedTypes.ContainsKey(extension))
            return ReaderText.Of($"“{fileName}”的类型不支持，可上传：{string.Join(" ", AllowedTypes.Keys)}", $"'{fileName}' is not an accepted type: {string.Join(" ", AllowedTypes.Keys)}.");
        if (size == 0)
            return ReaderText.Of($"“{fileName}”是空文件", $"The file is empty.");
        if (size > MaxFileBytes)
            return ReaderText.Of($"“{fileName}”超过 {MaxFileBytes / (1024 * 1024)} MB", $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB.");
        if (head.StartsWith("MZ"u8) || head.StartsWith("\u007FELF"u8) || head.StartsWith("#!"u8))
            return ReaderText.Of($"“{fileName}”看起来是程序文件", $"The file looks like a program and is refused.");
        return null;
    }

    /// <summary>
    /// The uploads' contents, every file checked (<see cref="Problem"/>) before any is kept: one
    /// refused file refuses them all (<see cref="FilesRefusedException"/>, naming each reason).
    /// </summary>
    public static async Task<List<(string Name, byte[] Bytes)>> ReadCheckedAsync(IReadOnlyList<FileUpload> uploads, CancellationToken cancellationToken = default)
    {
        var contents = new List<(string Name, byte[] Bytes)>();
        var problems = new List<string>();
        foreach (var upload in uploads)
        {
            // A file too large is refused by its declared length, without reading it.
            if (upload.Length > MaxFileBytes)
            {
                problems.Add(Problem(upload.FileName, upload.Length, [])!);
                continue;
            }

            var bytes = await upload.ReadAsync(cancellationToken);
            if (Problem(upload.FileName, bytes.LongLength, bytes.AsSpan(0, Math.Min(8, bytes.Length))) is { } refused)
                problems.Add(refused);
            contents.Add((upload.FileName, bytes));
        }

        return problems.Count > 0 ? throw new FilesRefusedException(problems) : contents;
    }

    public async Task<SubmittedFile> SaveAsync(string chamberId, string instanceId, string taskId, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var safeName = Path.GetFileName(fileName.Replace('\\', '/'));
        var record = new SubmissionFileRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            ChamberId = chamberId,
            InstanceId = instanceId,
            TaskId = taskId,
            FileName = safeName.Length > 200 ? safeName[^200..] : safeName,
            ContentType = AllowedTypes[Path.GetExtension(safeName)],
            Size = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.SubmissionFiles.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new SubmittedFile(record.Id, record.FileName, record.ContentType, record.Size);
    }

    /// <summary>The files handed in within one workflow instance (one chamber's part), or for one of its items only, oldest first; without their content.</summary>
    /// <summary>Removes files stored for a submission the workflow did not take (another one for the same item won).</summary>
    public async Task DeleteAsync(IReadOnlyCollection<SubmittedFile> stored, CancellationToken cancellationToken = default)
    {
        var ids = stored.Select(f => f.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SubmissionFiles.Where(f => ids.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SubmissionFileView>> ListAsync(string instanceId, string? taskId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.SubmissionFiles.AsNoTracking().Where(f => f.InstanceId == instanceId);
        if (taskId is not null)
            query = query.Where(f => f.TaskId == taskId);
        var rows = await query.OrderBy(f => f.UploadedAt).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.FileName, f.ContentType, f.Size, f.UploadedAt, f.TaskId }).ToListAsync(cancellationToken);
        return [.. rows.Select(f => new SubmissionFileView(f.Id, f.FileName, f.ContentType, f.Size,
            new DateTimeOffset(DateTime.SpecifyKind(f.UploadedAt, DateTimeKind.Utc)), f.TaskId))];
    }

    public async Task<SubmissionFileRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SubmissionFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
    }
}
