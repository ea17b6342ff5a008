using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Reviews;
using Chamber.Campaigns.Submissions;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Evidence;

/// <summary>
/// Evidence per standard (台账、档案, as the Four-Good notice asks for them): on its portal a chamber
/// attaches files and a note to each standard of its campaign's rubric that reviewers score by
/// hand; the reviewer sees them beside the item being scored, and staff see before the review who
/// has shown nothing for which standards. The files are submission files of the participant's
/// workflow instance under the task <c>evidence/{item}</c>, so whoever may read its submissions
/// may read them; uploads are checked as the portal's are.
/// </summary>
public sealed class RubricEvidence(IDbContextFactory<CampaignDbContext> campaigns, IDbContextFactory<WorkflowsDbContext> workflows,
    CampaignTemplates templates, SubmissionFiles files, TaskIndex taskIndex, RubricCatalog rubrics, TimeProvider clock)
{
    /// <summary>How the files of a standard name their task.</summary>
    public const string TaskPrefix = "evidence/";

    public const int MaxNoteLength = 2000;

    /// <summary>The evidence sheets of the campaigns a chamber takes part in now (its part launched and not ended), newest campaign first.</summary>
    public async Task<IReadOnlyList<EvidenceSheet>> OfChamberAsync(string chamberId, CancellationToken cancellationToken = default)
    {
        List<(CampaignRecord Campaign, string InstanceId)> participations;
        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
        {
            participations = [.. (await db.CampaignParticipants.AsNoTracking().Where(p => p.ChamberId == chamberId && p.Launched)
                .Join(db.Campaigns, p => p.CampaignId, c => c.Id, (p, c) => new { Campaign = c, p.InstanceId })
                .ToListAsync(cancellationToken)).Select(p => (p.Campaign, p.InstanceId))];
        }

        var running = await RunningAsync([.. participations.Select(p => p.InstanceId)], cancellationToken);
        var sheets = new List<EvidenceSheet>();
        foreach (var (campaign, instanceId) in participations.Where(p => running.Contains(p.InstanceId)).OrderByDescending(p => p.Campaign.CreatedAt))
        {
            if (await SheetAsync(campaign, instanceId, cancellationToken) is { } sheet)
                sheets.Add(sheet);
        }

        return sheets;
    }

    /// <summary>One participant's evidence, for whoever scores or oversees it; null when the instance is no participant's or its campaign has no rubric.</summary>
    public async Task<EvidenceSheet?> OfInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await ParticipationAsync(instanceId, cancellationToken) is ({ } campaign, _) ? await SheetAsync(campaign, instanceId, cancellationToken) : null;

    /// <summary>For how many standards each of these participants has shown something (a note or a file).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default)
    {
        if (instanceIds.Count == 0)
            return new Dictionary<string, int>();
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var noted = await db.EvidenceNotes.AsNoTracking().Where(n => instanceIds.Contains(n.InstanceId))
            .Select(n => new { n.InstanceId, n.ItemId }).ToListAsync(cancellationToken);
        var filed = await db.SubmissionFiles.AsNoTracking().Where(f => instanceIds.Contains(f.InstanceId) && f.TaskId.StartsWith(TaskPrefix))
            .Select(f => new { f.InstanceId, f.TaskId }).Distinct().ToListAsync(cancellationToken);
        return noted.Select(n => (n.InstanceId, n.ItemId)).Concat(filed.Select(f => (f.InstanceId, ItemId: f.TaskId[TaskPrefix.Length..])))
            .Distinct().GroupBy(e => e.InstanceId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The chamber's note on a standard (an empty one removes it). Null when the participant is not the
    /// chamber's or has no such standard; <see cref="EvidenceRefusedException"/> for a note too long,
    /// <see cref="WorkflowConflictException"/> while it is being scored or after its part ended.
    /// </summary>
    public async Task<EvidenceSheet?> SaveNoteAsync(string chamberId, string instanceId, string itemId, string? note,
        CancellationToken cancellationToken = default)
    {
        var text = note?.Trim() ?? "";
        if (text.Length > MaxNoteLength)
            throw new EvidenceRefusedException(ReaderText.Of($"说明不超过 {MaxNoteLength} 字", $"A note has at most {MaxNoteLength:N0} characters."));
        if (await EditableAsync(chamberId, instanceId, itemId, cancellationToken) is null)
            return null;

        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
        {
            var record = await db.EvidenceNotes.FindAsync([instanceId, itemId], cancellationToken);
            if (text.Length == 0)
            {
                if (record is not null)
                    db.EvidenceNotes.Remove(record);
            }
            else if (record is null)
            {
                db.EvidenceNotes.Add(new EvidenceNoteRecord
                {
                    InstanceId = instanceId, ItemId = itemId, ChamberId = chamberId, Note = text, UpdatedAt = clock.GetUtcNow().UtcDateTime,
                });
            }
            else
            {
                record.Note = text;
                record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return await OfInstanceAsync(instanceId, cancellationToken);
    }

    /// <summary>Files for a standard, all or none (<see cref="FilesRefusedException"/>); null and conflicts as <see cref="SaveNoteAsync"/>.</summary>
    public async Task<EvidenceSheet?> AddFilesAsync(string chamberId, string instanceId, string itemId, IReadOnlyList<FileUpload> uploads,
        CancellationToken cancellationToken = default)
    {
        if (await EditableAsync(chamberId, instanceId, itemId, cancellationToken) is not { } item)
            return null;
        if (uploads.Count == 0)
            throw new FilesRefusedException([ReaderText.Of("没有收到文件", "No file was received.")]);
        if (item.Files.Count + uploads.Count > SubmissionFiles.MaxFiles)
            throw new FilesRefusedException([ReaderText.Of($"每项标准最多 {SubmissionFiles.MaxFiles} 个文件", $"A standard takes at most {SubmissionFiles.MaxFiles} files.")]);
        foreach (var (name, bytes) in await SubmissionFiles.ReadCheckedAsync(uploads, cancellationToken))
            await files.SaveAsync(chamberId, instanceId, TaskPrefix + itemId, name, bytes, cancellationToken);
        return await OfInstanceAsync(instanceId, cancellationToken);
    }

    /// <summary>Removes one of the chamber's evidence files; null when it is not one (another chamber's, or a submission's).</summary>
    public async Task<EvidenceSheet?> DeleteFileAsync(string chamberId, string instanceId, string fileId, CancellationToken cancellationToken = default)
    {
        if (await files.FindAsync(fileId, cancellationToken) is not { } file || file.ChamberId != chamberId || file.InstanceId != instanceId
            || !file.TaskId.StartsWith(TaskPrefix, StringComparison.Ordinal)
            || await EditableAsync(chamberId, instanceId, file.TaskId[TaskPrefix.Length..], cancellationToken) is null)
            return null;
        await files.DeleteAsync([new SubmittedFile(file.Id, file.FileName, file.ContentType, file.Size)], cancellationToken);
        return await OfInstanceAsync(instanceId, cancellationToken);
    }

    /// <summary>The standard, when the chamber may change its evidence now.</summary>
    private async Task<EvidenceItem?> EditableAsync(string chamberId, string instanceId, string itemId, CancellationToken cancellationToken)
    {
        if (await ParticipationAsync(instanceId, cancellationToken) is not ({ } campaign, var owner) || owner != chamberId
            || await SheetAsync(campaign, instanceId, cancellationToken) is not { } sheet
            || sheet.Items.FirstOrDefault(i => i.ItemId == itemId) is not { } item)
            return null;
        return sheet.Open ? item
            : throw new WorkflowConflictException(ReaderText.Of("考核评分正在进行或已经结束，考核材料不能再修改",
                "The review is under way or over: the evidence can no longer be changed."));
    }

    private async Task<(CampaignRecord? Campaign, string? ChamberId)> ParticipationAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var row = await db.CampaignParticipants.AsNoTracking().Where(p => p.InstanceId == instanceId && p.Launched)
            .Join(db.Campaigns, p => p.CampaignId, c => c.Id, (p, c) => new { Campaign = c, p.ChamberId })
            .FirstOrDefaultAsync(cancellationToken);
        return (row?.Campaign, row?.ChamberId);
    }

    private async Task<EvidenceSheet?> SheetAsync(CampaignRecord campaign, string instanceId, CancellationToken cancellationToken)
    {
        // The campaign's own version of its rubric: the standards its participants are scored by.
        var rubricId = campaign.RubricId ?? (await templates.FindAsync(campaign.TemplateId, cancellationToken)).Template?.Rubric;
        if (rubricId is null || await rubrics.FindAsync(rubricId, campaign.RubricVersion, cancellationToken) is not { } rubric)
            return null;
        Dictionary<string, string> notes;
        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
        {
            notes = await db.EvidenceNotes.AsNoTracking().Where(n => n.InstanceId == instanceId)
                .ToDictionaryAsync(n => n.ItemId, n => n.Note, StringComparer.Ordinal, cancellationToken);
        }

        var filed = (await files.ListAsync(instanceId, cancellationToken: cancellationToken))
            .Where(f => f.TaskId.StartsWith(TaskPrefix, StringComparison.Ordinal)).ToLookup(f => f.TaskId[TaskPrefix.Length..]);
        return new EvidenceSheet(campaign.Id, campaign.Name, instanceId, rubric.Name, rubric.NameEn, await IsOpenAsync(instanceId, cancellationToken),
            [.. rubric.Scored.Select(i => new EvidenceItem(i.Id, i.Area, i.AreaEn, i.Title, i.TitleEn, i.MaxScore, notes.GetValueOrDefault(i.Id), [.. filed[i.Id]]))]);
    }

    /// <summary>While the participant's workflow runs and nobody is scoring it: a re-review after rectification reopens it in between.</summary>
    private async Task<bool> IsOpenAsync(string instanceId, CancellationToken cancellationToken) =>
        (await RunningAsync([instanceId], cancellationToken)).Count > 0
        && !(await taskIndex.OfInstanceAsync(instanceId, cancellationToken)).Any(t => t.Task.Kind == TaskKinds.RubricReview);

    private async Task<HashSet<string>> RunningAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
    {
        await using var wf = await workflows.CreateDbContextAsync(cancellationToken);
        return [.. await wf.Instances.Where(i => instanceIds.Contains(i.Id)
                && i.Status != WorkflowStatus.Finished && i.Status != WorkflowStatus.Faulted && i.Status != WorkflowStatus.Cancelled)
            .Select(i => i.Id).ToListAsync(cancellationToken)];
    }
}
