using Chamber.Campaigns.Email;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Paging;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Chambers;

/// <summary>The chambers: imported from files (re-import updates by name) and listed for campaigns.</summary>
public sealed class ChamberDirectory(IDbContextFactory<CampaignDbContext> contexts, TimeProvider clock)
{
    private readonly CoalescingLoader<string, ChamberRecord> _byId = new((ids, ct) => LoadAsync(contexts, ids, ct), 500);

    /// <summary>Reads a CSV or XLSX file and stores its valid rows in one transaction; throws <see cref="FormatException"/> when the file as a whole is unreadable.</summary>
    /// <param name="federationId">
    /// A federation importing its own units: a row may only add or change a unit under it, new units
    /// without a 上级单位 stand directly under it, and a parent named must be it or one of its units.
    /// </param>
    public async Task<ImportResult> ImportAsync(byte[] content, string? fileName, string? federationId = null, CancellationToken cancellationToken = default)
    {
        var plan = ChamberImport.Plan(TabularFile.Read(content, fileName));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (hierarchy, refused) = await HierarchyAsync(db, plan.Rows, cancellationToken);
        if (refused.Count > 0)
            plan = new ChamberImportPlan([.. plan.Rows.Where(r => refused.All(e => e.Row != r.RowNumber))], [.. plan.Errors, .. refused]);
        var keys = plan.Rows.Select(r => ChamberImport.NameKey(r.Name)).ToList();
        var existing = new Dictionary<string, ChamberRecord>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            foreach (var record in await db.Chambers.Where(c => chunk.Contains(c.NameKey)).ToListAsync(cancellationToken))
                existing[record.NameKey] = record;
        }

        if (federationId is not null)
        {
            var outside = await OutsideFederationAsync(db, federationId, plan.Rows, existing, hierarchy, cancellationToken);
            if (outside.Count > 0)
                plan = new ChamberImportPlan([.. plan.Rows.Where(r => outside.All(e => e.Row != r.RowNumber))], [.. plan.Errors, .. outside]);
        }

