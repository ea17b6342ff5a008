namespace Chamber.Campaigns.Reviews;

/// <summary>One item's result.</summary>
public sealed record ItemResult(string Id, string Area, string Title, decimal Score, decimal MaxScore, bool Passed, string? Note = null);
