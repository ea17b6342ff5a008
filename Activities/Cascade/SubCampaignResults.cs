namespace Chamber.Campaigns.Cascade;

/// <summary>What a federation's campaign reports upward: its units and how they came out.</summary>
/// <param name="CampaignId">The federation's campaign.</param>
/// <param name="Passed">Passed (达标) and not (yet) commended.</param>
/// <param name="Unfinished">Neither passed nor failed yet: still owing, or not yet reviewed.</param>
/// <param name="ReportFileId">The report (a Word document) among the federation's campaign's documents.</param>
public sealed record SubCampaignResults(string CampaignId, string FederationId, int Participants, int Commended, int Passed, int Rectifying, int NotPassed,
    int Unfinished, double? AverageScore, string? ReportFileId);
