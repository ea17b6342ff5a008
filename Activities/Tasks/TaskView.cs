namespace Chamber.Campaigns.Tasks;

/// <summary>A task as an inbox lists it.</summary>
public sealed record TaskView(string Id, string InstanceId, string DefinitionId, string ActivityId, TaskPayload Task, DateTimeOffset CreatedAt)
{
    public static TaskView Of(OpenTask task, string definitionId) =>
        new(task.Id, task.InstanceId, definitionId, task.ActivityId, task.Task, task.CreatedAt);
}
