namespace Chamber.Campaigns.Tasks;

/// <summary>The actions of a task; an activity offers the ones that make sense for it.</summary>
public static class TaskActions
{
    public const string Approve = "approve";
    public const string Reject = "reject";

    /// <summary>退回: back to an earlier step (the activity's Returned outcome is connected to it).</summary>
    public const string Return = "return";

    /// <summary>转交: the task goes to another person.</summary>
    public const string Transfer = "transfer";

    /// <summary>加签: another person signs as well.</summary>
    public const string AddSigner = "addSigner";

    /// <summary>A chamber hands in what was asked (through its portal link).</summary>
    public const string Submit = "submit";

    /// <summary>Staff accept a submission.</summary>
    public const string Accept = "accept";

    /// <summary>A reviewer hands in scores against a rubric.</summary>
    public const string Score = "score";

    /// <summary>Staff finish a campaign meeting's record: the sign-in sheet is kept, the comment is the minutes.</summary>
    public const string Recorded = "recorded";

    /// <summary>The department sends a returned document for sign-off again, revised.</summary>
    public const string Resubmit = "resubmit";
}
