using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Runtime;

namespace Chamber.Campaigns.Tests.Tasks;

/// <summary>The sign-off's modes on the engine alone: 会签 waits for all, 或签 takes the first answer, 依次 asks one after another.</summary>
public sealed class SignOffModeTests
{
    private const string First = "leader1@fic.example";
    private const string Second = "leader2@fic.example";
    private const string Third = "leader3@fic.example";
    private readonly SignOffEngine _engine = new();

    [Fact]
    public async Task All_waits_for_every_approver_before_it_approves()
    {
        var run = await _engine.StartAsync($"{First}, {Second}", "all");
        Assert.Equal(["user:" + First, "user:" + Second], SignOffEngine.Tasks(run).Keys.Order());

        run = await _engine.AnswerAsync(run, First, TaskActions.Approve);
        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        Assert.Equal(["user:" + Second], SignOffEngine.Tasks(run).Keys);
        Assert.Empty(await _engine.WrittenAsync(run));

        run = await _engine.AnswerAsync(run, Second, TaskActions.Approve);
        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(["approved"], await _engine.WrittenAsync(run));
    }

    [Fact]
    public async Task Any_takes_the_first_answer_and_withdraws_the_other_tasks()
    {
        var run = await _engine.StartAsync($"{First}, {Second}, {Third}", "或签");
        Assert.Equal(3, SignOffEngine.Tasks(run).Count);

        run = await _engine.AnswerAsync(run, Second, TaskActions.Approve);
        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Empty(SignOffEngine.Tasks(run));
        Assert.Equal(["approved"], await _engine.WrittenAsync(run));
    }

    [Fact]
    public async Task Sequential_asks_the_next_approver_only_after_the_one_before()
    {
        var run = await _engine.StartAsync($"{First}, {Second}", "sequential");
        Assert.Equal(["user:" + First], SignOffEngine.Tasks(run).Keys);

        run = await _engine.AnswerAsync(run, First, TaskActions.Approve);
        Assert.Equal(["user:" + Second], SignOffEngine.Tasks(run).Keys);

        run = await _engine.AnswerAsync(run, Second, TaskActions.Approve);
        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(["approved"], await _engine.WrittenAsync(run));
    }

    [Fact]
    public async Task A_signer_added_in_sequence_signs_right_after_the_one_who_added_them()
    {
        var run = await _engine.StartAsync($"{First}, {Second}", "依次");
        run = await _engine.AnswerAsync(run, First, TaskActions.AddSigner, target: Third);
        // The one who added a signer still signs first.
        Assert.Equal(["user:" + First], SignOffEngine.Tasks(run).Keys);

        run = await _engine.AnswerAsync(run, First, TaskActions.Approve);
        Assert.Equal(["user:" + Third], SignOffEngine.Tasks(run).Keys);
        run = await _engine.AnswerAsync(run, Third, TaskActions.Approve);
        Assert.Equal(["user:" + Second], SignOffEngine.Tasks(run).Keys);
        run = await _engine.AnswerAsync(run, Second, TaskActions.Approve);
        Assert.Equal(WorkflowStatus.Finished, run.Status);
    }

    [Fact]
    public async Task A_transferred_task_is_answered_by_the_new_assignee()
    {
        var run = await _engine.StartAsync(First, "all");
        run = await _engine.AnswerAsync(run, First, TaskActions.Transfer, target: Third);
        Assert.Equal(["user:" + Third], SignOffEngine.Tasks(run).Keys);

        run = await _engine.AnswerAsync(run, Third, TaskActions.Approve);
        Assert.Equal(["approved"], await _engine.WrittenAsync(run));
    }

    [Theory]
    [InlineData(TaskActions.Reject, "rejected")]
    [InlineData(TaskActions.Return, "returned")]
    public async Task A_rejection_or_a_return_ends_the_sign_off_at_once_even_when_others_have_not_answered(string action, string written)
    {
        var run = await _engine.StartAsync($"{First}, {Second}", "all");
        run = await _engine.AnswerAsync(run, Second, action, comment: "请补充经费预算");

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Empty(SignOffEngine.Tasks(run));
        Assert.Equal([written], await _engine.WrittenAsync(run));
    }

    [Fact]
    public async Task An_unknown_mode_faults_the_step_with_a_message_naming_the_modes()
    {
        var run = await _engine.StartAsync(First, "majority");

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains("all, any, sequential", run.Fault!.Message, StringComparison.Ordinal);
    }
}
