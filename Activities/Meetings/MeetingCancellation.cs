using System.Text.Json;

namespace Chamber.Campaigns.Meetings;

/// <summary>
/// A meeting whose invitation went out, called off before it took place (its campaign or branch
/// was cancelled): an outbox message of the step that stopped it, turned into the chamber's
/// cancellation e-mail by <see cref="MeetingCancellationSender"/>.
/// </summary>
public sealed record MeetingCancellation(
    string Uid,
    string ChamberId,
    string Title,
    string? Campaign,
    string Location,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Sequence = 1)
{
    public const string Channel = "meeting.cancelled";

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static MeetingCancellation? FromJson(string json) => JsonSerializer.Deserialize<MeetingCancellation>(json, JsonSerializerOptions.Web);
}