        int created = 0, updated = 0, unchanged = 0;
        var ids = new List<string>(plan.Rows.Count);
        foreach (var row in plan.Rows)
        {
            var key = ChamberImport.NameKey(row.Name);
            if (!existing.TryGetValue(key, out var record))
            {
                record = new ChamberRecord
                {
                    Id = Guid.CreateVersion7().ToString("N"), Name = row.Name, NameKey = key, Email = row.Email, CreatedAt = now, ParentId = federationId,
                };
                db.Chambers.Add(record);
                Apply(record, row);
                record.UpdatedAt = now;
                ids.Add(record.Id);
                created++;
                continue;
            }

            Apply(record, row);
            ids.Add(record.Id);
            if (db.Entry(record).State == EntityState.Modified)
            {
                record.UpdatedAt = now;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        // Parents last: a row may name a federation further down the same file.
        if (hierarchy is not null)
        {
            var imported = db.ChangeTracker.Entries<ChamberRecord>().ToDictionary(e => e.Entity.NameKey, e => e.Entity, StringComparer.Ordinal);
            foreach (var row in plan.Rows.Where(r => r.Parent is not null))
            {
                var parentKey = ChamberImport.NameKey(row.Parent!);
                imported[ChamberImport.NameKey(row.Name)].ParentId = imported.TryGetValue(parentKey, out var parent) ? parent.Id : hierarchy[parentKey].Id;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(plan.Rows.Count + plan.Errors.Select(e => e.Row).Distinct().Count(), created, updated, unchanged, plan.Errors, [.. ids.Distinct()]);
    }

    /// <summary>The rows a federation may not import: a unit of the directory not under it, or a parent that is neither it nor one of its units.</summary>
    private static async Task<List<ImportError>> OutsideFederationAsync(CampaignDbContext db, string federationId, IReadOnlyList<ChamberRow> rows,
        Dictionary<string, ChamberRecord> existing, Dictionary<string, Placed>? directory, CancellationToken cancellationToken)
    {
        var under = await UnderAsync(db, federationId, cancellationToken);
        var inFile = rows.Select(r => ChamberImport.NameKey(r.Name)).ToHashSet(StringComparer.Ordinal);
        var refused = new List<ImportError>();
        foreach (var row in rows)
        {
            if (existing.TryGetValue(ChamberImport.NameKey(row.Name), out var record) && !under.Contains(record.Id))
            {
                refused.Add(new ImportError(row.RowNumber, "名称", ReaderText.Of($"“{row.Name}”已在名录中，但不属于本单位", $"'{row.Name}' is in the directory, but not under this federation.")));
                continue;
            }

            var parentKey = row.Parent is null ? null : ChamberImport.NameKey(row.Parent);
            if (parentKey is not null && !inFile.Contains(parentKey) && directory?.GetValueOrDefault(parentKey) is { } parent
                && parent.Id != federationId && !under.Contains(parent.Id))
                refused.Add(new ImportError(row.RowNumber, "上级单位", ReaderText.Of($"上级单位“{row.Parent}”须为本单位或其所属单位", $"The parent '{row.Parent}' must be this federation or one of its units.")));
        }

        return refused;
    }

    /// <summary>Why a unit cannot stand under <paramref name="parentId"/>: it is not in the directory, or it is the unit itself or one below it.</summary>
    private static async Task<string?> ParentProblemAsync(CampaignDbContext db, string id, string parentId, CancellationToken cancellationToken)
    {
        for (var (at, depth) = ((string?)parentId, 0); at is not null && depth < 64; depth++)
        {
            if (at == id)
                return ReaderText.Of("上级单位不能是本单位或其下级", "A unit cannot stand under itself or one of its own units.");
            var unit = await db.Chambers.AsNoTracking().Where(c => c.Id == at).Select(c => new { c.ParentId }).FirstOrDefaultAsync(cancellationToken);
            if (unit is null)
                return depth == 0 ? ReaderText.Of("上级单位不在名录中", "The parent is not in the directory.") : null;
            at = unit.ParentId;
        }

        return null;
    }

    private sealed record Placed(string Id, string? ParentId);

    /// <summary>
    /// Where the rows' parents are: each must be a unit of the file or of the directory, and no unit
    /// may end up under itself (a circle through the file and the directory). Null when no row names
    /// a parent; the rows refused, each with its reason.
    /// </summary>
    private static async Task<(Dictionary<string, Placed>? Directory, List<ImportError> Refused)> HierarchyAsync(CampaignDbContext db, IReadOnlyList<ChamberRow> rows,
        CancellationToken cancellationToken)
    {
        var refused = new List<ImportError>();
        if (rows.All(r => r.Parent is null))
            return (null, refused);
        var directory = (await db.Chambers.AsNoTracking().Select(c => new { c.NameKey, c.Id, c.ParentId }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.NameKey, c => new Placed(c.Id, c.ParentId), StringComparer.Ordinal);
        var keyOfId = directory.ToDictionary(d => d.Value.Id, d => d.Key, StringComparer.Ordinal);
        var inFile = rows.Select(r => ChamberImport.NameKey(r.Name)).ToHashSet(StringComparer.Ordinal);
        // Who stands under whom once the file is in: the directory's, with the file's over it (an empty cell keeps what was stored).
        var parentOf = directory.Where(d => d.Value.ParentId is not null && keyOfId.ContainsKey(d.Value.ParentId))
            .ToDictionary(d => d.Key, d => keyOfId[d.Value.ParentId!], StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Parent is not null))
        {
            var parentKey = ChamberImport.NameKey(row.Parent!);
            if (!inFile.Contains(parentKey) && !directory.ContainsKey(parentKey))
                refused.Add(new ImportError(row.RowNumber, "上级单位", ReaderText.Of($"上级单位“{row.Parent}”既不在名录中，也不在本文件中", $"The parent '{row.Parent}' is neither in the directory nor in this file.")));
            else
                parentOf[ChamberImport.NameKey(row.Name)] = parentKey;
        }

        foreach (var row in rows.Where(r => r.Parent is not null && refused.All(e => e.Row != r.RowNumber)))
        {
            var start = ChamberImport.NameKey(row.Name);
            var seen = new HashSet<string>(StringComparer.Ordinal) { start };
            for (var at = parentOf.GetValueOrDefault(start); at is not null; at = parentOf.GetValueOrDefault(at))
            {
                if (!seen.Add(at))
                {
                    refused.Add(new ImportError(row.RowNumber, "上级单位", ReaderText.Of($"上级单位“{row.Parent}”会使本单位成为自己的下级", $"Under '{row.Parent}', the unit would stand under itself.")));
                    break;
                }
            }
        }

        return (directory, refused);
    }

    /// <summary>An empty cell leaves what was stored: a partial re-import (names and phone numbers only) keeps the member figures.</summary>
    private static void Apply(ChamberRecord record, ChamberRow row)
    {
        record.Name = row.Name;
        record.Email = row.Email;
        record.Type = row.Type ?? record.Type;
        record.District = row.District ?? record.District;
        record.Contact = row.Contact ?? record.Contact;
        record.Phone = row.Phone ?? record.Phone;
        record.MemberCount = row.MemberCount ?? record.MemberCount;
        record.EnterpriseMemberCount = row.EnterpriseMemberCount ?? record.EnterpriseMemberCount;
        record.PreviousYearMemberCount = row.PreviousYearMemberCount ?? record.PreviousYearMemberCount;
        record.LocalPrivateEntityCount = row.LocalPrivateEntityCount ?? record.LocalPrivateEntityCount;
        if (row.Language is not null)
            record.Language = MessageLanguage.Stored(row.Language);
        if (row.Extra.Count > 0)
            record.Extra = ChamberImport.ExtraJson(row.Extra);
    }

    /// <summary>
    /// Changes one chamber by hand: every field as given (an empty one clears it), checked as an import
    /// row is; the name stays unique. Null when there is no such chamber.
    /// </summary>
    /// <exception cref="ChamberRequestException">The edit breaks a rule; nothing was changed.</exception>
    public async Task<ChamberRecord?> UpdateAsync(string id, ChamberEdit edit, CancellationToken cancellationToken = default)
    {
        var (row, problems) = ChamberImport.Check(edit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Chambers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } record)
            return null;
        if (row is null)
            throw new ChamberRequestException(problems);
        var key = ChamberImport.NameKey(row.Name);
        if (await db.Chambers.Where(c => c.NameKey == key && c.Id != id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) is { } same)
            throw new ChamberRequestException([ReaderText.Of($"名录中已有“{same}”", $"'{same}' is already in the directory.")]);
        var parentId = string.IsNullOrWhiteSpace(edit.ParentId) ? null : edit.ParentId.Trim();
        if (parentId is not null && await ParentProblemAsync(db, id, parentId, cancellationToken) is { } parentProblem)
            throw new ChamberRequestException([parentProblem]);
        record.ParentId = parentId;
        record.Name = row.Name;
        record.NameKey = key;
        record.Email = row.Email;
        record.Type = row.Type;
        record.District = row.District;
        record.Contact = row.Contact;
        record.Phone = row.Phone;
        record.MemberCount = row.MemberCount;
        record.EnterpriseMemberCount = row.EnterpriseMemberCount;
        record.PreviousYearMemberCount = row.PreviousYearMemberCount;
        record.LocalPrivateEntityCount = row.LocalPrivateEntityCount;
        record.Language = MessageLanguage.Stored(row.Language);
        if (db.Entry(record).State == EntityState.Modified)
            record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>
    /// Removes a chamber from the directory; false when there is no such chamber. A chamber named in
    /// a campaign stays: its workflows, reminders and results refer to it.
    /// </summary>
    /// <exception cref="ChamberInUseException">The chamber takes part in a campaign.</exception>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var campaigns = await db.CampaignParticipants.Where(p => p.ChamberId == id)
            .Join(db.Campaigns, p => p.CampaignId, c => c.Id, (_, c) => c.Name).Distinct().Take(3).ToListAsync(cancellationToken);
        if (campaigns.Count > 0)
            throw new ChamberInUseException(ReaderText.Of($"该商会参加了“{string.Join("”“", campaigns)}”，不能删除", $"The chamber takes part in a campaign and cannot be deleted."));
        // The units under it move up to its own parent: none is left under a unit that is gone.
        var parent = await db.Chambers.Where(c => c.Id == id).Select(c => c.ParentId).FirstOrDefaultAsync(cancellationToken);
        await db.Chambers.Where(c => c.ParentId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, parent), cancellationToken);
        var deleted = await db.Chambers.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted == 1;
    }

    /// <summary>The units others may stand under — federations by type, and any unit that has units under it — by name, for the editor and the directory's column.</summary>
    public async Task<IReadOnlyList<FederationRef>> FederationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parents = db.Chambers.Where(c => c.ParentId != null).Select(c => c.ParentId);
        return await db.Chambers.AsNoTracking()
            .Where(c => ChamberTypes.Federations.Contains(c.Type) || parents.Contains(c.Id))
            .OrderBy(c => c.Name).Select(c => new FederationRef(c.Id, c.Name, c.Type, c.ParentId)).ToListAsync(cancellationToken);
    }

