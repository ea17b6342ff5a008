namespace Chamber.Campaigns.Lifecycle;

/// <summary>A participant reached a stage; counting these rows answers "have all got this far".</summary>
public sealed class CampaignStageRecord
{
    public required string CampaignId { get; set; }
    public required string Stage { get; set; }
    public required string ChamberId { get; set; }
    public DateTime ReachedAt { get; set; }
}
