using System.Text.Json.Nodes;
using Chamber.Workflows.Activities;
using Chamber.Workflows.Activities.Flow;
using Chamber.Workflows.Json;

namespace Chamber.Workflows.Tests.Json;

public sealed class DefinitionJsonTests
{
    public static TheoryData<string> DefinitionFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Definitions"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    private static JsonObject Written(string json) => DefinitionJsonWriter.ToJson(TestEngine.Reader.Read(json));

    private static JsonObject WrittenFile(string file) => Written(TestEngine.ReadFile(file));

    private static JsonObject ActivityById(JsonObject definition, string id) =>
        definition["root"]!["activities"]!.AsArray().OfType<JsonObject>().Single(a => (string?)a["id"] == id);

    [Fact]
    public void Every_test_definition_file_is_found()
    {
        // Guards the theory below against silently running over nothing.
        Assert.True(DefinitionFiles().Count >= 10);
    }

    [Theory]
    [MemberData(nameof(DefinitionFiles))]
    public void Every_definition_file_reads_writes_and_rereads_to_identical_json(string file)
    {
        var first = WrittenFile(file);
        var second = Written(first.ToJsonString());

        Assert.True(JsonNode.DeepEquals(first, second), $"{file} changed on the second round trip:\n{first}\n---\n{second}");
        // The string form is stable too (what the export endpoint serves).
        Assert.Equal(DefinitionJsonWriter.Write(TestEngine.Reader.Read(first.ToJsonString())), DefinitionJsonWriter.Write(TestEngine.Reader.Read(second.ToJsonString())));
    }

    [Theory]
    [MemberData(nameof(DefinitionFiles))]
    public void Every_definition_file_keeps_its_ids_activities_and_connection_count(string file)
    {
        var original = JsonNode.Parse(TestEngine.ReadFile(file))!.AsObject();

        var written = WrittenFile(file);

        Assert.Equal((string?)original["definitionId"], (string?)written["definitionId"]);
        Assert.Equal((string?)original["root"]!["type"], (string?)written["root"]!["type"]);
        var originalIds = original["root"]!["activities"]!.AsArray().Select(a => (string?)a!["id"]);
        var writtenIds = written["root"]!["activities"]!.AsArray().Select(a => (string?)a!["id"]);
        Assert.Equal(originalIds, writtenIds);
        Assert.Equal(original["root"]!["connections"]?.AsArray().Count ?? 0, written["root"]!["connections"]?.AsArray().Count ?? 0);
    }

