using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// Campaign commands: created from a template and a list of chambers, then launched in the
/// background by <see cref="CampaignLauncher"/> (one workflow instance per chamber, correlated by
/// the campaign id). What a campaign looks like while it runs is <see cref="CampaignQueries"/>.
/// </summary>
public sealed class CampaignService(
    IDbContextFactory<CampaignDbContext> campaigns,
    CampaignTemplates templates,
    IPeopleDirectory people,
    TimeProvider clock)
{
    public async Task<CampaignRecord> CreateAsync(CreateCampaign request, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(request.Name))
            problems.Add("请填写活动名称 / The campaign needs a name.");
        if (request.Year is not (>= 2004 and <= 2100))
            problems.Add("年度无效 / The year is not valid.");
        var (_, templateProblem) = await templates.FindAsync(request.TemplateId, cancellationToken);
        if (templateProblem is not null)
            problems.Add(templateProblem);
        var participantIds = (request.ParticipantIds ?? []).Distinct().ToList();
        if (participantIds.Count == 0)
            problems.Add("请选择参加的商会 / Choose the participating chambers.");
        var named = new List<(string Text, string Tag)>();
        foreach (var address in (request.Leaders ?? []).Concat(request.Reviewers ?? []).Concat(request.PlanApprovers ?? []))
        {
            if (UserTasks.AssigneeTag(address) is { } tag)
                named.Add((address, tag));
            else
                problems.Add($"“{address}”既不是邮箱也不是角色 / '{address}' is neither an e-mail address nor role:<name>.");
        }

        // Everyone named must be somebody: a task for an address without an account would wait for ever.
        var nobody = (await people.UnknownAsync([.. named.Select(n => n.Tag).Distinct()], cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var (text, _) in named.Where(n => nobody.Contains(n.Tag)).DistinctBy(n => n.Tag))
        {
            problems.Add(text.TrimStart().StartsWith("role:", StringComparison.OrdinalIgnoreCase)
                ? $"没有“{text}”这个角色 / There is no role '{text}'."
                : $"“{text}”不是系统中的有效用户 / '{text}' has no active account.");
        }

        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        if (participantIds.Count > 0)
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in participantIds.Chunk(1000))
                known.UnionWith(await db.Chambers.Where(c => chunk.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken));
            var unknown = participantIds.Where(id => !known.Contains(id)).Take(5).ToList();
            if (unknown.Count > 0)
                problems.Add($"商会不在名录中：{string.Join(", ", unknown)} / Not in the chamber directory.");
        }

        if (problems.Count > 0)
            throw new CampaignRequestException(string.Join(" ", problems));

        var campaign = new CampaignRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Name = request.Name!.Trim(),
            Year = request.Year!.Value,
            TemplateId = request.TemplateId!,
            Status = CampaignStatus.Draft,
            Leaders = request.Leaders is { Count: > 0 } leaders ? string.Join(", ", leaders) : null,
            Reviewers = request.Reviewers is { Count: > 0 } reviewers ? string.Join(", ", reviewers) : null,
            PlanApprovers = request.PlanApprovers is { Count: > 0 } approvers ? string.Join(", ", approvers) : null,
            Schedule = request.Schedule is { Count: > 0 } schedule ? JsonSerializer.Serialize(schedule) : null,
            ParticipantCount = participantIds.Count,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Campaigns.Add(campaign);
        // The launcher starts participants in chamber order: their instances' ids ascend in it.
        participantIds.Sort(StringComparer.Ordinal);
        var instanceIds = OrderedIds.Create(participantIds.Count);
        db.CampaignParticipants.AddRange(participantIds.Select((chamberId, i) => new CampaignParticipantRecord
        {
            CampaignId = campaign.Id,
            ChamberId = chamberId,
            InstanceId = instanceIds[i],
        }));
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    /// <summary>Hands the campaign to the launcher, which starts its workflow; false when it was launched already.</summary>
    public async Task<bool> LaunchAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Campaigns.Where(c => c.Id == campaignId && c.Status == CampaignStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Launching).SetProperty(c => c.LaunchedAt, now), cancellationToken) == 1;
    }

    /// <summary>The instance of the campaign's own workflow: derived from the campaign, so it is started once.</summary>
    public static string CampaignInstanceId(string campaignId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"campaign:{campaignId}")).AsSpan(0, 16)).ToString("N");
}
