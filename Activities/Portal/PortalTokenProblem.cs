namespace Chamber.Campaigns.Portal;

/// <summary>Why a token was not accepted.</summary>
public enum PortalTokenProblem
{
    None,

    /// <summary>Not one of ours (or damaged): answered as if nothing were there.</summary>
    Invalid,

    Expired,

    /// <summary>Staff revoked the chamber's links (a leaked e-mail, a new contact person).</summary>
    Revoked,
}
