using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Cascade;

/// <summary>
/// 部署所属单位: in a federation's part of an upper level's campaign (市 → 区), opens the
/// federation's own campaign over the units under it (<see cref="CampaignService.OpenForFederationAsync"/>):
/// its staff pick or add units, may bring dates forward but not put them back, name who checks,
/// and launch it; its units run their part and are reviewed by the federation. The step waits
/// until that campaign reports upward (<see cref="ReportUpward"/>), and gives its results to the
/// steps after it (the federation's own summary to the upper level).
/// </summary>
[Activity("Chamber.CascadeCampaign", "Campaign",
    "Opens the federation's own campaign for its units, from a template, and waits until it reports its results upward.",
    DisplayName = "Run for own units")]
public sealed class CascadeCampaign : Activity
{
    public const string BookmarkName = "Chamber.SubCampaign";

    [Input(DisplayName = "Template", Description = "The campaign template the federation runs for its units (e.g. shanghai-2017-district-campaign).",
        UIHint = InputUIHints.WorkflowDefinitionPicker, IsRequired = true)]
    public Input<string>? Template { get; set; }

    [Input(DisplayName = "Launch at once",
        Description = "Launch it over every unit under the federation as soon as it is opened, when the federation has staff accounts to check the submissions; otherwise its staff launch it.",
        UIHint = InputUIHints.Checkbox, DefaultValue = "false")]
    public Input<bool>? LaunchAtOnce { get; set; }

    [Output(Description = "The federation's campaign and its results: units, outcomes and the mean score.")]
    public Output<SubCampaignResults>? Result { get; set; }

    public override bool CanSuspend => true;

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var campaignId = CampaignInputs.CampaignIdOf(context, "部署所属单位");
        var federationId = context.WorkflowInput.GetValueOrDefault(CampaignInputs.ChamberId)?.ToString()
            ?? throw new InvalidOperationException(ReaderText.Of("“部署所属单位”只能在工商联的参与流程中运行", "CascadeCampaign runs only in a federation's part of a campaign (input chamberId)."));
        var templateId = context.Get(Template)?.Trim();
        var service = context.Services.GetRequiredService<CampaignService>();
        var campaign = await service.OpenForFederationAsync(campaignId, federationId, templateId ?? "", context.CancellationToken);
        context.CreateBookmark(BookmarkName, campaign.Id, callback: OnReportedAsync);

        // A step run again (after a crash before its commit) finds the campaign launched the first time.
        var launched = campaign.Status != CampaignStatus.Draft;
        if (!launched && context.Get(LaunchAtOnce) && campaign.ParticipantCount > 0 && !string.IsNullOrWhiteSpace(campaign.Reviewers))
        {
            try
            {
                launched = await service.LaunchAsync(campaign.Id, context.CancellationToken);
            }
            catch (CampaignRequestException e)
            {
                // Not launchable as opened (a calendar year missing): the federation's staff launch it once it is put right.
                context.JournalMessage(e.Message);
            }
        }

        await TellTheFederationAsync(context, campaign, federationId, launched);
        context.JournalMessage(launched
            ? ReaderText.Of($"已部署并启动“{campaign.Name}”（{campaign.ParticipantCount} 个单位）", $"Opened and launched '{campaign.Name}' ({campaign.ParticipantCount} units)")
            : ReaderText.Of($"已部署“{campaign.Name}”（{campaign.ParticipantCount} 个单位），待本级启动", $"Opened '{campaign.Name}' ({campaign.ParticipantCount} units), for the federation to launch"));
    }

    /// <summary>The federation's staff hear that their campaign is open (or running), with a link to it; a repeated step sends nothing twice.</summary>
    private static async Task TellTheFederationAsync(ActivityExecutionContext context, CampaignRecord campaign, string federationId, bool launched)
    {
        var staff = await context.Services.GetRequiredService<IPeopleDirectory>().OfFederationAsync(federationId, "staff", context.CancellationToken);
        if (staff.Count == 0)
        {
            context.JournalMessage(ReaderText.Of("本级尚无工作人员账号，未发通知：请管理员在“用户与角色”中为其开设账号", "The federation has no staff account to tell yet."));
            return;
        }

        var federation = await context.Services.GetRequiredService<ChamberDirectory>().GetRequiredAsync(federationId, context.CancellationToken);
        var model = new Dictionary<string, object?>
        {
            ["federation"] = federation.Name,
            ["campaign"] = campaign.Name,
            ["parentCampaign"] = context.WorkflowInput.GetValueOrDefault(CampaignInputs.CampaignName)?.ToString() ?? "",
            ["participants"] = campaign.ParticipantCount,
            ["launched"] = launched,
        };
        await CampaignMail.SendToStaffAsync(context, "campaign-opened", staff, "opened", model, $"/campaigns/{campaign.Id}");
    }

    /// <summary>
    /// The federation's part was stopped before its campaign reported (the upper campaign stopped,
    /// or closed with this part unfinished): the federation's campaign is stopped too, so that none
    /// of its units is chased for a campaign the upper level no longer runs.
    /// </summary>
    public override void OnCancelled(ActivityExecutionContext context)
    {
        var waiting = context.WorkflowExecutionContext.Bookmarks.FirstOrDefault(b => b.ContextId == context.Id && b.Name == BookmarkName);
        if (waiting?.Key is not { } subCampaignId || context.WorkflowInput.GetValueOrDefault(CampaignInputs.CampaignId)?.ToString() is not { Length: > 0 } parentId)
            return;
        var withdrawal = new Stopping.SubCampaignWithdrawal(subCampaignId, parentId);
        context.EnqueueMessage(Stopping.SubCampaignWithdrawal.Channel, withdrawal.ToJson(), subCampaignId, $"withdrawn/{subCampaignId}");
    }

    private ValueTask OnReportedAsync(ActivityExecutionContext context)
    {
        var results = context.GetResumeInput<SubCampaignResults>()
            ?? throw new InvalidOperationException("The federation's campaign reported without its results.");
        context.Set(Result, results);
        context.JournalMessage(ReaderText.Of($"所属单位结果已上报：{results.Participants} 个单位，达标 {results.Commended + results.Passed}，整改 {results.Rectifying}，未达标 {results.NotPassed}",
            $"Units' results reported: {results.Participants} units, {results.Commended + results.Passed} passed, {results.Rectifying} rectifying, {results.NotPassed} not passed"));
        return context.CompleteActivityAsync();
    }
}
