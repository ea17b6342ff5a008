using System.Text.Json;
using Chamber.Campaigns.Email;
using Chamber.Workflows.Outbox;

namespace Chamber.Campaigns.Mailings;

/// <summary>
/// One message to every participant of a campaign — a meeting's invitation, its move or
/// cancellation, a published notice — asked for by a workflow step through the outbox and
/// written, a batch of participants at a time, by <see cref="ParticipantMailer"/>.
/// </summary>
/// <param name="Kind">Whose letters these are (<see cref="IParticipantLetters.Kind"/>): <c>meeting</c>, <c>notice</c>.</param>
/// <param name="SubjectId">The meeting or notice.</param>
/// <param name="Template">The e-mail template.</param>
/// <param name="Sequence">Which message about the subject this is (a meeting's invitation sequence), so each move is a mailing of its own.</param>
public sealed record ParticipantMailing(string Kind, string SubjectId, string Template, int Sequence = 0)
{
    public const string Channel = "participants.mailing";

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static ParticipantMailing? FromJson(string json) => JsonSerializer.Deserialize<ParticipantMailing>(json, JsonSerializerOptions.Web);

    /// <summary>The key of the mailing itself in the outbox: asked for twice, it runs once.</summary>
    public string Key => $"{Kind}/{SubjectId}/{Template}/{Sequence}";

    /// <summary>
    /// The outbox key of its message to one participant: asking twice sends once. The template is
    /// its third part, where the campaign's timeline reads it (<see cref="Email.CampaignMail.TemplateOf"/>).
    /// </summary>
    public string KeyFor(string chamberId) => $"{Key}/{chamberId}";

    /// <summary>Its e-mail to one participant, as it joins the outbox (under <see cref="KeyFor"/>).</summary>
    public OutboxMessage MessageTo(string chamberId, EmailMessage email, string? instanceId, DateTimeOffset now) =>
        new(Guid.CreateVersion7().ToString("N"), EmailMessage.Channel, KeyFor(chamberId), email.ToJson(), email.Summary, instanceId, now);
}
