namespace Chamber.Campaigns.Tasks;

/// <summary>
/// What kind of work a task is (<see cref="TaskPayload.Kind"/>): the inbox picks the answer form by
/// it, and the campaign views read a participant's position from it.
/// </summary>
public static class TaskKinds
{
    /// <summary>A leader's sign-off (<see cref="SignOff"/>).</summary>
    public const string SignOff = "SignOff";

    /// <summary>A chamber's open request, answered through its portal link.</summary>
    public const string Submission = "Submission";

    /// <summary>Staff accept or return what a chamber handed in.</summary>
    public const string CheckSubmission = "CheckSubmission";

    /// <summary>A reviewer scores a chamber against a rubric.</summary>
    public const string RubricReview = "RubricReview";

    /// <summary>Staff record a chamber's attendance at a meeting.</summary>
    public const string MeetingRecord = "MeetingRecord";

    /// <summary>Staff keep the sign-in sheet and write the minutes of a meeting held for a whole campaign.</summary>
    public const string MeetingSheet = "MeetingSheet";

    /// <summary>The department revises what a sign-off returned (the plan) and sends it again.</summary>
    public const string Revise = "Revise";
}
