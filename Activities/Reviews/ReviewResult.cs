namespace Chamber.Campaigns.Reviews;

/// <summary>What a review decided: the total against the pass line, vetoes, and the items that fell short (for a rectification order).</summary>
public sealed record ReviewResult(string Rubric, decimal Total, decimal PassLine, bool Passed, IReadOnlyList<string> Vetoes,
    IReadOnlyList<ItemResult> Items, IReadOnlyList<string> FailedItems, int Reviewers)
{
    /// <summary>The rubric's version it was scored by; 0 when scored before versions were kept.</summary>
    public int RubricVersion { get; init; }
}
