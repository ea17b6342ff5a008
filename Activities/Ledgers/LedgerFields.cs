namespace Chamber.Campaigns.Ledgers;

/// <summary>One figure of the 台账: its key (as rubric indicators name it), its label and unit in both languages.</summary>
public sealed record LedgerField(string Key, string Label, string LabelEn, string Unit, string UnitEn, bool Whole = true);

/// <summary>A part of the 台账, as 000 lists them.</summary>
public sealed record LedgerSection(string Key, string Title, string TitleEn, IReadOnlyList<LedgerField> Fields);

/// <summary>
/// The figures of the yearly 台账 after 000 (基本情况、经济发展、活动开展、经费收支、班子变化), with
/// those the seeds' indicators need: 001's 入库会员 (90 %) and “四新”企业会员 (30 %), 000's
/// 规模企业 (80 % members), and the Five-Good coverage and growth figures.
/// </summary>
public static class LedgerFields
{
    public static IReadOnlyList<LedgerSection> Sections { get; } =
    [
        new("basics", "基本情况", "Basic facts",
        [
            new("memberCount", "会员总数", "Members", "家", "members"),
            new("enterpriseMemberCount", "企业会员数", "Enterprise members", "家", "members"),
            new("membersInDatabase", "已录入会员数据库的会员数", "Members in the member database", "家", "members"),
            new("newEconomyMemberCount", "“四新”等企业会员数", "New-economy enterprise members", "家", "members"),
            new("localPrivateEntityCount", "本地非公经济市场主体数", "Local private market entities", "户", "entities"),
            new("scaleEnterpriseCount", "本地规模以上企业数", "Local enterprises above designated size", "家", "enterprises"),
            new("scaleEnterpriseMemberCount", "其中已入会的规模以上企业数", "Of which members", "家", "enterprises"),
        ]),
        new("economy", "经济发展", "Economic development",
        [
            new("memberOutput", "会员企业营业收入", "Member enterprises' revenue", "万元", "10k yuan", Whole: false),
            new("memberTax", "会员企业纳税", "Member enterprises' taxes", "万元", "10k yuan", Whole: false),
        ]),
        new("activities", "活动开展", "Activities",
        [
            new("activitiesHeld", "全年组织活动", "Activities held", "次", "times"),
            new("trainingSessions", "培训", "Training sessions", "次", "times"),
            new("charityDonations", "公益慈善捐赠", "Charitable donations", "万元", "10k yuan", Whole: false),
        ]),
        new("finances", "经费收支", "Income and spending",
        [
            new("income", "全年收入", "Income", "万元", "10k yuan", Whole: false),
            new("membershipFees", "其中会费收入", "Of which membership fees", "万元", "10k yuan", Whole: false),
            new("expenditure", "全年支出", "Spending", "万元", "10k yuan", Whole: false),
        ]),
        new("leadership", "班子变化", "Leadership",
        [
            new("boardMeetings", "会长办公会、理事会召开", "Board and council meetings", "次", "times"),
            new("boardChanges", "班子成员变动", "Changes among the leadership", "人", "people"),
        ]),
    ];

    public static IReadOnlyDictionary<string, LedgerField> ByKey { get; } = Sections.SelectMany(s => s.Fields).ToDictionary(f => f.Key, StringComparer.Ordinal);

    /// <summary>Parts of a whole that cannot exceed it: (part, whole).</summary>
    public static IReadOnlyList<(string Part, string Whole)> PartsOf { get; } =
    [
        ("enterpriseMemberCount", "memberCount"), ("membersInDatabase", "memberCount"), ("newEconomyMemberCount", "memberCount"),
        ("scaleEnterpriseMemberCount", "scaleEnterpriseCount"), ("membershipFees", "income"),
    ];
}
