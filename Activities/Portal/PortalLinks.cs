using System.Globalization;
using System.Security.Cryptography;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Portal;

/// <summary>
/// A chamber's personal link <c>/portal/{token}</c>: no password, so the token itself is the key —
/// encrypted and signed with the shared Data Protection keys, scoped to one chamber, expiring on
/// the application clock (business time), and revocable: it carries the chamber's link version,
/// which revoking increments.
/// </summary>
public sealed class PortalLinks(IDataProtectionProvider protection, IDbContextFactory<CampaignDbContext> contexts, ChamberDirectory directory,
    IOptions<PortalOptions> options, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Chamber.Portal.Link.v1");

    public async Task<string> IssueTokenAsync(string chamberId, CancellationToken cancellationToken = default)
    {
        var chamber = await directory.FindAsync(chamberId, cancellationToken)
            ?? throw new InvalidOperationException(ReaderText.Of($"商会 {chamberId} 不存在", $"Chamber {chamberId} does not exist."));
        return IssueToken(chamberId, chamber.PortalVersion);
    }

    public async Task<string> IssueLinkAsync(string chamberId, CancellationToken cancellationToken = default) =>
        LinkOf(await IssueTokenAsync(chamberId, cancellationToken));

    /// <summary>The link for a chamber record just read (its portal version is current): no second lookup.</summary>
    public string IssueLink(ChamberRecord chamber) => IssueLink(chamber.Id, chamber.PortalVersion);

    /// <summary>The link for a chamber whose current portal version the caller has just read.</summary>
    public string IssueLink(string chamberId, int portalVersion) => LinkOf(IssueToken(chamberId, portalVersion));

    private string IssueToken(string chamberId, int version)
    {
        var expires = clock.GetUtcNow() + options.Value.LinkLifetime;
        return _protector.Protect(string.Join('|', chamberId, version.ToString(CultureInfo.InvariantCulture), expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
    }

    private string LinkOf(string token) => $"{options.Value.BaseUrl.TrimEnd('/')}/portal/{token}";

    /// <summary>The chamber a token opens, or why it opens nothing.</summary>
    public async Task<(string? ChamberId, PortalTokenProblem Problem)> VerifyAsync(string token, CancellationToken cancellationToken = default)
    {
        string[] parts;
        try
        {
            parts = _protector.Unprotect(token).Split('|');
        }
        catch (CryptographicException)
        {
            return (null, PortalTokenProblem.Invalid);
        }

        if (parts.Length != 3 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var version) || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires))
            return (null, PortalTokenProblem.Invalid);
        if (clock.GetUtcNow().ToUnixTimeSeconds() > expires)
            return (null, PortalTokenProblem.Expired);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.Chambers.Where(c => c.Id == parts[0]).Select(c => (int?)c.PortalVersion).FirstOrDefaultAsync(cancellationToken);
        return current is null ? (null, PortalTokenProblem.Invalid)
            : current != version ? (null, PortalTokenProblem.Revoked)
            : (parts[0], PortalTokenProblem.None);
    }

    /// <summary>Every link issued to the chamber so far stops working.</summary>
    public async Task<bool> RevokeAsync(string chamberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Chambers.Where(c => c.Id == chamberId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PortalVersion, c => c.PortalVersion + 1), cancellationToken) == 1;
    }
}
