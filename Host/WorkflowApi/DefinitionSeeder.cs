using Chamber.Workflows.Definitions;
using Chamber.Workflows.Runtime;

namespace Chamber.Host.WorkflowApi;

/// <summary>
/// Imports the Elsa-3 files of a folder (configuration <c>Seed:DefinitionsPath</c>, e.g. the
/// repository's <c>definitions/workflows</c>) whose definition id the database does not know yet,
/// so a new installation starts with the shipped workflows. Existing definitions are never touched.
/// </summary>
public static class DefinitionSeeder
{
    public static async Task SeedDefinitionsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var path = services.GetRequiredService<IConfiguration>()["Seed:DefinitionsPath"];
        if (string.IsNullOrWhiteSpace(path))
            return;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DefinitionSeeder));
        if (!Directory.Exists(path))
        {
            logger.LogWarning("Seed:DefinitionsPath {Path} does not exist; no definitions imported.", path);
            return;
        }

        var definitions = services.GetRequiredService<DefinitionService>();
        foreach (var file in Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal))
        {
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            var definitionId = definitions.Parse(json).DefinitionId;
            try
            {
                await definitions.VersionsAsync(definitionId, cancellationToken);
                continue; // Already there: the database's versions win over the file.
            }
            catch (WorkflowNotFoundException)
            {
            }

            var imported = await definitions.ImportAsync(json, cancellationToken);
            logger.LogInformation("Imported {DefinitionId} v{Version} from {File}.", imported.DefinitionId, imported.Version, Path.GetFileName(file));
        }
    }
}
