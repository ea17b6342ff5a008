using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Flow;

[Activity("Elsa.FlowSwitch", "Branching", "Continues on the outcome of the first (or every) case whose condition is true, else on Default.",
    DisplayName = "Switch", Outcomes = [Outcomes.Default])]
public sealed class FlowSwitch : Activity, IHasExtraInputs
{
    [Input(Description = "MatchFirst takes the first true case; MatchAny takes every true case.", UIHint = InputUIHints.DropDown,
        Options = ["MatchFirst", "MatchAny"], DefaultValue = "MatchFirst")]
    public Input<SwitchMode>? Mode { get; set; }

    /// <summary>Written in Elsa's JSON as a plain array of <c>{label, condition}</c>.</summary>
    public List<SwitchCase> Cases { get; } = [];

    public IEnumerable<(string Name, Input Input)> GetExtraInputs() =>
        Cases.Where(c => c.Condition is not null).Select(c => ($"cases[{c.Label}]", (Input)c.Condition!));

    public override IEnumerable<string> GetDynamicOutcomes() => Cases.Select(c => c.Label);

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var matchAny = context.Get(Mode) == SwitchMode.MatchAny;
        var outcomes = new List<string>();
        foreach (var @case in Cases)
        {
            if (!await context.EvaluateAsync(@case.Condition))
                continue;
            outcomes.Add(@case.Label);
            if (!matchAny)
                break;
        }

        await context.CompleteActivityAsync(outcomes.Count > 0 ? [.. outcomes] : [Outcomes.Default]);
    }
}
