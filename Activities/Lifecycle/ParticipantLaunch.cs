using System.Text.Json;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// What a campaign's workflow asks of the launcher: start one instance of this definition per
/// participant — of the federations' definition for a federation, when the step names one.
/// </summary>
public sealed record ParticipantLaunch(string CampaignId, string WorkflowDefinitionId, string UntilStage,
    string? FederationWorkflowDefinitionId = null, string? FederationUntilStage = null)
{
    public const string Channel = "campaign.participants";

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static ParticipantLaunch? FromJson(string json) => JsonSerializer.Deserialize<ParticipantLaunch>(json, JsonSerializerOptions.Web);
}
