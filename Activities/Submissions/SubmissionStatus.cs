namespace Chamber.Campaigns.Submissions;

/// <summary>Where a submission stands, as the chamber's portal shows it.</summary>
public static class SubmissionStatus
{
    /// <summary>待审核: handed in, waiting for staff.</summary>
    public const string Submitted = "submitted";

    /// <summary>已通过.</summary>
    public const string Accepted = "accepted";

    /// <summary>已退回: staff asked for another version.</summary>
    public const string Returned = "returned";
}
