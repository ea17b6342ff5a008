using System.Diagnostics;

namespace Chamber.Host.Tests.Api;

/// <summary>A sign-in with an address that has no account takes as long as one with a wrong password: the answer's timing does not tell who has an account.</summary>
public sealed class SignInTimingTests() : HostTestBase(StorageProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Auth:SignInAttemptsPerMinute"] = "1000",
        ["Auth:FailedSignInsPerAccount"] = "1000",
    };

    [Fact]
    public async Task An_unknown_address_costs_as_much_as_a_wrong_password()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        using var client = Host.CreateClient();
        await LoginAsync(client, "staff@fic.example"); // warm-up

        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            known.Add(await LoginAsync(client, "staff@fic.example"));
            unknown.Add(await LoginAsync(client, $"nobody{i}@fic.example"));
        }

        // Checking a password hash takes tens of milliseconds; skipping it took one. Medians, within a factor of three.
        var knownMedian = known.Order().ElementAt(4);
        var unknownMedian = unknown.Order().ElementAt(4);
        Assert.True(unknownMedian > knownMedian / 3, $"unknown address {unknownMedian:0.0} ms, wrong password {knownMedian:0.0} ms");
    }

    private static async Task<double> LoginAsync(HttpClient client, string email)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong-Password-2026" });
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }
}
