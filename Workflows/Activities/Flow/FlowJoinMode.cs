namespace Chamber.Workflows.Activities.Flow;

public enum FlowJoinMode
{
    WaitAll,
    WaitAny,
}
