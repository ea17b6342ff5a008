namespace Chamber.Campaigns.Submissions;

/// <summary>Uploaded files refused as a whole (nothing was stored); <see cref="Problems"/> names each reason.</summary>
public sealed class FilesRefusedException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
