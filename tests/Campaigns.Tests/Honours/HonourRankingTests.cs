using Chamber.Campaigns.Honours;
using Chamber.Campaigns.Notices;

namespace Chamber.Campaigns.Tests.Honours;

/// <summary>How the 拟表彰名单 is drawn up from the scores: ranks with ties, tiers in order, the quota; and the decision it becomes.</summary>
public sealed class HonourRankingTests
{
    private static readonly HonourCandidate[] Passed =
    [
        new("c", "丙商会", 88), new("a", "甲商会", 96), new("b", "乙商会", 96), new("d", "丁商会", 81), new("e", "戊商会", 80),
    ];

    [Fact]
    public void Without_tiers_or_quota_every_unit_that_passed_is_named_in_rank_order_with_ties_sharing_a_rank()
    {
        var ranked = HonourRanking.Rank(Passed, [], null);

        // 乙 (U+4E59) sorts before 甲 (U+7532) among equals: by name, so the order is stable.
        Assert.Equal(["b", "a", "c", "d", "e"], ranked.Select(u => u.ChamberId));
        Assert.Equal([1, 1, 3, 4, 5], ranked.Select(u => u.Rank));
        Assert.All(ranked, u => Assert.True(u.Included));
        Assert.All(ranked, u => Assert.Null(u.Tier));
    }

    [Fact]
    public void A_quota_names_the_best_and_leaves_the_rest_off()
    {
        var ranked = HonourRanking.Rank(Passed, [], 3);

        Assert.Equal(["b", "a", "c"], ranked.Where(u => u.Included).Select(u => u.ChamberId));
        Assert.Equal(["d", "e"], ranked.Where(u => !u.Included).Select(u => u.ChamberId));
    }

    [Fact]
    public void Tiers_fill_in_order_by_their_minimum_score_and_count_and_a_unit_fitting_none_is_left_off()
    {
        HonourTier[] tiers = [new("示范商会", "Model chamber", MinScore: 95, Count: 1), new("先进商会", "Advanced chamber", MinScore: 85)];

        var ranked = HonourRanking.Rank(Passed, tiers, null).ToDictionary(u => u.ChamberId);

        Assert.Equal(("示范商会", true), (ranked["b"].Tier, ranked["b"].Included));
        // The model tier is full: the other 96 goes into the next tier.
        Assert.Equal(("先进商会", true), (ranked["a"].Tier, ranked["a"].Included));
        Assert.Equal("先进商会", ranked["c"].Tier);
        // 81 and 80 reach no tier's minimum.
        Assert.Equal((null, false), (ranked["d"].Tier, ranked["d"].Included));
        Assert.False(ranked["e"].Included);
    }

    [Fact]
    public void The_quota_caps_the_tiers_together()
    {
        HonourTier[] tiers = [new("一档", Count: 1), new("二档")];

        var ranked = HonourRanking.Rank(Passed, tiers, 2);

        Assert.Equal([("b", "一档"), ("a", "二档")], ranked.Where(u => u.Included).Select(u => (u.ChamberId, u.Tier!)));
    }

    [Fact]
    public void The_decision_from_a_list_with_tiers_names_each_tier_and_a_recognition_reads_as_one()
    {
        var list = new ShortlistView("k", "2026年度市级“五好”县级工商联", HonourKinds.Recognition, null,
            [new HonourTier("示范单位"), new HonourTier("达标单位")], ShortlistStatus.Decided, null, 4, 3,
            [
                Entry("a", "甲区工商联", "示范单位", true), Entry("b", "乙区工商联", "达标单位", true), Entry("c", "丙区工商联", "达标单位", true),
                Entry("d", "丁区工商联", null, false),
            ]);
        var request = new NoticeRequest(NoticeKinds.Decision, null, null, "重庆市工商业联合会", "各区县工商联", list.Honour);

        var text = NoticeDocument.Paragraphs(NoticeDocument.Write(CampaignNotices.Compose("五好创建", request, 4, [], [], [], [], new DateOnly(2026, 12, 20),
            shortlist: list)));

        Assert.Contains("关于认定2026年度市级“五好”县级工商联的决定", text);
        Assert.Contains(text, p => p.Contains("认定3个单位为“2026年度市级‘五好’县级工商联”", StringComparison.Ordinal));
        Assert.Equal("甲区工商联", text[text.ToList().FindIndex(p => p.StartsWith("一、示范单位名单（1个）", StringComparison.Ordinal)) + 1]);
        Assert.Equal("乙区工商联、丙区工商联", text[text.ToList().FindIndex(p => p.StartsWith("二、达标单位名单（2个）", StringComparison.Ordinal)) + 1]);
        Assert.DoesNotContain(text, p => p.Contains("丁区工商联", StringComparison.Ordinal) || p.Contains("表彰", StringComparison.Ordinal));
    }

    [Fact]
    public void The_list_the_leaders_read_gives_scores_and_why_a_unit_was_left_off()
    {
        var list = new ShortlistView("k", "2026年度“四好”商会", HonourKinds.Commendation, 2, [], ShortlistStatus.Proposed, null, 5, 2,
            [Entry("a", "甲商会", null, true, 96), Entry("b", "乙商会", null, true, 90) with { ReviewedBy = "黄浦区工商联" },
             Entry("c", "丙商会", null, false, 88, "名额已满")]);

        var text = NoticeDocument.Paragraphs(NoticeDocument.Write(CampaignHonours.Compose("2026年度“四好”商会创建活动", "上海市工商业联合会", list,
            new DateOnly(2026, 12, 10))));

        Assert.Contains("2026年度“四好”商会拟表彰名单", text);
        Assert.Contains(text, p => p.Contains("按得分排序，名额2个，拟表彰以下2个单位", StringComparison.Ordinal));
        // A district's chamber on the city's list says who reviewed it.
        Assert.Contains("甲商会（96分）、乙商会（黄浦区工商联考核，90分）", text);
        Assert.Contains("丙商会（88分），名额已满", text);
    }

    private static HonourEntry Entry(string id, string name, string? tier, bool included, double score = 90, string? note = null) =>
        new(id, name, null, 1, score, tier, included, false, note, null, null);
}
