using Chamber.Campaigns.Email;
using Chamber.Campaigns.Reviews;
using Chamber.Campaigns.Tasks;

namespace Chamber.Campaigns.Tests.Reviews;

public sealed class RubricTests
{
    private static ChamberRecord County(int? members, int? enterprise = null, int? previous = null, int? entities = null) => new()
    {
        Id = "c", Name = "东宝区工商联", NameKey = "东宝区工商联", Email = "db@fic.example",
        MemberCount = members, EnterpriseMemberCount = enterprise, PreviousYearMemberCount = previous, LocalPrivateEntityCount = entities,
    };

    [Theory]
    [InlineData("four-good")]
    [InlineData("five-good")]
    [InlineData("seven-haves")]
    public void The_shipped_rubrics_add_up_to_100_with_a_pass_line(string id)
    {
        var rubric = Rubrics.Get(id);
        Assert.Equal(100, rubric.Total);
        Assert.Equal(80, rubric.PassLine);
        Assert.All(rubric.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Title)));
    }

    [Theory]
    [InlineData("four-good")]
    [InlineData("five-good")]
    [InlineData("seven-haves")]
    public void The_shipped_rubrics_read_in_chinese_or_in_english_never_both(string id)
    {
        var rubric = Rubrics.Get(id);
        var chinese = new System.Text.RegularExpressions.Regex(@"[\u4e00-\u9fff]");
        Assert.All(rubric.Items, i => Assert.DoesNotMatch(chinese, (i.AreaEn ?? "") + (i.TitleEn ?? "-")));
        Assert.All(rubric.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.TitleEn) || string.IsNullOrWhiteSpace(i.AreaEn), i.Id));
        Assert.Matches(chinese, rubric.Note!);
        Assert.DoesNotMatch(chinese, rubric.NoteEn!);
        var item = rubric.Items[0];
        Assert.Equal((item.Title, item.TitleEn), (item.TitleIn(MessageLanguage.Chinese), item.TitleIn(MessageLanguage.English)));
    }

    [Fact]
    public void An_unknown_rubric_is_an_error_naming_the_shipped_ones() =>
        Assert.Contains("four-good", Assert.Throws<InvalidOperationException>(() => Rubrics.Get("six-good")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(300, 1000, true)] // exactly 30 % coverage meets "30 % or more"
    [InlineData(299, 1000, false)]
    public void Member_coverage_is_computed_from_the_directory_figures(int members, int entities, bool met)
    {
        var coverage = Rubrics.Get("five-good").Items.Single(i => i.Id == "members-coverage").Indicator!;
        Assert.Equal(met, coverage.Evaluate(County(members, entities: entities))!.Value.Met);
    }

    [Theory]
    [InlineData(266, 250, true)]  // 6.4 % growth
    [InlineData(265, 250, false)] // exactly 6 %: the standard says above 6 %
    public void Member_growth_must_be_above_six_percent(int members, int previous, bool met)
    {
        var growth = Rubrics.Get("five-good").Items.Single(i => i.Id == "members-growth").Indicator!;
        Assert.Equal(met, growth.Evaluate(County(members, previous: previous))!.Value.Met);
    }

    [Fact]
    public void Missing_figures_fail_an_indicator_and_say_so()
    {
        var result = RubricReview.Score(Rubrics.Get("five-good"), County(null), [Full("five-good", "r1")]);
        var coverage = result.Items.Single(i => i.Id == "members-coverage");
        Assert.False(coverage.Passed);
        Assert.Contains("缺少数据", coverage.Note, StringComparison.Ordinal);
        Assert.Equal(83, result.Total); // 100 less the four indicators' 17 points
        Assert.True(result.Passed);
        Assert.Equal(["members-coverage", "members-enterprise", "members-growth", "members-scale"], result.FailedItems);
    }

    [Fact]
    public void Reviewers_scores_are_averaged_and_a_veto_fails_whatever_the_total()
    {
        var rubric = Rubrics.Get("four-good");
        var strict = Full("four-good", "r1") with { Scores = Full("four-good", "r1").Scores!.ToDictionary(p => p.Key, p => p.Key == "service-rights" ? 1m : p.Value) };
        var result = RubricReview.Score(rubric, (Chamber.Campaigns.Ledgers.ChamberFigures?)null, [Full("four-good", "r2"), strict]);
        Assert.Equal(87.5m, result.Total); // service-rights: (8 + 1) / 2 = 4.5; the two standards computed from the 台账 have no figures
        Assert.Equal(["members-database", "members-new-economy", "service-rights"], result.FailedItems); // 4.5 of 8 is below 60 %
        Assert.True(result.Passed);

        var vetoed = RubricReview.Score(rubric, (Chamber.Campaigns.Ledgers.ChamberFigures?)null, [Full("four-good", "r1") with { Vetoes = ["veto-violation"] }]);
        Assert.Equal(91, vetoed.Total);
        Assert.False(vetoed.Passed);
        Assert.Contains("veto-violation", vetoed.FailedItems);
    }

    [Fact]
    public void An_incomplete_or_out_of_range_answer_is_refused_item_by_item()
    {
        var rubric = Rubrics.Get("four-good");
        var scores = Full("four-good", "r").Scores!.ToDictionary(p => p.Key, p => p.Value);
        scores.Remove("unity-party");
        scores["leadership-politics"] = 10;
        scores["made-up"] = 1;
        var problems = rubric.Problems(scores, ["leadership-politics"]);
        Assert.Equal(4, problems.Count);
        Assert.Empty(rubric.Problems(Full("four-good", "r").Scores, ["veto-violation"]));
    }

    /// <summary>A reviewer who gives every hand-scored item its full points.</summary>
    private static TaskDecision Full(string rubric, string by) =>
        new("t-" + by, TaskActions.Score, by, Scores: Rubrics.Get(rubric).Scored.ToDictionary(i => i.Id, i => i.MaxScore));
}
