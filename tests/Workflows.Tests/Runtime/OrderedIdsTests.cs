namespace Chamber.Workflows.Tests.Runtime;

public sealed class OrderedIdsTests
{
    [Fact]
    public void Ids_made_together_ascend_as_text_in_the_order_they_were_made_and_are_version_7_uuids()
    {
        var ids = OrderedIds.Create(50_000);

        Assert.Equal(50_000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.All(ids, id =>
        {
            Assert.Matches("^[0-9a-f]{32}$", id);
            var guid = Guid.ParseExact(id, "N");
            Assert.Equal(7, guid.Version);
            Assert.Equal(0b10, guid.Variant >> 2); // RFC 9562's variant, 10xx
        });
    }

    [Fact]
    public void Two_lists_share_no_id_and_each_starts_from_its_own_random_base()
    {
        var first = OrderedIds.Create(1_000);
        var second = OrderedIds.Create(1_000);

        Assert.Empty(first.Intersect(second, StringComparer.Ordinal));
        Assert.NotEqual(first[0][16..], second[0][16..]);
        Assert.Empty(OrderedIds.Create(0));
    }
}
