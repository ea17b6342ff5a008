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

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default)
    {
        var addresses = tags.Where(t => t.StartsWith("user:", StringComparison.Ordinal)).Select(t => t[5..]).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = addresses.Count == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : await db.Users.AsNoTracking().Where(u => addresses.Contains(u.Email))
                .ToDictionaryAsync(u => u.Email, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);
        return tags.Distinct(StringComparer.Ordinal).ToDictionary(t => t, t => t switch
        {
            _ when t.StartsWith("user:", StringComparison.Ordinal) =>
                names.GetValueOrDefault(t[5..]) is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) ? name : t[5..],
            _ when t.StartsWith("role:", StringComparison.Ordinal) => RoleLabel(t[5..]),
            _ => t,
        }, StringComparer.Ordinal);
    }

    /// <summary>A role as mail names it (the mail is in Chinese first).</summary>
    private static string RoleLabel(string role) => role switch
    {
        Roles.Admin => "系统管理员",
        Roles.Staff => "会员部工作人员",
        Roles.Leader => "领导",
        Roles.Reviewer => "考核评审人",
        _ => role,
    };
}
