namespace Chamber.Campaigns.Submissions;

/// <summary>One submission a chamber made through its portal, and what staff decided (<see cref="SubmissionStatus"/>).</summary>
public sealed class SubmissionReceiptRecord
{
    /// <summary>The chamber's item (the request's round) the submission answered.</summary>
    public required string ItemId { get; set; }
    public required string ChamberId { get; set; }
    public required string InstanceId { get; set; }
    public required string Title { get; set; }
    public string? Campaign { get; set; }
    public int Round { get; set; }
    public string? Note { get; set; }
    public DateTime SubmittedAt { get; set; }
    public required string Status { get; set; }

    /// <summary>Staff's comment when they returned it.</summary>
    public string? Feedback { get; set; }

    public DateTime? AnsweredAt { get; set; }
}
