using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Submissions;
using Chamber.Workflows.Localization;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Tasks;

/// <summary>
/// What the chamber handed in, for the person who checks or scores it. A person reads the files of
/// a workflow instance (one chamber's part of a campaign) while one of its tasks is theirs, and
/// after they answered one; staff and administrators read every file (the Host's policy).
/// </summary>
public sealed class TaskFiles(TaskInbox inbox, TaskIndex taskIndex, SubmissionFiles files, IDbContextFactory<CampaignDbContext> campaigns)
{
    /// <summary>
    /// The files behind the caller's open task: for a check, the submission being checked; for
    /// anything else (a review), everything handed in within the instance. Null when the task is
    /// not open; <see cref="TaskForbiddenException"/> when it is someone else's.
    /// </summary>
    public async Task<IReadOnlyList<SubmissionFileView>?> OfTaskAsync(TaskActor actor, string taskId, CancellationToken cancellationToken = default)
    {
        if (await inbox.FindAsync(actor, taskId, cancellationToken) is not { } task)
            return null;
        var submission = task.Task.Kind == TaskKinds.CheckSubmission ? task.Task.Context?.GetValueOrDefault("submissionTask") : null;
        return await files.ListAsync(task.InstanceId, submission, cancellationToken);
    }

    /// <summary>
    /// Files the person answering an open task adds to it (a signed scan, an amended plan): kept in
    /// the task's workflow instance, so whoever answers next there sees them with the rest. All or
    /// none (<see cref="FilesRefusedException"/>); null when the task is not open,
    /// <see cref="TaskForbiddenException"/> when it is someone else's.
    /// </summary>
    public async Task<IReadOnlyList<SubmissionFileView>?> AddAsync(TaskActor actor, string taskId, IReadOnlyList<FileUpload> uploads,
        CancellationToken cancellationToken = default)
    {
        if (await inbox.FindAsync(actor, taskId, cancellationToken) is not { } task)
            return null;
        if (uploads.Count == 0)
            throw new FilesRefusedException([ReaderText.Of("没有收到文件", "No file was received.")]);
        if (uploads.Count > SubmissionFiles.MaxFiles)
            throw new FilesRefusedException([ReaderText.Of($"一次最多上传 {SubmissionFiles.MaxFiles} 个文件", $"At most {SubmissionFiles.MaxFiles} files at once.")]);
        foreach (var (name, bytes) in await SubmissionFiles.ReadCheckedAsync(uploads, cancellationToken))
            await files.SaveAsync("", task.InstanceId, taskId, name, bytes, cancellationToken);
        return await OfTaskAsync(actor, taskId, cancellationToken);
    }

    /// <summary>Whether the caller has, or had, a task in the instance the file was handed in to.</summary>
    public async Task<bool> MayReadAsync(TaskActor actor, SubmissionFileRecord file, CancellationToken cancellationToken = default)
    {
        var tags = actor.Tags;
        if ((await taskIndex.OfInstanceAsync(file.InstanceId, cancellationToken)).Any(t => t.Tag is { } tag && tags.Contains(tag)))
            return true;
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return await db.TaskHistory.AnyAsync(h => h.InstanceId == file.InstanceId && h.Actor == actor.Email, cancellationToken);
    }
}
