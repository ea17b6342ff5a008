using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Flow;

public enum FlowJoinMode
{
    WaitAll,
    WaitAny,
}
