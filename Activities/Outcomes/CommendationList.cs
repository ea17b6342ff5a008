using Chamber.Campaigns.Email;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Outcomes;

/// <summary>
/// The campaign's list of honours, and who still rectifies or did not pass. <see cref="Commended"/>
/// holds the first names only: the output is kept in the instance's state, and the full list with
/// scores is the campaign's export.
/// </summary>
public sealed record HonoursList(string Honour, int Participants, int CommendedCount, IReadOnlyList<string> Commended, int Rectifying, int NotPassed);

/// <summary>
/// 表彰名单: when the review is over, the leaders receive the list of commended chambers and the
/// counts of those rectifying and not passed, for the commendation notice (通报表彰). The full list
/// with scores is the campaign's XLSX export; the e-mail names the first <see cref="NamesInMail"/>.
/// </summary>
[Activity("Chamber.CommendationList", "Campaign", "Sends the leaders the campaign's list of commended chambers and the counts rectifying and not passed.",
    DisplayName = "Commendation list")]
public sealed class CommendationList : Activity
{
    public const int NamesInMail = 200;

    [Input(Description = "The honour, e.g. 2026年度“四好”商会.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Honour { get; set; }

    [Input(Description = "Who receives the list: e-mail addresses, as a list or separated by commas.", UIHint = InputUIHints.MultiText)]
    public Input<object>? To { get; set; }

    [Output(Description = "The honour, the commended chambers' names and the counts.")]
    public Output<HonoursList>? Result { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var campaignId = context.WorkflowInput.GetValueOrDefault(CampaignInputs.CampaignId)?.ToString()
            ?? throw new InvalidOperationException(ReaderText.Of("“表彰名单”只能在活动流程中运行", "CommendationList runs only in a campaign's workflow."));
        var contexts = context.Services.GetRequiredService<IDbContextFactory<CampaignDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var participants = await db.CampaignParticipants.CountAsync(p => p.CampaignId == campaignId);
        var commended = await db.CampaignParticipants.Where(p => p.CampaignId == campaignId && p.Outcome == CampaignProgress.Outcomes.Commended)
            .Join(db.Chambers, p => p.ChamberId, c => c.Id, (p, c) => c.Name).OrderBy(n => n).ToListAsync();
        var rectifying = await db.CampaignParticipants.CountAsync(p => p.CampaignId == campaignId && p.Outcome == CampaignProgress.Outcomes.Rectifying);
        var notPassed = await db.CampaignParticipants.CountAsync(p => p.CampaignId == campaignId && p.Outcome == CampaignProgress.Outcomes.NotPassed);
        var honours = new HonoursList(context.Get(Honour) ?? "先进商会", participants, commended.Count, [.. commended.Take(NamesInMail)], rectifying, notPassed);
        context.Set(Result, honours);

        // Roles (role:leader) have no address; the list goes to the people named.
        var to = EmailMessage.Addresses(context.Get(To)).Where(EmailAddress.IsValid).ToList();
        if (to.Count > 0)
        {
            var model = new Dictionary<string, object?>
            {
                ["campaign"] = context.WorkflowInput.GetValueOrDefault(CampaignInputs.CampaignName)?.ToString() ?? "",
                ["honour"] = honours.Honour,
                ["participants"] = participants,
                ["commendedCount"] = commended.Count,
                ["names"] = commended.Take(NamesInMail).ToList(),
                ["more"] = Math.Max(0, commended.Count - NamesInMail),
                ["rectifying"] = rectifying,
                ["notPassed"] = notPassed,
            };
            await CampaignMail.SendToStaffAsync(context, "commendation-list", to, "final", model);
        }

        context.JournalMessage(ReaderText.Of($"表彰名单：{commended.Count}/{participants} 个商会被评为“{honours.Honour}”，整改中 {rectifying}，未达标 {notPassed}",
            $"Honours: {commended.Count} of {participants} chambers named '{honours.Honour}', {rectifying} rectifying, {notPassed} not passed"));
        await context.CompleteActivityAsync();
    }
}
