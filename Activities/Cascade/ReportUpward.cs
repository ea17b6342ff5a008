using Chamber.Campaigns.Lifecycle;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Cascade;

/// <summary>
/// 上报上级: at the end of a federation's campaign (after its units are reviewed), writes the
/// results up as a report (a Word document among the campaign's documents: counts, mean score,
/// the units by outcome) and hands them to the upper level's campaign, whose federation step
/// (<see cref="CascadeCampaign"/>) has waited for them. In a campaign that is nobody's part it
/// writes the report and goes on.
/// </summary>
[Activity("Chamber.ReportUpward", "Campaign",
    "Writes the units' results up as a report and hands them to the upper level's campaign this one runs for.",
    DisplayName = "Report upward")]
public sealed class ReportUpward : Activity
{
    [Output(Description = "The results reported: units, outcomes and the mean score.")]
    public Output<SubCampaignResults>? Result { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var campaignId = CampaignInputs.CampaignIdOf(context, "上报上级");
        var reports = context.Services.GetRequiredService<UpwardReports>();
        var (results, parentId) = await reports.WriteAsync(campaignId, context.CancellationToken);
        context.Set(Result, results);
        if (parentId is null)
        {
            context.JournalMessage(ReaderText.Of("本活动没有上级活动：结果报告已存入活动文件", "No upper campaign: the report is kept among the campaign's documents"));
        }
        else
        {
            // Resumed by the outbox once this step has committed: the upper level never waits on a report that was rolled back.
            context.EnqueueMessage(UpwardReport.Channel, new UpwardReport(parentId, results).ToJson(), $"{campaignId} → {parentId}",
                $"upward/{context.WorkflowInstanceId}/{context.Id}");
            context.JournalMessage(ReaderText.Of($"已向上级报送：{results.Participants} 个单位", $"Reported upward: {results.Participants} units"));
        }

        await context.CompleteActivityAsync();
    }
}
