namespace Chamber.Campaigns.Chambers;

/// <summary>What an import did: rows created, updated, unchanged, and the rows it refused.</summary>
/// <param name="ChamberIds">The chambers of the valid rows, in the file's order (a campaign wizard picks them as participants).</param>
public sealed record ImportResult(int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors, IReadOnlyList<string> ChamberIds);
