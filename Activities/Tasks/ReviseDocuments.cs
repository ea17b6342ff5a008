using System.Text.Json;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Campaigns.Tasks;

/// <summary>
/// 退回修改: a sign-off returned the department's document (the year's plan); the department gets
/// it back with the returner's comment, revises the campaign's documents (or attaches the revised
/// one to this task), and sends it again — the flowchart leads back to the sign-off. Before this
/// step, a return ended the campaign as if it had been rejected.
/// </summary>
[Activity("Chamber.ReviseDocuments", "Campaign", "The department revises what a sign-off returned and sends it for sign-off again.",
    DisplayName = "Revise after a return")]
public sealed class ReviseDocuments : Activity
{
    [Input(Description = "What is to be revised, as the inbox shows it.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Title { get; set; }

    [Input(DisplayName = "Sign-off", Description = "The id of the sign-off that returned it, whose comment the department is shown (e.g. approve-plan).",
        UIHint = InputUIHints.SingleLine, DefaultValue = "approve-plan")]
    public Input<string>? SignOff { get; set; }

    [Input(Description = "Who revises: e-mail addresses and/or roles.", UIHint = InputUIHints.MultiText, DefaultValue = "role:staff")]
    public Input<object>? Assignees { get; set; }

    public override bool CanSuspend => true;

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var returned = LastReturn(context.GetOutput(context.Get(SignOff) is { Length: > 0 } id ? id : "approve-plan", "Decisions"));
        var why = returned is null
            ? ReaderText.Of("签批人退回，请修改后重新报签。", "The approver returned it; revise it and send it again.")
            : ReaderText.Of($"{returned.ByName ?? returned.By}退回，意见：{returned.Comment}", $"Returned by {returned.ByName ?? returned.By}: {returned.Comment}");
        var title = context.Get(Title) ?? ReaderText.Of("修改后重新报签", "Revise and send again");
        var facts = new Dictionary<string, string> { ["returnedBy"] = returned?.ByName ?? returned?.By ?? "" };
        if (returned?.Comment is { } comment)
            facts["comment"] = comment;
        foreach (var assignee in UserTasks.AssigneeTags(context.Get(Assignees) ?? "role:staff", "修改人"))
        {
            var payload = new TaskPayload(TaskKinds.Revise, title, assignee, [TaskActions.Resubmit],
                Description: why + ReaderText.Of("\n修改活动的方案附件（或在本任务中上传修改稿）后，点“重新报签”。", "\nRevise the campaign's documents (or attach the revised one here), then send it again."),
                Context: facts);
            context.CreateBookmark(UserTasks.BookmarkName, Guid.CreateVersion7().ToString("N"), payload, OnResubmittedAsync, tag: assignee);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The sign-off's last return, from its output (every decision, in order); null when it has none.</summary>
    private static SignOffDecision? LastReturn(object? decisions)
    {
        if (decisions is null)
            return null;
        var list = decisions as IEnumerable<SignOffDecision>
            ?? JsonSerializer.Deserialize<List<SignOffDecision>>(JsonSerializer.Serialize(decisions), JsonSerializerOptions.Web);
        return list?.LastOrDefault(d => d.Action == TaskActions.Return);
    }

    private async ValueTask OnResubmittedAsync(ActivityExecutionContext context)
    {
        var decision = context.GetResumeInput<TaskDecision>() ?? throw new InvalidOperationException("A revision was resumed without an answer.");
        context.JournalMessage(ReaderText.Of($"{decision.ByName ?? decision.By} 修改后重新报签", $"{decision.ByName ?? decision.By} revised it and sent it again"));
        await context.CompleteActivityAsync();
    }
}
