using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Submissions;
using Chamber.Workflows.Localization;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// The campaign's own documents — the plan (实施方案) as Word or PDF — which the department attaches
/// and the plan's approvers open on their sign-off task. They are kept as files of the campaign's
/// own workflow instance, so whoever has (or had) a task there reads them, as a reviewer reads a
/// chamber's submission (see <see cref="Tasks.TaskFiles"/>); uploads are checked as the portal's are.
/// </summary>
public sealed class CampaignDocuments(SubmissionFiles files, IDbContextFactory<CampaignDbContext> campaigns)
{
    /// <summary>What the stored files name as their task: the department's, not a chamber's.</summary>
    public const string DocumentsTask = "campaign-documents";

    public async Task<IReadOnlyList<SubmissionFileView>?> ListAsync(string campaignId, CancellationToken cancellationToken = default) =>
        await ExistsAsync(campaignId, cancellationToken)
            ? await files.ListAsync(CampaignService.CampaignInstanceId(campaignId), DocumentsTask, cancellationToken)
            : null;

    /// <summary>Adds the files (all or none: <see cref="FilesRefusedException"/>); null when there is no such campaign.</summary>
    public async Task<IReadOnlyList<SubmissionFileView>?> AddAsync(string campaignId, IReadOnlyList<FileUpload> uploads, CancellationToken cancellationToken = default)
    {
        if (await ListAsync(campaignId, cancellationToken) is not { } existing)
            return null;
        if (uploads.Count == 0)
            throw new FilesRefusedException([ReaderText.Of("没有收到文件", "No file was received.")]);
        if (existing.Count + uploads.Count > SubmissionFiles.MaxFiles)
            throw new FilesRefusedException([ReaderText.Of($"每个活动最多 {SubmissionFiles.MaxFiles} 个文件", $"A campaign has at most {SubmissionFiles.MaxFiles} documents.")]);
        var instanceId = CampaignService.CampaignInstanceId(campaignId);
        foreach (var (name, bytes) in await SubmissionFiles.ReadCheckedAsync(uploads, cancellationToken))
            await files.SaveAsync("", instanceId, DocumentsTask, name, bytes, cancellationToken);
        return await files.ListAsync(instanceId, DocumentsTask, cancellationToken);
    }

    /// <summary>Removes one document; false when the campaign has no such document.</summary>
    public async Task<bool> DeleteAsync(string campaignId, string fileId, CancellationToken cancellationToken = default)
    {
        var instanceId = CampaignService.CampaignInstanceId(campaignId);
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return await db.SubmissionFiles.Where(f => f.Id == fileId && f.InstanceId == instanceId && f.TaskId == DocumentsTask)
            .ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private async Task<bool> ExistsAsync(string campaignId, CancellationToken cancellationToken)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken);
    }
}
