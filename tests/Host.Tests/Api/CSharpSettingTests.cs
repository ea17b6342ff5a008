namespace Chamber.Host.Tests.Api;

/// <summary>A Host as deployed runs no C#: a definition with a C# expression is refused at import, with the reason and the alternative.</summary>
public sealed class CSharpSettingTests() : HostTestBase(StorageProvider.Sqlite)
{
    private const string WithCSharp = """
        {"definitionId":"shell","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"w","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"CSharp","value":"return System.Diagnostics.Process.Start(\"/bin/sh\").Id.ToString();"}}}]}}
        """;

    [Fact]
    public async Task A_definition_with_a_csharp_expression_is_refused_when_csharp_is_off_as_it_is_by_default()
    {
        var imported = await Admin.PostAsync("/api/workflow-definitions/import", new StringContent(WithCSharp, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, imported.StatusCode);
        var reason = await imported.Content.ReadAsStringAsync();
        Assert.Contains("Expressions:EnableCSharp", reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/workflow-definitions/shell")).StatusCode);
    }

    [Fact]
    public async Task A_run_csharp_step_faults_with_the_reason_when_csharp_is_off()
    {
        const string runCSharp = """
            {"definitionId":"run-cs","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"cs","type":"Elsa.RunCSharp","script":{"typeName":"String","expression":{"type":"Literal","value":"return 1;"}}}]}}
            """;
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/workflow-definitions/import", new StringContent(runCSharp, Encoding.UTF8, "application/json"))).StatusCode);
        var started = await (await Admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "run-cs" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Faulted", started.GetProperty("status").GetString());
        var instance = await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{started.GetProperty("id").GetString()}");
        Assert.Contains("Expressions:EnableCSharp", instance.GetProperty("incidents")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
