using System.Text.Json;

namespace Chamber.Campaigns.Stopping;

/// <summary>
/// A federation's part in an upper campaign was stopped while its own campaign for its units was
/// open (the upper campaign stopped, or closed with the federation unfinished): that campaign is
/// stopped too, so nobody under the federation is chased for it. Asked for through the outbox by
/// <see cref="Cascade.CascadeCampaign"/> as its step is cancelled.
/// </summary>
public sealed record SubCampaignWithdrawal(string CampaignId, string ParentCampaignId)
{
    public const string Channel = "campaign.withdrawn";

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static SubCampaignWithdrawal? FromJson(string json) => JsonSerializer.Deserialize<SubCampaignWithdrawal>(json, JsonSerializerOptions.Web);
}
