using System.Text.RegularExpressions;
using Chamber.Campaigns.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Host.Tests.Email;

/// <summary>Each chamber and person is written to in their own language, and only in it.</summary>
public abstract partial class MessageLanguageTests(StorageProvider provider) : HostTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Clock:Mode"] = "Manual",
        ["Clock:Start"] = "2026-04-01T01:00:00Z",
        ["Seed:DefinitionsPath"] = Path.Combine(AppContext.BaseDirectory, "ShippedDefinitions"),
    };

    [Fact]
    public async Task A_chamber_reading_english_gets_its_requests_in_english_and_the_others_in_chinese_only()
    {
        var ids = await ImportChambersAsync("""
            名称,邮箱,邮件语言
            鹿城区五马街道商会,wuma@chamber.example,中文
            香港温州商会,hk@chamber.example,English
            龙湾区永中街道商会,yz@chamber.example,
            """);
        var refused = await ImportAsync("名称,邮箱,邮件语言\n温州市服装商会,fz@chamber.example,法语\n");
        Assert.Contains("法语", refused, StringComparison.Ordinal);

        var created = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = ids });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Accepted, (await Admin.PostAsync($"/api/campaigns/{id}/launch", null)).StatusCode);
        var requests = await MessagesAsync("/submission-request/", 3);

        var english = requests["hk@chamber.example"];
        Assert.StartsWith("2026年度“四好”商会创建活动: please submit", english.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Dear 香港温州商会,", english.Text, StringComparison.Ordinal);
        Assert.Contains("Thursday 30 Apr 2026", english.Text, StringComparison.Ordinal);
        Assert.Contains("Member Department, Shanghai Federation of Industry and Commerce", english.Text, StringComparison.Ordinal);
        // Nothing Chinese but what it quotes as the department wrote it: the chamber's, the campaign's and the item's names, and
        // the item's description from the template's definition.
        Assert.DoesNotMatch(Cjk(), Regex.Replace(english.Text, "香港温州商会|2026年度“四好”商会创建活动|“[^”]*”|\"[^\"]*\"|(?m)^结合本会实际.*$", ""));
        foreach (var address in new[] { "wuma@chamber.example", "yz@chamber.example" })
        {
            var chinese = requests[address];
            Assert.Contains("请贵会于 2026年4月30日（星期四）前提交", chinese.Text, StringComparison.Ordinal);
            // Signed by the campaign's organiser, as its template names it.
            Assert.Contains("上海市工商业联合会会员部", chinese.Text, StringComparison.Ordinal);
            Assert.DoesNotMatch(EnglishProse(), Regex.Replace(chinese.Text, @"https?://\S+", ""));
            Assert.DoesNotMatch(EnglishProse(), Regex.Replace(chinese.Html ?? "", @"<[^>]+>|https?://[^<\s]+", ""));
        }

        // Staff change a chamber's language by hand; the directory shows it.
        var edit = await Admin.PutAsJsonAsync($"/api/chambers/{ids[0]}", new { name = "鹿城区五马街道商会", email = "wuma@chamber.example", language = "en" });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("en", (await edit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_chamber_chooses_the_language_of_its_mail_on_its_portal()
    {
        var ids = await ImportChambersAsync("名称,邮箱\n鹿城区五马街道商会,wuma@chamber.example\n");
        var token = (await (await Admin.PostAsync($"/api/chambers/{ids[0]}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("link").GetString()!.Split("/portal/")[1];
        using var chamber = Host.CreateClient();
        Assert.Equal("zh-CN", (await chamber.GetFromJsonAsync<JsonElement>($"/api/portal/{token}")).GetProperty("mailLanguage").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await chamber.PutAsJsonAsync($"/api/portal/{token}/mail-language", new { language = "de" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chamber.PutAsJsonAsync($"/api/portal/{token}x/mail-language", new { language = "en" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await chamber.PutAsJsonAsync($"/api/portal/{token}/mail-language", new { language = "en" })).StatusCode);

        Assert.Equal("en", (await chamber.GetFromJsonAsync<JsonElement>($"/api/portal/{token}")).GetProperty("mailLanguage").GetString());
        Assert.Equal("en", (await Admin.GetFromJsonAsync<JsonElement>($"/api/chambers/{ids[0]}")).GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_person_who_reads_english_is_written_to_in_english()
    {
        await CreateUserAsync("leader@fic.example", "leader", "Li Wei");
        using var leader = await SignInAsync("leader@fic.example");
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.PutAsJsonAsync("/api/auth/me/language", new { language = "fr" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await leader.PutAsJsonAsync("/api/auth/me/language", new { language = "en" })).StatusCode);

        using var anonymous = Host.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = "leader@fic.example" })).StatusCode);
        var reset = (await MessagesAsync("password-reset/", 1)).Values.Single();
        Assert.StartsWith("Password reset:", reset.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Dear Li Wei,", reset.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(Cjk(), reset.Text);

        // The administrator never chose: Chinese.
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = HostFactory.AdminEmail })).StatusCode);
        var chinese = (await MessagesAsync("password-reset/", 2))[HostFactory.AdminEmail];
        Assert.StartsWith("【密码重置】", chinese.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrators_change_each_language_of_a_template_on_its_own()
    {
        var draft = new { subject = "Chase: {{title}}", text = "Dear {{chamber}}, please submit.", html = "<p>Dear {{chamber}}, please submit.</p>" };
        var saved = await Admin.PutAsJsonAsync("/api/email-templates/submission-chase?language=en", draft);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var english = await Admin.GetFromJsonAsync<JsonElement>("/api/email-templates/submission-chase?language=en");
        var chinese = await Admin.GetFromJsonAsync<JsonElement>("/api/email-templates/submission-chase");
        Assert.Equal(("en", true, "Chase: {{title}}"), (english.GetProperty("language").GetString(), english.GetProperty("customised").GetBoolean(),
            english.GetProperty("current").GetProperty("subject").GetString()));
        Assert.Equal(("zh-CN", false), (chinese.GetProperty("language").GetString(), chinese.GetProperty("customised").GetBoolean()));
        Assert.Equal(2 * EmailTemplates.Names.Count, (await Admin.GetFromJsonAsync<JsonElement>("/api/email-templates")).GetArrayLength());

        var preview = await Admin.PostAsJsonAsync("/api/email-templates/submission-chase/preview?language=en", new { subject = "x", text = "{{sender}}", html = "<p>x</p>" });
        Assert.Equal("Member Department\n", (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.GetAsync("/api/email-templates/submission-chase?language=fr")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync("/api/email-templates/submission-chase?language=en")).StatusCode);
        Assert.False((await Admin.GetFromJsonAsync<JsonElement>("/api/email-templates/submission-chase?language=en")).GetProperty("customised").GetBoolean());
    }

    private async Task<string> ImportAsync(string csv)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "chambers.csv");
        return await (await Admin.PostAsync("/api/chambers/import", form)).Content.ReadAsStringAsync();
    }

    /// <summary>The outbox's messages whose key contains <paramref name="key"/>, by recipient, once there are <paramref name="count"/>.</summary>
    private async Task<Dictionary<string, EmailMessage>> MessagesAsync(string key, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var db = await Host.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync())
            {
                var messages = db.Outbox.AsNoTracking().AsEnumerable().Where(m => m.IdempotencyKey.Contains(key, StringComparison.Ordinal))
                    .Select(m => EmailMessage.FromJson(m.Payload)).ToList();
                if (messages.Count >= count)
                    return messages.ToDictionary(m => m.To.Single(), StringComparer.Ordinal);
            }

            Assert.True(DateTime.UtcNow < deadline, $"{count} messages '{key}' were not written within 30 s.");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Cjk();

    // Two English words in a row: prose, not a field name or a file extension.
    [GeneratedRegex(@"[A-Za-z]{3,} [a-z]{3,}")]
    private static partial Regex EnglishProse();
}

public sealed class SqliteMessageLanguageTests() : MessageLanguageTests(StorageProvider.Sqlite);

public sealed class PostgresMessageLanguageTests() : MessageLanguageTests(StorageProvider.Postgres);
