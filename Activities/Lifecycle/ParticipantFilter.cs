namespace Chamber.Campaigns.Lifecycle;

/// <summary>Which participants to list: any of these left empty does not filter.</summary>
/// <param name="Search">Part of the chamber's name, or its id.</param>
/// <param name="Outcome">An outcome (commended, rectifying, not-passed), or <see cref="NoOutcome"/> for those without one yet.</param>
/// <param name="Parent">The federation the participants stand directly under (the campaign tree's drill-down).</param>
public sealed record ParticipantFilter(string? Status = null, string? Search = null, string? District = null, string? Outcome = null, string? Parent = null)
{
    public const string NoOutcome = "none";
}
