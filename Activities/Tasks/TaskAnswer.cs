namespace Chamber.Campaigns.Tasks;

/// <summary>An answer to a task as the API receives it.</summary>
public sealed record TaskAnswer(string? Action, string? Comment, string? TransferTo, string? AddSigner,
    IReadOnlyDictionary<string, decimal>? Scores = null, IReadOnlyList<string>? Vetoes = null);
