using Chamber.Workflows.Definitions;
using Chamber.Workflows.Runtime;

namespace Chamber.Host.WorkflowApi;

/// <summary>
/// Imports the shipped Elsa-3 workflows whose definition id the database does not know yet, so
/// every installation starts with the campaign templates: from the folder
/// <c>Seed:DefinitionsPath</c> when it is set (<c>ops/run</c> points it at the repository's
/// <c>definitions/workflows</c>), else from the copies built into the Host (unless
/// <c>Seed:ShippedDefinitions</c> is false). Existing definitions are never touched, so a
/// department's own edits survive an upgrade.
/// </summary>
public static class DefinitionSeeder
{
    public static async Task SeedDefinitionsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DefinitionSeeder));
        var path = configuration["Seed:DefinitionsPath"];
        IEnumerable<(string Name, string Json)> files;
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (!Directory.Exists(path))
            {
                logger.LogWarning("Seed:DefinitionsPath {Path} does not exist; no definitions imported.", path);
                return;
            }

            files = Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
        }
        else if (configuration.GetValue("Seed:ShippedDefinitions", true))
        {
            files = Shipped();
        }
        else
        {
            return;
        }

        var definitions = services.GetRequiredService<DefinitionService>();
        foreach (var (name, json) in files)
        {
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
            logger.LogInformation("Imported {DefinitionId} v{Version} from {File}.", imported.DefinitionId, imported.Version, name);
        }
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
