using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Model;

/// <summary>Completion callback of a composite: its child finished.</summary>
public delegate ValueTask ActivityCompletionCallback(ActivityCompletedContext context);

/// <summary>Bookmark callback: the workflow was resumed at this activity.</summary>
public delegate ValueTask ExecuteActivityDelegate(ActivityExecutionContext context);
