namespace Chamber.Campaigns.Lifecycle;

/// <summary>The statuses a participant can be in, as <see cref="ParticipantView.Status"/> names them.</summary>
public static class ParticipantStatus
{
    public const string NotLaunched = "not-launched";
    public const string Pending = "pending";
    public const string Overdue = "overdue";
    public const string Submitted = "submitted";
    public const string Reviewing = "reviewing";
    public const string Running = "running";
    public const string Finished = "finished";
    public const string Faulted = "faulted";

    /// <summary>Its workflow was stopped before it finished: its campaign stopped (中止), or closed with it unfinished.</summary>
    public const string Stopped = "stopped";

    public static readonly IReadOnlyList<string> All = [NotLaunched, Pending, Overdue, Submitted, Reviewing, Running, Finished, Faulted, Stopped];
}
