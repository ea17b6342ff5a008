using System.Text.Json;

namespace Chamber.Campaigns.Cascade;

/// <summary>A federation's campaign's results on their way to the upper level's campaign that waits for them.</summary>
public sealed record UpwardReport(string ParentCampaignId, SubCampaignResults Results)
{
    public const string Channel = "campaign.upward";

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static UpwardReport? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<UpwardReport>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
