namespace Chamber.Campaigns.Lifecycle;

public enum CampaignStatus
{
    Draft,

    /// <summary>
    /// The campaign's workflow runs (plan sign-off, then <see cref="ForEachParticipant"/>) and its
    /// participants' workflows are still being started, in batches, by the launcher.
    /// </summary>
    Launching,

    /// <summary>Every participant's workflow has been started.</summary>
    Running,
}