    [Fact]
    public void Unknown_top_level_fields_survive_a_round_trip()
    {
        var written = WrittenFile("unknown-activity.json");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "usableAsActivity": false, "autoUpdateConsumingWorkflows": false }"""), written["options"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "Elsa:WorkflowContextProviderTypes": [] }"""), written["customProperties"]));
        Assert.Equal("3.2.0.0", (string?)written["toolVersion"]);
        Assert.Equal("Json", (string?)written["materializerName"]);
        Assert.Equal(3, (int?)written["version"]);
    }

    [Fact]
    public void Schema_created_at_and_outcomes_of_an_elsa_export_survive()
    {
        var written = WrittenFile("hello-world.json");

        Assert.Equal("https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json", (string?)written["$schema"]);
        Assert.Equal("2025-03-01T08:00:00+00:00", (string?)written["createdAt"]);
        Assert.Equal("3.3.0.0", (string?)written["toolVersion"]);
        Assert.NotNull(written["outcomes"]);
        Assert.False((bool?)written["isReadonly"]);
    }

    [Fact]
    public void Unknown_activity_fields_survive_a_round_trip()
    {
        var hello = ActivityById(WrittenFile("unknown-activity.json"), "hello");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "x": 1 }"""), hello["applicationProperties"]));
        Assert.False((bool?)hello["canStartWorkflow"]);
        Assert.False((bool?)hello["runAsynchronously"]);
        Assert.Equal("hello:input-1", (string?)hello["text"]!["memoryReference"]!["id"]);
        Assert.Equal("before", (string?)hello["text"]!["expression"]!["value"]);
    }

    [Fact]
    public void Designer_metadata_node_ids_and_custom_properties_survive()
    {
        var write = ActivityById(WrittenFile("hello-world.json"), "write");

        Assert.Equal("Workflow1:flow1:write", (string?)write["nodeId"]);
        Assert.Equal("WriteLine1", (string?)write["name"]);
        Assert.Equal("Greeting", (string?)write["metadata"]!["displayText"]);
        Assert.Equal(140, (double?)write["metadata"]!["designer"]!["size"]!["width"]);
        Assert.False((bool?)write["customProperties"]!["runAsynchronously"]);
    }

    [Fact]
    public void Flowchart_custom_properties_survive()
    {
        var root = WrittenFile("unknown-activity.json")["root"]!;

        Assert.Equal("designer", (string?)root["customProperties"]!["source"]);
        Assert.NotNull(root["customProperties"]!["notFoundConnections"]);
    }

    [Fact]
    public void An_unknown_activity_type_is_kept_whole_including_its_inputs()
    {
        var original = JsonNode.Parse(TestEngine.ReadFile("unknown-activity.json"))!["root"]!["activities"]![1]!;
        var definition = TestEngine.Reader.Read(TestEngine.ReadFile("unknown-activity.json"));

        var activity = ((Flowchart)definition.Root).Activities[1];
        var written = ActivityById(DefinitionJsonWriter.ToJson(definition), "geocode");

        var notFound = Assert.IsType<NotFoundActivity>(activity);
        Assert.Equal("Acme.Geocode", notFound.Type);
        Assert.Equal("Geocode1", notFound.Name);
        Assert.True(JsonNode.DeepEquals(original, written), $"Acme.Geocode changed:\n{written}");
        Assert.Equal("上海市黄浦区", (string?)written["address"]!["expression"]!["value"]);
        Assert.Equal("amap", (string?)written["provider"]);
        Assert.Equal(3, (int?)written["retries"]);
        Assert.Equal(2, (int?)written["version"]);
    }

    [Fact]
    public void Connection_vertices_survive()
    {
        var written = Written("""
            {"definitionId":"v","root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"a","type":"Elsa.WriteLine"},{"id":"b","type":"Elsa.WriteLine"}],
             "connections":[{"source":{"activity":"a","port":"Done"},"target":{"activity":"b","port":"In"},
                             "vertices":[{"x":10,"y":20},{"x":30.5,"y":-4}]}]}}
            """);

        var connection = written["root"]!["connections"]![0]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"x":10,"y":20},{"x":30.5,"y":-4}]"""), connection["vertices"]));
    }

    [Fact]
    public void Legacy_flat_connections_are_read_and_written_in_the_current_form()
    {
        var definition = TestEngine.Reader.Read(TestEngine.ReadFile("counter-loop-legacy.json"));
        var flowchart = (Flowchart)definition.Root;
        Assert.Contains(flowchart.Connections, c => c is { Source: "check", SourcePort: "True", Target: "increment", TargetPort: "In" });

        var connections = DefinitionJsonWriter.ToJson(definition)["root"]!["connections"]!.AsArray();

        Assert.Equal(5, connections.Count);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"source":{"activity":"check","port":"False"},"target":{"activity":"describe","port":"In"}}"""),
            connections[2]));
        Assert.All(connections, c =>
        {
            var keys = c!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
            Assert.Equal(["source", "target"], keys);
            Assert.IsType<JsonObject>(c["source"]);
            Assert.IsType<JsonObject>(c["target"]);
        });
    }

    [Fact]
    public void A_legacy_connection_without_ports_gets_done_and_in()
    {
        var written = Written("""
            {"definitionId":"p","root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"a","type":"Elsa.WriteLine"},{"id":"b","type":"Elsa.WriteLine"}],
             "connections":[{"source":"a","target":"b"}]}}
            """);

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"source":{"activity":"a","port":"Done"},"target":{"activity":"b","port":"In"}}"""),
            written["root"]!["connections"]![0]));
    }

    [Fact]
    public void Variables_keep_id_name_type_name_value_and_unknown_fields()
    {
        var variables = WrittenFile("counter-loop-legacy.json")["variables"]!.AsArray();

        var counter = variables[0]!;
        Assert.Equal("var-counter", (string?)counter["id"]);
        Assert.Equal("Counter", (string?)counter["name"]);
        Assert.Equal("Int32", (string?)counter["typeName"]);
        Assert.Equal("0", (string?)counter["value"]);
        Assert.Equal("Elsa.Workflows.Core.Services.WorkflowStorageDriver, Elsa.Workflows.Core", (string?)counter["storageDriverTypeName"]);
        var message = variables[1]!;
        Assert.Equal("var-message", (string?)message["id"]);
        Assert.Equal("String", (string?)message["typeName"]);
        Assert.Null(message["value"]);
    }

    [Fact]
    public void A_variable_value_written_as_a_json_number_is_kept_as_its_text()
    {
        var definition = TestEngine.Reader.Read("""
            {"definitionId":"n","variables":[{"id":"v1","name":"Count","typeName":"Int32","value":7}],
             "root":{"type":"Elsa.Flowchart","id":"f","activities":[]}}
            """);

        var variable = Assert.Single(definition.Variables);
        Assert.Equal(new VariableDefinition("v1", "Count", "Int32", false, "7"), variable with { UnknownFields = null });
        Assert.Equal("7", (string?)DefinitionJsonWriter.ToJson(definition)["variables"]![0]!["value"]);
    }

    [Fact]
    public void Set_variable_keeps_its_inline_variable_object()
    {
        var increment = ActivityById(WrittenFile("counter-loop-legacy.json"), "increment");

        Assert.Equal("var-counter", (string?)increment["variable"]!["id"]);
        Assert.Equal("Counter", (string?)increment["variable"]!["name"]);
        Assert.Equal("Int32", (string?)increment["variable"]!["typeName"]);
        Assert.Equal("getCounter() + 1", (string?)increment["value"]!["expression"]!["value"]);
        Assert.Equal("JavaScript", (string?)increment["value"]!["expression"]!["type"]);
    }

    [Fact]
    public void Inputs_and_outputs_of_the_definition_keep_their_names_and_types()
    {
        var written = WrittenFile("counter-loop-legacy.json");

        var input = Assert.Single(written["inputs"]!.AsArray())!;
        Assert.Equal("Limit", (string?)input["name"]);
        Assert.Equal("Int32", (string?)input["type"]);
        var output = Assert.Single(written["outputs"]!.AsArray())!;
        Assert.Equal("Total", (string?)output["name"]);
        Assert.Equal("Int32", (string?)output["type"]);
    }

    [Fact]
    public void Malformed_json_throws_a_format_exception_that_says_it_is_not_json()
    {
        var error = Assert.Throws<DefinitionFormatException>(() => TestEngine.Reader.Read("""{"definitionId": "x", "root": {"""));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    public void A_definition_that_is_not_an_object_throws_a_format_exception(string json)
    {
        var error = Assert.Throws<DefinitionFormatException>(() => TestEngine.Reader.Read(json));

        Assert.Contains("must be a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_without_root_throws_a_format_exception_naming_root()
    {
        var error = Assert.Throws<DefinitionFormatException>(() => TestEngine.Reader.Read("""{"definitionId":"x","name":"no root"}"""));

        Assert.Contains("'root'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_without_type_throws_a_format_exception_saying_where()
    {
        var error = Assert.Throws<DefinitionFormatException>(() => TestEngine.Reader.Read("""
            {"definitionId":"x","root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"ok","type":"Elsa.WriteLine"},{"id":"typeless"}]}}
            """));

        Assert.Contains("no 'type'", error.Message, StringComparison.Ordinal);
        Assert.Contains("activities[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_without_type_throws_a_format_exception()
    {
        var error = Assert.Throws<DefinitionFormatException>(() => TestEngine.Reader.Read("""{"definitionId":"x","root":{"id":"f"}}"""));

        Assert.Contains("no 'type'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_without_a_target_throws_a_format_exception()
    {
        var error = Assert.Throws<DefinitionFormatException>(() => TestEngine.Reader.Read("""
            {"definitionId":"x","root":{"type":"Elsa.Flowchart","id":"f","activities":[{"id":"a","type":"Elsa.WriteLine"}],
             "connections":[{"source":{"activity":"a","port":"Done"}}]}}
            """));

        Assert.Contains("connections[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("target", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_tolerated()
    {
        var definition = TestEngine.Reader.Read("""
            // exported by hand
            {"definitionId":"c", "root":{"type":"Elsa.Flowchart","id":"f","activities":[],},}
            """);

        Assert.Equal("c", definition.DefinitionId);
    }
}
