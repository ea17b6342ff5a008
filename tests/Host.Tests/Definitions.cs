namespace Chamber.Host.Tests;

/// <summary>The hand-written Elsa-3 definitions shared with the engine's unit tests.</summary>
public static class Definitions
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Definitions", name));

    /// <summary>A definition file with a fresh definitionId, so tests in one database do not collide.</summary>
    public static (string Json, string DefinitionId) Unique(string name)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Read(name))!.AsObject();
        var definitionId = $"{json["definitionId"]}-{Guid.NewGuid():N}";
        json["definitionId"] = definitionId;
        json.Remove("id");
        return (json.ToJsonString(), definitionId);
    }
}
