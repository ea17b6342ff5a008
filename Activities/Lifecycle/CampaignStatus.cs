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

    /// <summary>
    /// Called off (中止) before it ran its course: its own workflow and its participants' are
    /// cancelled, nobody is chased any more, and its participants are told why. A federation's
    /// campaign opened for an upper one stops with it.
    /// </summary>
    Stopped,
    /// <summary>
    /// Never stored: how a launched campaign is shown while its own workflow is faulted (the
    /// stored status says where the launch got to; this says it is stuck there until a retry).
    /// </summary>
    Faulted,
}
