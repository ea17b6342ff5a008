namespace Chamber.Host.Tests.Jobs;

/// <summary>
/// Hangfire's job client comes from its process-wide <c>JobStorage.Current</c>, which every Host
/// configured in this process overwrites: these tests run alone, so the storage is their Host's.
/// </summary>
[CollectionDefinition(nameof(BackgroundJobTests), DisableParallelization = true)]
public sealed class BackgroundJobCollection;

/// <summary>Activities that run asynchronously go through Hangfire, in the engine's own database; the job dashboard is for administrators only.</summary>
[Collection(nameof(BackgroundJobTests))]
public abstract class BackgroundJobTests(StorageProvider provider) : HostTestBase(provider)
{
    // A job is picked up within the poll interval: a second keeps the test short.
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Jobs:PollInterval"] = "00:00:01" };

    [Fact]
    public async Task An_activity_marked_run_asynchronously_runs_as_a_hangfire_job_and_the_workflow_goes_on()
    {
        var imported = await Admin.PostAsync("/api/workflow-definitions/import", new StringContent("""
            {"definitionId":"in-background","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"slow","type":"Elsa.WriteLine","customProperties":{"runAsynchronously":true},
               "text":{"typeName":"String","expression":{"type":"Literal","value":"后台执行 in the background"}}},
              {"id":"after","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"after"}}}],
             "connections":[{"source":{"activity":"slow","port":"Done"},"target":{"activity":"after","port":"In"}}]}}
            """, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);

        var started = await Admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "in-background" });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement instance;
        while ((instance = await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}")).GetProperty("status").GetString() != "Finished")
        {
            Assert.True(DateTime.UtcNow < deadline, "The background job did not finish the workflow within 30 s: " + instance);
            await Task.Delay(200);
        }

        var journal = await Admin.GetStringAsync($"/api/workflow-instances/{id}/journal");
        Assert.Contains("Elsa.BackgroundActivity", journal, StringComparison.Ordinal);
        Assert.True(journal.IndexOf("后台执行 in the background", StringComparison.Ordinal) < journal.IndexOf("\"after\"", StringComparison.Ordinal));

        // The job is in Hangfire's dashboard, which the administrator may open. Hangfire marks it
        // succeeded once its method has returned, a moment after the workflow's commit: look until then.
        string succeeded;
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var dashboard = await Admin.GetAsync("/admin/jobs/jobs/succeeded");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            succeeded = await dashboard.Content.ReadAsStringAsync();
            if (succeeded.Contains("Run activity in background", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
                break;
            await Task.Delay(200);
        }

        Assert.Contains("Run activity in background", succeeded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_job_dashboard_is_closed_to_anyone_but_administrators()
    {
        using var anonymous = Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/admin/jobs")).StatusCode);

        await CreateUserAsync("staff@fic.example", "staff");
        using var staff = await SignInAsync("staff@fic.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/jobs")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/admin/jobs")).StatusCode);

        // The dashboard's own actions (requeue, delete) need the anti-forgery token like the API does.
        using var cookieOnly = Host.CreateClient();
        await cookieOnly.PostAsJsonAsync("/api/auth/login", new { email = HostFactory.AdminEmail, password = HostFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, (await cookieOnly.GetAsync("/admin/jobs")).StatusCode);
        var withoutToken = await cookieOnly.PostAsync("/admin/jobs/jobs/succeeded/requeue", new FormUrlEncodedContent([new("jobs[]", "1")]));
        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        var withToken = await Admin.PostAsync("/admin/jobs/jobs/succeeded/requeue", new FormUrlEncodedContent([new("jobs[]", "1")]));
        Assert.NotEqual(HttpStatusCode.Forbidden, withToken.StatusCode);
    }
}

public sealed class SqliteBackgroundJobTests() : BackgroundJobTests(StorageProvider.Sqlite);

public sealed class PostgresBackgroundJobTests() : BackgroundJobTests(StorageProvider.Postgres);
