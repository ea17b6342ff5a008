using System.Text.Json;

namespace Chamber.Campaigns.Meetings;

/// <summary>
/// One message about a campaign meeting to all its participants — the invitation, a move or the
/// cancellation — asked for by the meeting's step through the outbox and written, a batch of
/// participants at a time, by <see cref="MeetingMailer"/>.
/// </summary>
/// <param name="Template">The e-mail template: <c>meeting-invitation</c>, <c>meeting-moved</c> or <c>meeting-cancelled</c>.</param>
/// <param name="Sequence">The invitation's sequence this message carries, so each move is a message of its own.</param>
public sealed record MeetingMailing(string MeetingId, string Template, int Sequence)
{
    public const string Channel = "meeting.mailing";

    public const string Invitation = "meeting-invitation";
    public const string Moved = "meeting-moved";
    public const string Cancelled = "meeting-cancelled";

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static MeetingMailing? FromJson(string json) => JsonSerializer.Deserialize<MeetingMailing>(json, JsonSerializerOptions.Web);

    /// <summary>
    /// The outbox key of this mailing's message to one participant: asking twice sends once. The
    /// template is its third part, where the campaign's timeline reads it (<see cref="Email.CampaignMail.TemplateOf"/>).
    /// </summary>
    public string KeyFor(string chamberId) => $"meeting/{MeetingId}/{Template}/{Sequence}/{chamberId}";
}
