using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace Chamber.Host.Tests.Api;

/// <summary>
/// The web client's API types are generated from a committed copy of the Host's OpenAPI document
/// (Host/ClientApp/src/api/openapi.json), so the copy has to follow every change to the API: this
/// fails when it differs from what the Host serves, and rewrites it when UPDATE_OPENAPI=1.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private const string CommittedPath = "Host/ClientApp/src/api/openapi.json";

    // As the file is written: two-space indentation, "\n" line ends, characters left unescaped
    // (JSON.stringify(document, null, 2) writes the same, so either tool leaves no stray diff).
    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task The_committed_openapi_document_is_the_one_the_host_serves()
    {
        using var anonymous = fixture.Factory.CreateClient();
        var served = Normalise(JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!);
        var file = Path.Combine(RepositoryRoot(), CommittedPath);

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(file, served.ToJsonString(Written) + "\n");

        var committed = File.Exists(file) ? JsonNode.Parse(await File.ReadAllTextAsync(file)) : null;
        var difference = FirstDifference(committed, served, "$");
        Assert.True(difference is null,
            $"{CommittedPath} is not the document the Host serves at /openapi/v1.json (first difference at {difference}). "
            + "If the API change is meant, refresh the file: UPDATE_OPENAPI=1 dotnet test tests/Host.Tests --filter FullyQualifiedName~OpenApiDocument, "
            + "then rebuild the client (npm run build in Host/ClientApp) and fix what its type check reports.");
    }

    /// <summary>The document without what depends on the request: "servers" names the address it was asked at.</summary>
    private static JsonNode Normalise(JsonNode document)
    {
        document.AsObject().Remove("servers");
        return document;
    }

    /// <summary>Where two documents first differ (a JSON path), or null when they are equal.</summary>
    private static string? FirstDifference(JsonNode? committed, JsonNode? served, string path)
    {
        if (JsonNode.DeepEquals(committed, served))
            return null;
        if (committed is JsonObject left && served is JsonObject right)
        {
            foreach (var key in left.Select(p => p.Key).Union(right.Select(p => p.Key)))
            {
                var at = $"{path}[\"{key}\"]";
                if (!right.ContainsKey(key))
                    return at + " (only in the committed file)";
                if (!left.ContainsKey(key))
                    return at + " (only in the served document)";
                if (FirstDifference(left[key], right[key], at) is { } inner)
                    return inner;
            }
        }

        if (committed is JsonArray before && served is JsonArray after)
        {
            for (var i = 0; i < Math.Min(before.Count, after.Count); i++)
            {
                if (FirstDifference(before[i], after[i], $"{path}[{i}]") is { } inner)
                    return inner;
            }

            return $"{path} ({before.Count} items in the committed file, {after.Count} served)";
        }

        return committed is null ? $"{path} (no committed file)" : path;
    }

    /// <summary>The checkout this test was built from: the nearest folder up with Workflow.sln.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Workflow.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No Workflow.sln above {AppContext.BaseDirectory}.");
    }
}
