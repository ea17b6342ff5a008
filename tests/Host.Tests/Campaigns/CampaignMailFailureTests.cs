namespace Chamber.Host.Tests.Campaigns;

/// <summary>
/// A chamber's address that the mail server refuses for good: the message fails at once (not after
/// hours of retries), the others go out, and the campaign page says so with the server's reason.
/// </summary>
public sealed class CampaignMailFailureTests() : SmtpCampaignTestBase(StorageProvider.Sqlite, new SmtpServer(refusing: "gone"))
{
    [Fact]
    public async Task A_refused_address_fails_at_once_and_shows_on_the_campaign_with_the_reason()
    {
        var chambers = await ImportChambersAsync("""
            名称,邮箱
            鹿城区五马街道商会,wuma@chamber.example
            温州市服装商会,gone@chamber.example
            """);
        var created = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = chambers });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Accepted, (await Admin.PostAsync($"/api/campaigns/{id}/launch", null)).StatusCode);

        JsonElement view = default;
        await CampaignDriver.WaitAsync(async () => (view = await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("failedEmails").GetInt32() == 1);
        Assert.Contains("550", view.GetProperty("lastEmailError").GetString(), StringComparison.Ordinal);
        var failed = Assert.Single((await Admin.GetFromJsonAsync<JsonElement>("/api/outbox?status=Failed")).GetProperty("items").EnumerateArray());
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());
        await CampaignDriver.WaitAsync(() => Task.FromResult(Smtp.Messages.Count == 1));
        Assert.Contains("wuma@chamber.example", Smtp.Messages[0], StringComparison.Ordinal);
    }
}
