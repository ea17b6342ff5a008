namespace Chamber.Host.Tests.Campaigns;

/// <summary>
/// A Host for a campaign's year: the manual clock at 1 April 2026, the shipped templates, and
/// portal links that outlive the year, so a test can play every part through the HTTP API.
/// </summary>
public abstract class CampaignHostTestBase(StorageProvider provider) : HostTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Clock:Mode"] = "Manual",
        ["Clock:Start"] = "2026-04-01T01:00:00Z",
        ["Seed:DefinitionsPath"] = Path.Combine(AppContext.BaseDirectory, "ShippedDefinitions"),
        ["Portal:LinkLifetime"] = "400.00:00:00",
    };

    /// <summary>A chamber's portal token, as the link staff issue for it carries it.</summary>
    protected async Task<string> PortalTokenAsync(string chamberId) =>
        (await (await Admin.PostAsync($"/api/chambers/{chamberId}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("link").GetString()!.Split("/portal/")[1];

    /// <summary>A campaign template (<c>review-only</c>) whose participants are only reviewed against <paramref name="rubric"/>, by role:reviewer.</summary>
    protected async Task ImportReviewOnlyTemplateAsync(string rubric)
    {
        foreach (var json in new[]
        {
            """
            {"definitionId":"review-only-part","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"start","type":"Elsa.Start"},
              {"id":"review","type":"Chamber.RubricReview","rubric":{"typeName":"String","expression":{"type":"Literal","value":"RUBRIC"}},
               "chamber":{"typeName":"String","expression":{"type":"JavaScript","value":"getInput('chamberId')"}},
               "reviewers":{"typeName":"Object","expression":{"type":"Literal","value":"role:reviewer"}}}],
              "connections":[{"source":{"activity":"start","port":"Done"},"target":{"activity":"review","port":"In"}}]}}
            """,
            """
            {"definitionId":"review-only","isPublished":true,"customProperties":{"rubric":"RUBRIC","participantWorkflow":"review-only-part"},
             "root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"start","type":"Elsa.Start"},
              {"id":"participants","type":"Chamber.ForEachParticipant","workflowDefinitionId":{"typeName":"String","expression":{"type":"Literal","value":"review-only-part"}},
               "untilStage":{"typeName":"String","expression":{"type":"Literal","value":"review"}}}],
              "connections":[{"source":{"activity":"start","port":"Done"},"target":{"activity":"participants","port":"In"}}]}}
            """,
        })
        {
            var imported = await Admin.PostAsync("/api/workflow-definitions/import",
                new StringContent(json.Replace("RUBRIC", rubric, StringComparison.Ordinal), Encoding.UTF8, "application/json"));
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }
    }
}
