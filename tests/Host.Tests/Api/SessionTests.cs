namespace Chamber.Host.Tests.Api;

/// <summary>
/// Sessions end on the server: signing out kills every copy of the cookie, an administrator's change
/// to a user ends that user's sessions (new roles, disabled) for good, and the last administrator stays.
/// </summary>
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

    [Fact]
    public async Task After_signing_out_a_copy_of_the_cookie_opens_nothing()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        var (cookie, token) = await SignInRawAsync("staff@fic.example");
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(HttpMethod.Get, "/api/tasks", cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await WithCookieAsync(HttpMethod.Post, "/api/auth/logout", cookie, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookieAsync(HttpMethod.Get, "/api/tasks", cookie)).StatusCode);
    }

    [Fact]
    public async Task A_cookie_from_before_a_user_was_disabled_stays_dead_after_re_enabling()
    {
        await CreateUserAsync("leader@fic.example", "leader");
        var id = await UserIdAsync("leader@fic.example");
        var (cookie, _) = await SignInRawAsync("leader@fic.example");

        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/users/{id}", new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/users/{id}", new { disabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookieAsync(HttpMethod.Get, "/api/tasks", cookie)).StatusCode);
        using var again = await SignInAsync("leader@fic.example");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task The_last_enabled_administrator_can_neither_lose_the_role_nor_be_disabled()
    {
        var admin = await UserIdAsync(HostFactory.AdminEmail);
        var lastRole = await Admin.PutAsJsonAsync($"/api/users/{admin}", new { roles = new[] { "staff" } });
        Assert.Equal(HttpStatusCode.Conflict, lastRole.StatusCode);
        Assert.Contains("管理员", await lastRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.PutAsJsonAsync($"/api/users/{admin}", new { disabled = true })).StatusCode);

        // With a second administrator, the first may step down.
        await CreateUserAsync("second-admin@fic.example", "admin");
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PutAsJsonAsync($"/api/users/{admin}", new { displayName = new string('名', 201) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/users/{admin}", new { roles = new[] { "staff" } })).StatusCode);
    }

    /// <summary>Signs in without a cookie jar: the session cookie and the anti-forgery token, to send by hand.</summary>
    private async Task<(string Cookie, string Token)> SignInRawAsync(string email)
    {
        using var client = Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = UserPassword });
        response.EnsureSuccessStatusCode();
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
        return (string.Join("; ", cookies), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("antiforgeryToken").GetString()!);
    }

    private async Task<HttpResponseMessage> WithCookieAsync(HttpMethod method, string path, string cookie, string? token = null)
    {
        using var client = Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        if (token is not null)
            request.Headers.Add("X-XSRF-TOKEN", token);
        return await client.SendAsync(request);
    }
}
