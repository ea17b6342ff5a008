using Chamber.Campaigns.Persistence;

namespace Chamber.Campaigns.Tests.Persistence;

public sealed class CoalescingLoaderTests
{
    [Fact]
    public async Task Lookups_made_while_a_query_runs_are_read_together_in_the_next_one()
    {
        var queries = new List<IReadOnlyList<string>>();
        var firstQuery = new TaskCompletionSource();
        var loader = new CoalescingLoader<string, string>(async (keys, _) =>
        {
            if (QueryCount() == 0)
            {
                lock (queries)
                    queries.Add(keys);
                await firstQuery.Task;
            }
            else
            {
                lock (queries)
                    queries.Add(keys);
            }

            return keys.Where(k => k != "missing").ToDictionary(k => k, k => k.ToUpperInvariant());
        }, maxKeysPerQuery: 2);

        int QueryCount()
        {
            lock (queries)
                return queries.Count;
        }

        var a = loader.LoadAsync("a");
        while (QueryCount() == 0)
            await Task.Delay(5);
        var waiting = new[] { loader.LoadAsync("b"), loader.LoadAsync("c"), loader.LoadAsync("b"), loader.LoadAsync("missing") };
        firstQuery.SetResult();

        Assert.Equal("A", await a);
        Assert.Equal(["B", "C", "B", "(none)"], (await Task.WhenAll(waiting)).Select(v => v ?? "(none)"));
        // "b" asked twice is read once; more keys than a query takes are split.
        Assert.Equal([["a"], ["b", "c"], ["missing"]], queries.Select(q => q.ToArray()));
    }

    [Fact]
    public async Task A_failed_query_fails_the_lookups_that_waited_for_it_and_the_next_lookup_queries_again()
    {
        var fail = true;
        var loader = new CoalescingLoader<string, string>((keys, _) => fail
            ? Task.FromException<IReadOnlyDictionary<string, string>>(new InvalidOperationException("database down"))
            : Task.FromResult<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k, k => k)), 10);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => loader.LoadAsync("a"));
        Assert.Equal("database down", error.Message);
        fail = false;
        Assert.Equal("a", await loader.LoadAsync("a"));
    }

    [Fact]
    public async Task A_caller_that_gives_up_stops_waiting_without_cancelling_the_others()
    {
        var release = new TaskCompletionSource();
        var loader = new CoalescingLoader<string, string>(async (keys, _) =>
        {
            await release.Task;
            return keys.ToDictionary(k => k, k => k);
        }, 10);
        using var giveUp = new CancellationTokenSource();
        var patient = loader.LoadAsync("a");
        var impatient = loader.LoadAsync("b", giveUp.Token);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        release.SetResult();
        Assert.Equal("a", await patient);
    }
}
