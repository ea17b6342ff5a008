namespace Chamber.Campaigns.Portal;

/// <summary>A submission refused as a whole (nothing was stored); <see cref="Problems"/> names each reason.</summary>
public sealed class PortalSubmissionException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
