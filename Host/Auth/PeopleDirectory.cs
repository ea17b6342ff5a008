using Chamber.Campaigns.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.Auth;

/// <summary>The accounts as the campaign domain sees them: active users by address, and the four roles.</summary>
internal sealed class PeopleDirectory(IDbContextFactory<HostDbContext> contexts) : IPeopleDirectory
{
    public async Task<IReadOnlyList<string>> UnknownAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default)
    {
        var addresses = tags.Where(t => t.StartsWith("user:", StringComparison.Ordinal)).Select(t => t[5..]).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = (await db.Users.AsNoTracking().Where(u => addresses.Contains(u.Email) && !u.Disabled).Select(u => u.Email).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return [.. tags.Where(t => t.StartsWith("user:", StringComparison.Ordinal) ? !active.Contains(t[5..])
            : t.StartsWith("role:", StringComparison.Ordinal) && !Roles.All.Contains(t[5..]))];
    }
}
