using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Chamber.Host.Auth;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.WorkflowApi;

/// <summary>
/// Brings the shipped Elsa-3 workflows into the database on every start: from the folder
/// <c>Seed:DefinitionsPath</c> when it is set (<c>ops/run</c> points it at the repository's
/// <c>definitions/workflows</c>), else from the copies built into the Host (unless
/// <c>Seed:ShippedDefinitions</c> is false).
/// <list type="bullet">
/// <item>A workflow the database does not know is imported as the file says (published).</item>
/// <item>A file unchanged since it was last imported (<c>host_shipped_definitions</c>) costs nothing.</item>
/// <item>A changed file (an upgrade) becomes a new version: published when the department has not
/// changed the workflow since the last shipped version; otherwise a draft beside their version,
/// for them to compare and publish or not. While they have a draft of their own open, the new
/// version waits for a later start rather than push their draft aside.</item>
/// </list>
/// Runs under the Host's start-up lock (<see cref="Chamber.Workflows.Persistence.AdvisoryLock"/>), so Hosts starting together import a version once.
/// </summary>
public static class DefinitionSeeder
{
    public static async Task SeedDefinitionsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DefinitionSeeder));
        var files = Files(configuration, logger);
        if (files.Count == 0)
            return;

        var definitions = services.GetRequiredService<DefinitionService>();
        var contexts = services.GetRequiredService<IDbContextFactory<HostDbContext>>();
        var clock = services.GetRequiredService<TimeProvider>();
        foreach (var (name, json) in files)
        {
            var definitionId = definitions.Parse(json).DefinitionId;
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var shipped = await db.ShippedDefinitions.FirstOrDefaultAsync(s => s.DefinitionId == definitionId, cancellationToken);
            if (shipped?.ContentHash == hash)
                continue;

            var imported = await ApplyAsync(definitions, definitionId, json, shipped, logger, name, cancellationToken);
            if (imported is null)
                continue;
            shipped ??= db.ShippedDefinitions.Add(new ShippedDefinitionRecord { DefinitionId = definitionId, ContentHash = hash, Json = json }).Entity;
            shipped.ContentHash = hash;
            shipped.Json = json;
            shipped.Version = imported.Value;
            shipped.ImportedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Imports the file as the rules above say; returns the version that now holds it, or null to look again next start.</summary>
    private static async Task<int?> ApplyAsync(DefinitionService definitions, string definitionId, string json, ShippedDefinitionRecord? shipped,
        ILogger logger, string file, CancellationToken cancellationToken)
    {
        IReadOnlyList<DefinitionSummary> versions;
        try
        {
            versions = await definitions.VersionsAsync(definitionId, cancellationToken);
        }
        catch (WorkflowNotFoundException)
        {
            var added = await definitions.ImportAsync(json, cancellationToken);
            logger.LogInformation("Imported {DefinitionId} v{Version} from {File}.", added.DefinitionId, added.Version, file);
            return added.Version;
        }

        var latest = versions[0];
        var (_, latestJson) = await definitions.GetAsync(definitionId, cancellationToken: cancellationToken);
        var content = definitions.Content(json);
        var latestContent = definitions.Content(latestJson.ToJsonString());
        if (JsonNode.DeepEquals(content, latestContent))
            return latest.Version; // already there (a database from before this table, or imported by hand)

        // Changed by the department since the shipped version was imported? Without a record (a
        // database seeded before upgrades were tracked), the first version is the shipped one.
        // A workflow they took out of service stays out: the new version only waits as a draft.
        var changedHere = latest.Status == DefinitionStatus.Retracted || (shipped is null
            ? latest.Version != versions[^1].Version
            : !JsonNode.DeepEquals(definitions.Content(shipped.Json), latestContent));
        if (!changedHere)
        {
            var updated = await definitions.ImportAsync(json, cancellationToken);
            logger.LogInformation("Updated {DefinitionId} to the shipped version from {File} (v{Version}).", definitionId, file, updated.Version);
            return updated.Version;
        }

        if (latest.Status == DefinitionStatus.Draft)
        {
            logger.LogWarning("{DefinitionId}: a new shipped version ({File}) waits until the department's open draft v{Version} is published or saved away.",
                definitionId, file, latest.Version);
            return null;
        }

        var draft = await definitions.ImportAsync(json, publish: false, cancellationToken);
        logger.LogWarning("{DefinitionId} was changed by the department: the new shipped version from {File} is draft v{Version}, their published version stays.",
            definitionId, file, draft.Version);
        return draft.Version;
    }

    private static IReadOnlyList<(string Name, string Json)> Files(IConfiguration configuration, ILogger logger)
    {
        var path = configuration["Seed:DefinitionsPath"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (Directory.Exists(path))
                return [.. Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)))];
            logger.LogWarning("Seed:DefinitionsPath {Path} does not exist; no definitions imported.", path);
            return [];
        }

        return configuration.GetValue("Seed:ShippedDefinitions", true) ? [.. Shipped()] : [];
    }

    /// <summary>The workflows built into the Host, in file order.</summary>
    private static IEnumerable<(string Name, string Json)> Shipped()
    {
        var assembly = typeof(DefinitionSeeder).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("workflows/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (resource["workflows/".Length..], reader.ReadToEnd());
        }
    }
}
