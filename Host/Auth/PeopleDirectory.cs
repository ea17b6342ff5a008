using Chamber.Campaigns.Email;
using Chamber.Campaigns.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.Auth;

/// <summary>The accounts as the campaign domain sees them: active users by address, and the four roles.</summary>
internal sealed class PeopleDirectory(IDbContextFactory<HostDbContext> contexts) : IPeopleDirectory
{
    public async Task<IReadOnlyList<string>> UnknownAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default)
    {
        var addresses = tags.Select(UserTasks.AddressOf).OfType<string>().Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = (await db.Users.AsNoTracking().Where(u => addresses.Contains(u.Email) && !u.Disabled).Select(u => u.Email).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return [.. tags.Where(t => UserTasks.AddressOf(t) is { } address ? !active.Contains(address)
            : t.StartsWith("role:", StringComparison.Ordinal) && !Roles.All.Contains(t[5..]))];
    }

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default)
    {
        var addresses = tags.Select(UserTasks.AddressOf).OfType<string>().Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = addresses.Count == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : await db.Users.AsNoTracking().Where(u => addresses.Contains(u.Email))
                .ToDictionaryAsync(u => u.Email, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);
        return tags.Distinct(StringComparer.Ordinal).ToDictionary(t => t, t => UserTasks.AddressOf(t) is { } address
            ? names.GetValueOrDefault(address) is { } name && !string.IsNullOrWhiteSpace(name) ? name : address
            : t.StartsWith("role:", StringComparison.Ordinal) ? RoleLabel(t[5..]) : t, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<string>> OfFederationAsync(string federationId, string role, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var members = await db.Users.AsNoTracking().Where(u => u.FederationId == federationId && !u.Disabled).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return [.. members.Where(u => u.RoleList.Contains(role, StringComparer.Ordinal)).Select(u => u.Email)];
    }

    public async Task<IReadOnlyDictionary<string, string>> LanguagesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken = default)
    {
        var lower = addresses.Select(a => a.Trim().ToLowerInvariant()).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chosen = await db.Users.AsNoTracking().Where(u => lower.Contains(u.Email) && u.Language != null)
            .ToDictionaryAsync(u => u.Email, u => MessageLanguage.Of(u.Language), StringComparer.Ordinal, cancellationToken);
        return addresses.Where(a => chosen.ContainsKey(a.Trim().ToLowerInvariant())).Distinct(StringComparer.Ordinal)
            .ToDictionary(a => a, a => chosen[a.Trim().ToLowerInvariant()], StringComparer.Ordinal);
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
