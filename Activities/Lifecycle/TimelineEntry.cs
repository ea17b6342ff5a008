namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// One line of a campaign's timeline, for people rather than administrators: what happened, when, to
/// whom. The web client words it in the reader's language ("3月2日 09:00 方案已送张书记签批").
/// Entries of one day and kind for many chambers come as one, with <paramref name="Count"/>.
/// </summary>
/// <param name="Kind">One of <see cref="TimelineKinds"/>.</param>
/// <param name="Stage">The stage or task, in the reader's language.</param>
/// <param name="Chamber">The chamber's name, when the entry is about one.</param>
/// <param name="Person">Who acted, or whom a task waits for (a person's name, or a role tag "role:leader").</param>
/// <param name="Action">What was done (<see cref="Tasks.TaskActions"/>, or a submission's status).</param>
/// <param name="Template">Which e-mail was sent (its template's name).</param>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, int Count = 1, string? Stage = null, string? Chamber = null, string? Person = null,
    string? Action = null, string? Template = null, string? InstanceId = null);

/// <summary>What a timeline entry says happened.</summary>
public static class TimelineKinds
{
    public const string Created = "created";
    /// <summary>A workflow outside any campaign started (its own approval, say).</summary>
    public const string Started = "started";
    /// <summary>Such a workflow ended (<see cref="TimelineEntry.Action"/>: Finished, Cancelled, Faulted).</summary>
    public const string Finished = "finished";
    public const string Launched = "launched";
    /// <summary>A task was given to someone (a plan sent for sign-off, a review asked for).</summary>
    public const string TaskOpened = "task-opened";
    public const string TaskAnswered = "task-answered";
    public const string Emailed = "emailed";
    public const string Submitted = "submitted";
    /// <summary>A submission was accepted or returned (<see cref="TimelineEntry.Action"/> says which).</summary>
    public const string SubmissionAnswered = "submission-answered";
    /// <summary>Staff made a participant a demonstration unit (示范单位).</summary>
    public const string Demonstration = "demonstration";
    /// <summary>The campaign was stopped (中止); <see cref="TimelineEntry.Person"/> by whom, none when with its upper campaign.</summary>
    public const string Stopped = "stopped";
}
