using System.Text.RegularExpressions;
using Chamber.Host.Tests.Email;

namespace Chamber.Host.Tests.Api;

/// <summary>
/// People manage their own passwords: a change while signed in ends their other sessions; a
/// forgotten one is reset through an e-mailed link that works once; administrators reset anyone's.
/// </summary>
public sealed partial class PasswordTests() : HostTestBase(StorageProvider.Sqlite)
{
    private const string NewPassword = "Spring-Campaign-2027";

    [Fact]
    public async Task A_user_changes_their_password_keeps_this_session_and_ends_the_others()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        using var here = await SignInAsync("staff@fic.example");
        using var elsewhere = await SignInAsync("staff@fic.example");

        var wrong = await here.PostAsJsonAsync("/api/auth/password", new { currentPassword = "not-it", newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var weak = await here.PostAsJsonAsync("/api/auth/password", new { currentPassword = UserPassword, newPassword = "aaaaaaaaaaaa" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/tasks")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await here.PostAsJsonAsync("/api/auth/password", new { currentPassword = UserPassword, newPassword = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/tasks")).StatusCode);
        using var anonymous = Host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "staff@fic.example", password = UserPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "staff@fic.example", password = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.CreateClient().PostAsJsonAsync("/api/auth/password", new { currentPassword = UserPassword, newPassword = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_a_link_that_works_once_and_the_answer_never_tells_who_has_an_account()
    {
        await CreateUserAsync("leader@fic.example", "leader", "王主席");
        using var signedIn = await SignInAsync("leader@fic.example");
        using var anonymous = Host.CreateClient();

        // Known or not, the answer is the same; only the account is mailed.
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = "nobody@fic.example" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = " Leader@fic.example " })).StatusCode);
        var mail = await PickupMail.WaitForAsync(Host.PickupDirectory, t => ResetLink().IsMatch(t));
        Assert.Contains("王主席：", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody@fic.example", string.Concat(await PickupMail.ReadAllAsync(Host.PickupDirectory)), StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(ResetLink().Match(mail).Groups[1].Value);
        var outbox = await Admin.GetFromJsonAsync<JsonElement>("/api/outbox?pageSize=50");
        Assert.DoesNotContain(outbox.GetProperty("items").EnumerateArray(), m => m.GetProperty("summary").GetString()!.Contains(token[..20], StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token = token[..^4] + "AAAA", newPassword = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, newPassword = "short" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, newPassword = NewPassword })).StatusCode);

        // Used once, the link is dead; the old sessions have ended; the new password signs in.
        var again = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, newPassword = NewPassword + "!" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已使用或已过期", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "leader@fic.example", password = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task An_administrator_resets_a_password_by_the_same_rules()
    {
        await CreateUserAsync("reviewer@fic.example", "reviewer");
        var id = (await Admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == "reviewer@fic.example").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PutAsJsonAsync($"/api/users/{id}", new { password = "          " })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/users/{id}", new { password = NewPassword })).StatusCode);
        using var anonymous = Host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "reviewer@fic.example", password = NewPassword })).StatusCode);
    }

    [GeneratedRegex(@"/reset-password\?token=([A-Za-z0-9%_\-.]+)")]
    private static partial Regex ResetLink();
}
