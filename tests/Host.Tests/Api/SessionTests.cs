namespace Chamber.Host.Tests.Api;

/// <summary>An administrator's change to a user ends that user's open sessions: new roles, or disabled.</summary>
public sealed class SessionTests() : HostTestBase(StorageProvider.Sqlite)
{
    private async Task<string> UserIdAsync(string email) =>
        (await Admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Single(u => u.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;

    [Fact]
    public async Task A_user_given_other_roles_or_disabled_is_signed_out_at_the_next_request()
    {
        await CreateUserAsync("leader@fic.example", "leader");
        var id = await UserIdAsync("leader@fic.example");
        using var leader = await SignInAsync("leader@fic.example");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/campaigns")).StatusCode);

        // No longer a leader: the old session, which still says "leader", ends.
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/users/{id}", new { roles = new[] { "reviewer" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await leader.GetAsync("/api/campaigns")).StatusCode);
        using var reviewer = await SignInAsync("leader@fic.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/api/tasks")).StatusCode);

        // Disabled: out at once, and no new sign-in.
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/users/{id}", new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reviewer.GetAsync("/api/tasks")).StatusCode);
        using var anonymous = Host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "leader@fic.example", password = UserPassword })).StatusCode);

        // Other users' sessions are untouched.
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/api/users")).StatusCode);
    }
}
