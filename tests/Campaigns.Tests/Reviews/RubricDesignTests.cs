using Chamber.Campaigns.Reviews;

namespace Chamber.Campaigns.Tests.Reviews;

/// <summary>What an administrator's edit of a rubric must be before it is kept: every problem named at once.</summary>
public sealed class RubricDesignTests
{
    private static readonly Rubric FiveGood = Rubrics.Get("five-good");

    [Fact]
    public void Every_shipped_rubric_is_a_valid_design()
    {
        Assert.All(Rubrics.All, r => Assert.Empty(r.DesignProblems()));
    }

    [Fact]
    public void A_threshold_changed_within_range_is_kept()
    {
        var edited = FiveGood with { Items = [.. FiveGood.Items.Select(i => i.Id == "members-coverage" ? i with { Indicator = i.Indicator! with { Min = 0.1 } } : i)] };
        Assert.Empty(edited.DesignProblems());
    }

    [Fact]
    public void Duplicate_ids_a_scored_veto_an_unknown_figure_and_a_pass_line_above_the_total_are_all_named()
    {
        var first = FiveGood.Items[0];
        var edited = FiveGood with
        {
            PassLine = 1000,
            Items =
            [
                .. FiveGood.Items,
                first,
                new RubricItem("veto-x", "否决", "发生重大违法违纪", MaxScore: 5, Veto: true),
                new RubricItem("scale", "会员", "规模企业入会率", 5, Indicator: new RubricIndicator("officeArea", "memberCount", 0.8)),
            ],
        };

        var problems = string.Join(" ", edited.DesignProblems());
        Assert.Contains($"“{first.Id}”重复", problems, StringComparison.Ordinal);
        Assert.Contains("否决项“发生重大违法违纪”不计分", problems, StringComparison.Ordinal);
        Assert.Contains("“规模企业入会率”的指标", problems, StringComparison.Ordinal);
        Assert.Contains("及格线应大于 0 且不超过总分", problems, StringComparison.Ordinal);
    }
}
