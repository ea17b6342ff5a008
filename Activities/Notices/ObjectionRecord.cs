namespace Chamber.Campaigns.Notices;

/// <summary>A participant's objection (异议) to a notice in its 公示, and staff's answer (table <c>notice_objections</c>).</summary>
public sealed class ObjectionRecord
{
    public required string Id { get; set; }
    public required string NoticeId { get; set; }
    public required string ChamberId { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime? AnsweredAt { get; set; }
}
