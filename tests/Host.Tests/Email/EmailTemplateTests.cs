using Chamber.Host.Tests.Campaigns;

namespace Chamber.Host.Tests.Email;

/// <summary>Administrators change a shipped e-mail template, preview drafts, and go back to the shipped text; campaigns mail with what is in force.</summary>
public abstract class EmailTemplateTests(StorageProvider provider) : HostTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Clock:Mode"] = "Manual",
        ["Clock:Start"] = "2026-04-01T01:00:00Z",
        ["Seed:DefinitionsPath"] = Path.Combine(AppContext.BaseDirectory, "ShippedDefinitions"),
    };

    private const string ChangedSubject = "【请报送】{{title}}（截止{{dueDate}}，剩{{workingDaysLeft}}个工作日）/ Due {{dueDateEn}}";

    private static object Draft(string subject = ChangedSubject, string text = "{{chamber}}：请提交“{{title}}”。{{link}}", string html = "<p>{{chamber}}：请提交“{{title}}”。</p><a href=\"{{link}}\">提交</a>") =>
        new { subject, text, html };

    /// <summary>Launches a campaign for one new chamber and returns the outbox line of the request it was sent.</summary>
    private async Task<string> RequestMailAsync(string name, string email)
    {
        var ids = await ImportChambersAsync($"名称,邮箱\n{name},{email}");
        using var portal = Host.CreateClient();
        var driver = new CampaignDriver(Admin, Admin, Admin, portal);
        await driver.CreateAndLaunchAsync(new { name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = ids });
        string? summary = null;
        await CampaignDriver.WaitAsync(async () =>
            (summary = (await driver.MailAsync()).Select(m => m.Summary).FirstOrDefault(s => s.StartsWith(email, StringComparison.Ordinal))) is not null);
        return summary!;
    }

    [Fact]
    public async Task A_changed_template_is_used_for_the_next_messages_until_it_is_reset()
    {
        var list = (await Admin.GetFromJsonAsync<JsonElement>("/api/email-templates")).EnumerateArray().ToList();
        Assert.Contains(list, t => t.GetProperty("name").GetString() == "submission-request");
        Assert.Contains(list, t => t.GetProperty("name").GetString() == "submission-chase");
        Assert.All(list, t => Assert.False(t.GetProperty("customised").GetBoolean()));

        var saved = await Admin.PutAsJsonAsync("/api/email-templates/submission-request", Draft());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var view = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(view.GetProperty("customised").GetBoolean());
        Assert.Equal(ChangedSubject, view.GetProperty("current").GetProperty("subject").GetString());
        Assert.StartsWith("【{{campaign}}】", view.GetProperty("shipped").GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Equal("admin@example.com", view.GetProperty("updatedBy").GetString());

        var changed = await RequestMailAsync("鹿城区五马街道商会", "wuma@chamber.example");
        Assert.Contains("【请报送】贯彻落实意见（实施方案）（截止2026年4月30日，剩", changed, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync("/api/email-templates/submission-request")).StatusCode);
        Assert.False((await Admin.GetFromJsonAsync<JsonElement>("/api/email-templates/submission-request")).GetProperty("customised").GetBoolean());
        var shipped = await RequestMailAsync("温州市服装商会", "fz@chamber.example");
        Assert.Contains("【2026年度“四好”商会创建活动】请于2026年4月30日前提交", shipped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_previewed_with_sample_values_and_a_broken_or_unsafe_one_is_refused_without_change()
    {
        var preview = await Admin.PostAsJsonAsync("/api/email-templates/submission-chase/preview", Draft(html: "<p>{{chamber}}</p><p>{{note}}</p>"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var rendered = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("<p>鹿城区五马街道商会</p><p>请于本周内提交。</p>", rendered.GetProperty("html").GetString());
        Assert.Contains("【请报送】贯彻落实意见（实施方案）（截止2026年4月30日", rendered.GetProperty("subject").GetString(), StringComparison.Ordinal);

        async Task RefusedAsync(object draft, string because)
        {
            var response = await Admin.PutAsJsonAsync("/api/email-templates/submission-chase", draft);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(because, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await RefusedAsync(Draft(text: "{{#if note}}没有结束"), "纯文本");
        await RefusedAsync(Draft(html: "<p>{{{note}}}</p>"), "{{{ }}}");
        await RefusedAsync(Draft(html: "<p>{{& note}}</p>"), "{{{ }}}");
        await RefusedAsync(Draft(html: "<script>alert(1)</script>"), "脚本");
        // Pieces that only become active once rendered, event attributes, javascript: links, and deep nesting.
        await RefusedAsync(Draft(html: "<scr{{!x}}ipt>alert(1)</script>"), "脚本");
        await RefusedAsync(Draft(html: "<img src=x onerror=alert(1)>"), "事件属性");
        await RefusedAsync(Draft(html: "<a href=\"javascript:alert(1)\">x</a>"), "javascript:");
        await RefusedAsync(Draft(html: "<a href=\"{{link}}\" ONMOUSEOVER = \"x\">x</a>"), "事件属性");
        await RefusedAsync(Draft(text: "{{#each items}}{{#each ../items}}{{#each ../../items}}{{#each ../../../items}}{{this}}{{/each}}{{/each}}{{/each}}{{/each}}"), "嵌套");
        await RefusedAsync(Draft(subject: "两行\n主题"), "主题须为一行");
        await RefusedAsync(Draft(subject: ""), "都不能为空");
        await RefusedAsync(Draft(text: new string('字', 50_001)), "50000");
        Assert.False((await Admin.GetFromJsonAsync<JsonElement>("/api/email-templates/submission-chase")).GetProperty("customised").GetBoolean());

        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/email-templates/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PutAsJsonAsync("/api/email-templates/nope", Draft())).StatusCode);
        await CreateUserAsync("staff@fic.example", "staff");
        using var staff = await SignInAsync("staff@fic.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/email-templates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync("/api/email-templates/submission-chase", Draft())).StatusCode);
    }

    [Fact]
    public async Task Every_shipped_template_previews_and_saves_as_it_is_shown()
    {
        foreach (var template in (await Admin.GetFromJsonAsync<JsonElement>("/api/email-templates")).EnumerateArray())
        {
            var name = template.GetProperty("name").GetString()!;
            var shipped = template.GetProperty("shipped");
            Assert.DoesNotContain('\n', shipped.GetProperty("subject").GetString()!);
            Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsJsonAsync($"/api/email-templates/{name}/preview", shipped)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/email-templates/{name}", shipped)).StatusCode);
        }

        // A subject pasted with its line break is one line; a break inside it, or a carriage return, is not.
        var pasted = await Admin.PutAsJsonAsync("/api/email-templates/submission-chase", Draft(subject: ChangedSubject + "\r\n"));
        Assert.Equal(ChangedSubject, (await pasted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("subject").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PutAsJsonAsync("/api/email-templates/submission-chase", Draft(subject: "两行\r主题"))).StatusCode);
    }
}

public sealed class SqliteEmailTemplateTests() : EmailTemplateTests(StorageProvider.Sqlite);

public sealed class PostgresEmailTemplateTests() : EmailTemplateTests(StorageProvider.Postgres);
