namespace Chamber.Workflows.Persistence;

/// <summary>A timer trigger of a published definition and its next occurrence (see <c>Timers/ScheduledStarts</c>).</summary>
public sealed class WorkflowScheduleRecord
{
    /// <summary><c>{definitionId}/{activityId}</c>: one row per trigger, whichever version is published.</summary>
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string ActivityId { get; set; }

    /// <summary>The schedule's stored form (<see cref="Timers.TriggerSchedule.Spec"/>).</summary>
    public required string Spec { get; set; }

    /// <summary>Null once a one-time trigger has fired: the row stays so that a republish does not fire it again.</summary>
    public DateTime? NextDueAt { get; set; }
    public DateTime? LastFiredAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