    /// <summary>The units under a federation, at any depth (街道商会 under 区工商联 under 市工商联).</summary>
    public async Task<IReadOnlySet<string>> UnderAsync(string federationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await UnderAsync(db, federationId, cancellationToken);
    }

    /// <summary>Whether a unit stands under a federation, at any depth: walked up from the unit, a row a level (not the federation's whole tree read).</summary>
    public async Task<bool> StandsUnderAsync(string unitId, string federationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var at = unitId;
        for (var depth = 0; depth < ChamberTypes.MaxDepth; depth++)
        {
            at = await db.Chambers.Where(c => c.Id == at).Select(c => c.ParentId).FirstOrDefaultAsync(cancellationToken);
            if (at is null)
                return false;
            if (at == federationId)
                return true;
        }

        return false;
    }

    private static async Task<HashSet<string>> UnderAsync(CampaignDbContext db, string federationId, CancellationToken cancellationToken)
    {
        var under = new HashSet<string>(StringComparer.Ordinal);
        List<string> level = [federationId];
        for (var depth = 0; depth < ChamberTypes.MaxDepth && level.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var chunk in level.Chunk(1000))
                next.AddRange(await db.Chambers.Where(c => c.ParentId != null && chunk.Contains(c.ParentId)).Select(c => c.Id).ToListAsync(cancellationToken));
            level = [.. next.Where(under.Add)];
        }

