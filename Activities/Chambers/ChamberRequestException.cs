namespace Chamber.Campaigns.Chambers;

/// <summary>A change to the directory that was refused; <see cref="Problems"/> says why, field by field.</summary>
public sealed class ChamberRequestException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
