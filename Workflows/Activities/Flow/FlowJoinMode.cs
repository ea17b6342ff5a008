namespace Chamber.Workflows.Activities.Flow;

/// <summary>Elsa's FlowJoin modes. In a token-based flowchart WaitAll and WaitAllActive both merge the activated forward branches; WaitAny races.</summary>
public enum FlowJoinMode
{
    WaitAll,
    WaitAny,
    WaitAllActive,
}
