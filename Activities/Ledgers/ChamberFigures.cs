using Chamber.Campaigns.Chambers;

namespace Chamber.Campaigns.Ledgers;

/// <summary>
/// A unit's figures for a year, as the rubrics' indicators read them: the directory's, then those
/// of its confirmed 台账 for the year over them, and last year's member count from last year's
/// confirmed 台账 where there is one.
/// </summary>
public sealed class ChamberFigures(IReadOnlyDictionary<string, double> values)
{
    public const string PreviousYearMemberCount = "previousYearMemberCount";

    /// <summary>Every figure an indicator may name.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. LedgerFields.ByKey.Keys, PreviousYearMemberCount];

    public double? this[string name] => values.TryGetValue(name, out var value) ? value : null;

    /// <summary>The directory's figures alone.</summary>
    public static ChamberFigures Of(ChamberRecord chamber) => Of(chamber, null, null);

    public static ChamberFigures Of(ChamberRecord chamber, IReadOnlyDictionary<string, decimal>? ledger, IReadOnlyDictionary<string, decimal>? lastYear)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        void Set(string key, double? value)
        {
            if (value is { } v)
                values[key] = v;
        }

        Set("memberCount", chamber.MemberCount);
        Set("enterpriseMemberCount", chamber.EnterpriseMemberCount);
        Set("localPrivateEntityCount", chamber.LocalPrivateEntityCount);
        Set(PreviousYearMemberCount, chamber.PreviousYearMemberCount);
        foreach (var (key, value) in ledger ?? new Dictionary<string, decimal>())
            values[key] = (double)value;
        if (lastYear?.GetValueOrDefault("memberCount") is { } before and > 0)
            values[PreviousYearMemberCount] = (double)before;
        return new ChamberFigures(values);
    }
}
