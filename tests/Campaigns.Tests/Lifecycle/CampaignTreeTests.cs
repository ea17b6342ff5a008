using Chamber.Campaigns.Lifecycle;

namespace Chamber.Campaigns.Tests.Lifecycle;

/// <summary>How participants add up through the directory's hierarchy.</summary>
public sealed class CampaignTreeTests
{
    private static readonly Dictionary<string, TreeUnit> Units = new()
    {
        ["city"] = new("上海市工商联", ChamberType.CityFederation, null),
        ["hp"] = new("黄浦区工商联", ChamberType.CountyFederation, "city"),
        ["ja"] = new("静安区工商联", ChamberType.CountyFederation, "city"),
        ["street"] = new("外滩街道商会", ChamberType.Township, "hp"),
        ["a"] = new("甲", ChamberType.Industry, "street"),
        ["b"] = new("乙", ChamberType.Industry, "hp"),
        ["c"] = new("丙", ChamberType.Industry, "city"),
        ["d"] = new("丁", ChamberType.Industry, null),
        ["x"] = new("环一", null, "y"),
        ["y"] = new("环二", null, "x"),
        ["loop"] = new("环中商会", null, "x"),
    };

    [Fact]
    public void Each_participant_counts_for_every_federation_above_it_and_only_its_own_parent_counts_it_as_direct()
    {
        var tree = CampaignTree.Build(Units,
        [
            new("a", CampaignProgress.Outcomes.Commended, 90, false, false),
            new("b", CampaignProgress.Outcomes.Rectifying, 70, true, true),
            new("c", null, null, true, false),
            new("d", CampaignProgress.Outcomes.Passed, 85, false, false),
        ]);

        Assert.Equal(1, tree.Unplaced); // 丁 stands under nobody
        var city = tree.Federations.Single(f => f.Id == "city");
        Assert.Equal((3, 1, 1, 1, 1, 1), (city.Participants, city.Direct, city.Waiting, city.Overdue, city.Commended, city.Rectifying));
        Assert.Equal(80, city.AverageScore);
        var huangpu = Assert.Single(city.Children);
        Assert.Equal(("hp", 2, 1), (huangpu.Id, huangpu.Participants, huangpu.Direct));
        var street = Assert.Single(huangpu.Children);
        Assert.Equal(("street", 1, 1, 90d), (street.Id, street.Participants, street.Direct, street.AverageScore!.Value));
        // 静安 has no participant: it is not shown.
        Assert.DoesNotContain(tree.Federations.SelectMany(f => f.Children), f => f.Id == "ja");
    }

    [Fact]
    public void A_participant_under_a_circle_in_the_data_is_counted_as_unplaced_and_the_walk_ends()
    {
        var tree = CampaignTree.Build(Units, [new("loop", null, 60, false, false), new("a", null, null, false, false)]);
        Assert.Equal(1, tree.Unplaced);
        Assert.Equal(["city"], tree.Federations.Select(f => f.Id));
    }
}
