using Chamber.Workflows.Model;

namespace Chamber.Workflows.Activities.Flow;

/// <summary>One case of a FlowSwitch: an outcome label and the condition that selects it.</summary>
public sealed record SwitchCase(string Label, Input<bool>? Condition);