        under.Remove(federationId);
        return under;
    }

    /// <summary>The districts chambers are in, for the directory's filter.</summary>
    public async Task<IReadOnlyList<string>> DistrictsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Chambers.AsNoTracking().Where(c => c.District != null && c.District != "").Select(c => c.District!).Distinct()
            .OrderBy(d => d).ToListAsync(cancellationToken);
    }

    public async Task<ListPage<ChamberRecord>> ListAsync(ChamberQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chambers = db.Chambers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var key = ChamberImport.NameKey(query.Search);
            chambers = chambers.Where(c => c.NameKey.Contains(key) || c.Email.Contains(key) || (c.Contact != null && c.Contact.Contains(query.Search)));
        }

        if (!string.IsNullOrWhiteSpace(query.District))
            chambers = chambers.Where(c => c.District == query.District);
        if (query.Type is { } type)
            chambers = chambers.Where(c => c.Type == type);
        if (query.Under is { } federation)
        {
            var under = await UnderAsync(db, federation, cancellationToken);
            chambers = chambers.Where(c => under.Contains(c.Id));
        }

        var total = await chambers.CountAsync(cancellationToken);
        var items = await chambers.OrderBy(c => c.District).ThenBy(c => c.Name).Skip(page.Skip).Take(page.Size)
            .ToListAsync(cancellationToken);
        return page.Of(total, items);
    }

    /// <summary>One chamber; lookups made at the same time (a launch's workflows) are read in one query.</summary>
    public Task<ChamberRecord?> FindAsync(string id, CancellationToken cancellationToken = default) => _byId.LoadAsync(id, cancellationToken);

    /// <summary>One chamber that a workflow step needs: a missing one faults the step with a message that names it.</summary>
    public async Task<ChamberRecord> GetRequiredAsync(string? id, CancellationToken cancellationToken = default) =>
        await FindAsync(id ?? "", cancellationToken) ?? throw new InvalidOperationException(NotInDirectory(id));

    /// <summary>The language the chamber's e-mails are written in, as the chamber chose it on its portal; false when there is no such chamber.</summary>
    public async Task<bool> SetLanguageAsync(string id, string language, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Chambers.Where(c => c.Id == id)
            .ExecuteUpdateAsync(c => c.SetProperty(r => r.Language, MessageLanguage.Stored(language)), cancellationToken) > 0;
    }

    /// <summary>The message for a chamber id that is not in the directory.</summary>
    public static string NotInDirectory(string? id) => ReaderText.Of($"商会“{id}”不在名录中", $"Chamber '{id}' is not in the directory.");

    /// <summary>How to write to several chambers (those that exist) in one query: every chamber of a batch of reminders.</summary>
    public async Task<IReadOnlyDictionary<string, ChamberContact>> ContactsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Chambers.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new ChamberContact(c.Id, c.Email, c.PortalVersion, c.Language))
            .ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, ChamberRecord>> LoadAsync(IDbContextFactory<CampaignDbContext> contexts, IReadOnlyList<string> ids,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Chambers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
    }
}

/// <summary>A federation as the directory's parent picker lists it.</summary>
public sealed record FederationRef(string Id, string Name, ChamberType? Type, string? ParentId);
