using Chamber.Workflows.Activities;
using Chamber.Workflows.Activities.Children;
using Chamber.Workflows.Activities.Composition;
using Chamber.Workflows.Activities.Flow;
using Chamber.Workflows.Activities.Primitives;
using Chamber.Workflows.Model;

namespace Chamber.Workflows;

public static class BuiltInActivities
{
    /// <summary>Registers Elsa's built-in activity types that this engine implements.</summary>
    public static ActivityRegistry AddBuiltInActivities(this ActivityRegistry registry) => registry
        .Register<Flowchart>()
        .Register<FlowDecision>()
        .Register<FlowSwitch>()
        .Register<FlowFork>()
        .Register<FlowJoin>()
        .Register<FlowNode>()
        .Register<Start>()
        .Register<End>()
        .Register<Finish>()
        .Register<Complete>()
        .Register<WriteLine>()
        .Register<RunJavaScript>()
        .Register<RunCSharp>()
        .Register<SetVariable>()
        .Register<SetOutput>()
        .Register<Event>()
        .Register<Fault>()
        .Register<Sequence>()
        .Register<ForEach>()
        .Register<ParallelForEach>()
        .Register<ExecuteWorkflow>()
        .Register<DispatchWorkflow>()
        .Register<Timers.Delay>()
        .Register<Timers.Timer>()
        .Register<Timers.StartAt>()
        .Register<Timers.Cron>()
        .Register<NotFoundActivity>();
}
