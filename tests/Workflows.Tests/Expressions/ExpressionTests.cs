using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Tests.Expressions;

public sealed class ExpressionTests
{
    private readonly TestEngine _engine = new();
    private int _definitions;

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static string Variable(string id, string typeName, string? value = null) =>
        $$"""{"id":"{{id}}","name":"{{id}}","typeName":"{{typeName}}","value":{{(value is null ? "null" : Quote(value))}} }""";

    private static string Write(string id, string syntax, string script) =>
        $$"""{"id":"{{id}}","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"{{syntax}}","value":{{Quote(script)}} } } }""";

    private static string Set(string id, string variable, string syntax, string script) =>
        $$"""{"id":"{{id}}","type":"Elsa.SetVariable","variable":{"id":"{{variable}}","name":"{{variable}}"},"value":{"typeName":"Object","expression":{"type":"{{syntax}}","value":{{Quote(script)}} } } }""";

    private static string Wait(string id, string eventName) =>
        $$"""{"id":"{{id}}","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"{{eventName}}"} } }""";

    /// <summary>Publishes a flowchart running <paramref name="activities"/> one after another and starts it.</summary>
    private async Task<RunResult> RunAsync(string[] variables, string[] activities, Dictionary<string, object?>? input = null, string? correlationId = null)
    {
        var ids = activities.Select(a => JsonNode.Parse(a)!["id"]!.GetValue<string>()).ToList();
        var connections = ids.Zip(ids.Skip(1), (a, b) => $$"""{"source":{"activity":"{{a}}","port":"Done"},"target":{"activity":"{{b}}","port":"In"} }""");
        var definitionId = $"expressions-{++_definitions}";
        _engine.PublishJson($$"""
            {"definitionId":"{{definitionId}}","isPublished":true,"variables":[{{string.Join(",", variables)}}],
             "root":{"type":"Elsa.Flowchart","id":"flow","activities":[{{string.Join(",", activities)}}],"connections":[{{string.Join(",", connections)}}]} }
            """);
        var result = await _engine.Runtime.StartAsync(definitionId, input, correlationId);
        Assert.True(result.Status is WorkflowStatus.Finished or WorkflowStatus.Suspended, result.Fault?.Message);
        return result;
    }

    private async Task<object?> VariableAsync(RunResult result, string id) => TestEngine.Variable(await _engine.LoadAsync(result.InstanceId), id);

    private Task<List<string?>> MessagesAsync(RunResult result) => _engine.MessagesAsync(result.InstanceId);

    private static async Task<object?> EvaluateAsync(string syntax, string? value, Type target)
    {
        var compiled = ExpressionCompilers.All.Compile(new Expression(syntax, value is null ? null : JsonValue.Create(value)), target, new ExpressionScope([]));
        return await compiled.EvaluateAsync(null!);
    }

    // ---- JavaScript ----

    [Fact]
    public async Task Javascript_get_variable_and_set_variable_read_and_write_by_name()
    {
        var result = await RunAsync(
            [Variable("Counter", "Int32", "3"), Variable("Message", "String")],
            [Set("add", "Counter", "JavaScript", "getVariable('Counter') + 2"),
             Write("log", "JavaScript", "setVariable('Message', 'counter is ' + getVariable('Counter')); 'done'")]);

        Assert.Equal(5, await VariableAsync(result, "Counter"));
        Assert.Equal("counter is 5", await VariableAsync(result, "Message"));
        Assert.Equal(["done"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Javascript_get_and_set_helpers_exist_per_variable()
    {
        var result = await RunAsync(
            [Variable("Counter", "Int32", "3"), Variable("label", "String", "商会")],
            [Write("log", "JavaScript", "setCounter(getCounter() * 10); getLabel() + getCounter()")]);

        Assert.Equal(["商会30"], await MessagesAsync(result));
        Assert.Equal(30, await VariableAsync(result, "Counter"));
    }

    [Fact]
    public async Task Javascript_variables_object_reads_and_writes_variables()
    {
        var result = await RunAsync(
            [Variable("Counter", "Int32", "1")],
            [Write("log", "JavaScript", "variables.Counter = variables.Counter + 4; 'now ' + variables.Counter")]);

        Assert.Equal(["now 5"], await MessagesAsync(result));
        Assert.Equal(5, await VariableAsync(result, "Counter"));
    }

    [Fact]
    public async Task Javascript_writes_are_converted_to_the_declared_variable_type()
    {
        var result = await RunAsync(
            [Variable("Counter", "Int32", "0"), Variable("Text", "String")],
            [Write("log", "JavaScript", "setCounter('41'); setText(42); typeof getCounter() + ' ' + typeof getText()")]);

        Assert.Equal(41, await VariableAsync(result, "Counter"));
        Assert.Equal("42", await VariableAsync(result, "Text"));
        Assert.Equal(["number string"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Javascript_reads_workflow_input_with_get_input_and_get_input_name()
    {
        var result = await RunAsync([],
            [Write("log", "JavaScript", "getInput('Name') + '/' + getCity() + '/' + (getInput('Limit') + 1) + '/' + getInput('Absent')")],
            new Dictionary<string, object?> { ["Name"] = "张三", ["City"] = "温州", ["Limit"] = 9 });

        Assert.Equal(["张三/温州/10/null"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Javascript_input_object_exposes_the_workflow_input()
    {
        var result = await RunAsync([],
            [Write("log", "JavaScript", "input.Name + ':' + input.Limit")],
            new Dictionary<string, object?> { ["Name"] = "李四", ["Limit"] = 3 });

        Assert.Equal(["李四:3"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Javascript_get_workflow_instance_id_returns_the_instance_id()
    {
        var result = await RunAsync([], [Write("log", "JavaScript", "getWorkflowInstanceId()")]);

        Assert.Equal([result.InstanceId], await MessagesAsync(result));
    }

    [Fact]
    public async Task Javascript_reads_and_changes_the_correlation_id()
    {
        var result = await RunAsync([],
            [Write("log", "JavaScript", "var before = getCorrelationId(); setCorrelationId('chamber-2'); before + '->' + getCorrelationId()")],
            correlationId: "chamber-1");

        Assert.Equal(["chamber-1->chamber-2"], await MessagesAsync(result));
        Assert.Equal("chamber-2", (await _engine.LoadAsync(result.InstanceId)).Info.CorrelationId);
    }

    [Fact]
    public async Task Javascript_get_correlation_id_is_null_when_there_is_none()
    {
        var result = await RunAsync([], [Write("log", "JavaScript", "getCorrelationId() === null ? 'none' : 'some'")]);

        Assert.Equal(["none"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Javascript_is_null_or_empty_and_is_null_or_white_space()
    {
        var result = await RunAsync(
            [Variable("Empty", "String"), Variable("Full", "String", "x")],
            [Write("log", "JavaScript",
                "[isNullOrEmpty(''), isNullOrEmpty(null), isNullOrEmpty(undefined), isNullOrEmpty(getEmpty()), isNullOrEmpty(getFull()), isNullOrEmpty(' '), isNullOrWhiteSpace(' ')].join(',')")]);

        Assert.Equal(["true,true,true,true,false,false,true"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Javascript_objects_and_arrays_are_stored_in_variables_and_read_back_after_a_suspension()
    {
        var result = await RunAsync(
            [Variable("Data", "Object"), Variable("Tags", "String[]")],
            [Set("make", "Data", "JavaScript", "({ name: '商会', members: [{ id: 1 }, { id: 2 }], score: 2.5, active: true })"),
             Set("tags", "Tags", "JavaScript", "['a', 'b', 'c']"),
             Wait("pause", "go"),
             Write("log", "JavaScript",
                "var d = getData(); d.name + '|' + d.members.length + '|' + d.members[1].id + '|' + d.score + '|' + d.active + '|' + getTags().join('+') + '|' + JSON.stringify(variables.Tags)")]);

        Assert.Equal(WorkflowStatus.Suspended, result.Status);
        var data = Assert.IsType<Dictionary<string, object?>>(await VariableAsync(result, "Data"));
        Assert.Equal("商会", data["name"]);
        Assert.Equal(2.5, data["score"]);
        Assert.Equal(true, data["active"]);
        var members = Assert.IsType<List<object?>>(data["members"]);
        Assert.Equal(2, Assert.IsType<Dictionary<string, object?>>(members[1])["id"]);
        Assert.Equal(new List<object?> { "a", "b", "c" }, await VariableAsync(result, "Tags"));

        var resumed = await _engine.Runtime.ResumeAsync(Assert.Single(result.Bookmarks).Id);

        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Equal(["商会|2|2|2.5|true|a+b+c|[\"a\",\"b\",\"c\"]"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Javascript_modifies_an_object_variable_in_place_through_set_variable()
    {
        var result = await RunAsync(
            [Variable("Data", "Object")],
            [Set("make", "Data", "JavaScript", "({ count: 1, items: ['x'] })"),
             Set("bump", "Data", "JavaScript", "var d = getData(); d.count = d.count + 1; d.items.push('y'); d"),
             Write("log", "JavaScript", "toJson(getData())")]);

        Assert.Equal(["""{"count":2,"items":["x","y"]}"""], await MessagesAsync(result));
    }

    [Fact]
    public async Task Javascript_template_literals_work()
    {
        var result = await RunAsync([Variable("Counter", "Int32", "7")], [Write("log", "JavaScript", "`counted to ${getCounter()}`")]);

        Assert.Equal(["counted to 7"], await MessagesAsync(result));
    }

    [Fact]
    public async Task A_single_name_where_a_list_of_names_is_asked_for_is_a_list_of_one()
    {
        Assert.Equal(new[] { "Done" }, await EvaluateAsync("Literal", "Done", typeof(string[])));
        Assert.Equal(new[] { "A", "B" }, await EvaluateAsync("Literal", "[\"A\",\"B\"]", typeof(string[])));
    }

    // ---- Liquid ----

    [Fact]
    public async Task Liquid_renders_with_the_variables_input_and_instance_in_scope()
    {
        var result = await RunAsync(
            [Variable("Counter", "Int32", "3"), Variable("Chamber", "String", "五马街道商会")],
            [Write("log", "Liquid", "{{ Variables.Chamber }}：{{ Variables.Counter | plus: 2 }} / {{ Input.City | upcase }} / {{ WorkflowInstanceId | size }}")],
            new Dictionary<string, object?> { ["City"] = "wenzhou" });

        Assert.Equal(["五马街道商会：5 / WENZHOU / 32"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Liquid_has_elsas_base64_and_keys_filters_and_the_definition_in_scope()
    {
        var result = await RunAsync([],
            [Write("log", "Liquid", "{{ Input.City | base64 }} / {{ Input | keys | join: ',' }} / {{ WorkflowDefinitionId }} v{{ WorkflowDefinitionVersion }}")],
            new Dictionary<string, object?> { ["City"] = "温州", ["Year"] = 2027 });

        var instance = await _engine.LoadAsync(result.InstanceId);
        Assert.Equal([$"{Convert.ToBase64String("温州"u8.ToArray())} / City,Year / {instance.Info.DefinitionId} v{instance.Info.Version}"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Liquid_keys_of_a_text_faults_with_a_message()
    {
        var fault = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync([], [Write("log", "Liquid", "{{ Input.City | keys }}")],
            new Dictionary<string, object?> { ["City"] = "温州" }));

        Assert.Contains("The keys filter works on objects only", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_liquid_template_that_does_not_parse_is_refused_on_import()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => TestEngine.Compile($$"""
            {"definitionId":"bad-liquid","root":{"type":"Elsa.Flowchart","id":"flow","activities":[{{Write("log", "Liquid", "{% if x %}never closed")}}]} }
            """));
        Assert.Contains("'log'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Liquid syntax error", error.Message, StringComparison.Ordinal);
    }

    // ---- Elsa's RunJavaScript and FlowNode ----

    [Fact]
    public async Task Run_javascript_returns_its_result_into_a_variable_and_flow_node_passes_through()
    {
        var result = await RunAsync(
            [Variable("Counter", "Int32", "20"), Variable("Doubled", "Int32")],
            [
                """{"id":"pass","type":"Elsa.FlowNode"}""",
                """{"id":"run","type":"Elsa.RunJavaScript","script":{"typeName":"String","expression":{"type":"Literal","value":"const n = getCounter(); return n * 2 + 2;"}},"result":{"typeName":"Object","memoryReference":{"id":"Doubled"}}}""",
                Write("log", "JavaScript", "'doubled ' + getDoubled()"),
            ]);

        Assert.Equal(42, await VariableAsync(result, "Doubled"));
        Assert.Equal(["doubled 42"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Javascript_names_the_definition_the_instance_runs()
    {
        var result = await RunAsync([], [Write("log", "JavaScript", "getWorkflowDefinitionId() + ' v' + getWorkflowDefinitionVersion()")]);

        var instance = await _engine.LoadAsync(result.InstanceId);
        Assert.Equal([$"{instance.Info.DefinitionId} v{instance.Info.Version}"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Javascript_reads_earlier_outputs_of_the_run_by_activity_and_the_last_result()
    {
        var result = await RunAsync([],
        [
            """{"id":"calc","type":"Elsa.RunJavaScript","script":{"typeName":"String","expression":{"type":"Literal","value":"return 40 + 2;"}}}""",
            Write("log", "JavaScript", "getOutputFrom('calc') + '/' + getOutputFrom('calc', 'Result') + '/' + getResultFromCalc() + '/' + getLastResult()"),
        ]);

        Assert.Equal(["42/42/42/42"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Javascript_reads_each_declared_input_by_its_helper_null_when_not_given()
    {
        _engine.PublishJson("""
            {"definitionId":"declared-inputs","isPublished":true,
             "inputs":[{"name":"Region","type":"String"},{"name":"city","type":"String"}],
             "root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"log","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"JavaScript","value":"`${getCity()} / ${getRegion() === null}`"}}}]}}
            """);

        var result = await _engine.Runtime.StartAsync("declared-inputs", new Dictionary<string, object?> { ["city"] = "温州" });

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["温州 / true"], await _engine.MessagesAsync(result.InstanceId));
    }

    [Theory]
    [InlineData(3, "large")]
    [InlineData(1, "small")]
    public async Task Run_javascript_chooses_its_port_with_set_outcome(int size, string line)
    {
        const string Json = """
            {"definitionId":"choose-port","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"judge","type":"Elsa.RunJavaScript","possibleOutcomes":{"typeName":"String[]","expression":{"type":"Object","value":"[\"Large\",\"Small\"]"}},
               "script":{"typeName":"String","expression":{"type":"Literal","value":"setOutcome(getInput('Size') > 2 ? 'Large' : 'Small'); return 'judged';"}}},
              {"id":"large","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"large"}}},
              {"id":"small","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"small"}}}],
             "connections":[{"source":{"activity":"judge","port":"Large"},"target":{"activity":"large","port":"In"}},
                            {"source":{"activity":"judge","port":"Small"},"target":{"activity":"small","port":"In"}}]}}
            """;
        _engine.PublishJson(Json);

        var result = await _engine.Runtime.StartAsync("choose-port", new Dictionary<string, object?> { ["Size"] = size });

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal([line], await _engine.MessagesAsync(result.InstanceId));
    }

    [Fact]
    public async Task Set_outcome_outside_run_javascript_faults_with_a_message()
    {
        // RunAsync asserts the run finished, naming the fault when it did not.
        var fault = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync([], [Write("log", "JavaScript", "setOutcome('Elsewhere'); 'x'")]));

        Assert.Contains("setOutcome() chooses the port of a Run JavaScript activity", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_from_a_port_run_javascript_does_not_list_is_refused()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => TestEngine.Compile("""
            {"definitionId":"bad-port","root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"judge","type":"Elsa.RunJavaScript","possibleOutcomes":{"typeName":"String[]","expression":{"type":"Object","value":"[\"Large\"]"}},
               "script":{"typeName":"String","expression":{"type":"Literal","value":"setOutcome('Large')"}}},
              {"id":"w","type":"Elsa.WriteLine"}],
             "connections":[{"source":{"activity":"judge","port":"Maybe"},"target":{"activity":"w","port":"In"}}]}}
            """));

        Assert.Contains("port 'Maybe'", error.Message, StringComparison.Ordinal);
    }

    // ---- C# ----

    [Fact]
    public async Task Csharp_return_statement_with_the_typed_variables_accessor()
    {
        var result = await RunAsync([Variable("Counter", "Int32", "4")], [Set("inc", "Counter", "CSharp", "return Variables.Counter + 1;")]);

        Assert.Equal(5, await VariableAsync(result, "Counter"));
    }

    [Fact]
    public async Task Csharp_accepts_elsas_singular_variable_accessor()
    {
        var result = await RunAsync([Variable("Counter", "Int32", "6")], [Set("double", "Counter", "CSharp", "return Variable.Counter * 2;")]);

        Assert.Equal(12, await VariableAsync(result, "Counter"));
    }

    [Fact]
    public async Task Csharp_bare_final_expression_is_the_result()
    {
        var result = await RunAsync([Variable("Counter", "Int32", "1")], [Set("add", "Counter", "CSharp", "Variables.Counter + 100")]);

        Assert.Equal(101, await VariableAsync(result, "Counter"));
    }

    [Fact]
    public async Task Csharp_can_assign_variables_through_the_typed_accessor()
    {
        var result = await RunAsync(
            [Variable("Counter", "Int32", "1"), Variable("Text", "String")],
            [Write("log", "CSharp", "Variables.Counter += 9; Variables.Text = $\"n={Variables.Counter}\"; return Variables.Text;")]);

        Assert.Equal(10, await VariableAsync(result, "Counter"));
        Assert.Equal("n=10", await VariableAsync(result, "Text"));
        Assert.Equal(["n=10"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Csharp_reads_typed_workflow_input()
    {
        var result = await RunAsync([Variable("Counter", "Int32")],
            [Set("from-input", "Counter", "CSharp", "return Input.Get<int>(\"x\") * 3;")],
            new Dictionary<string, object?> { ["x"] = 7 });

        Assert.Equal(21, await VariableAsync(result, "Counter"));
    }

    [Fact]
    public async Task Csharp_reads_the_workflow_instance_id_and_correlation_id()
    {
        var result = await RunAsync([], [Write("log", "CSharp", "return WorkflowInstanceId + \"|\" + CorrelationId;")], correlationId: "c-9");

        Assert.Equal([$"{result.InstanceId}|c-9"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Csharp_runtime_exception_faults_the_activity_with_the_reason()
    {
        _engine.PublishJson("""
            {"definitionId":"cs-throws","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"flow","activities":[
              {"id":"boom","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"CSharp","value":"throw new InvalidOperationException(\"kaput\");"}}}]}}
            """);

        var result = await _engine.Runtime.StartAsync("cs-throws");

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal("boom", result.Fault!.ActivityId);
        Assert.Contains("kaput", result.Fault.Message, StringComparison.Ordinal);
    }

    // ---- Variables' initial values and the Variable expression ----

    [Fact]
    public async Task Variable_initial_values_are_converted_to_their_declared_types()
    {
        var result = await RunAsync(
            [Variable("Count", "Int32", "12"), Variable("Flag", "Boolean", "true"), Variable("Wait", "TimeSpan", "PT5M"),
             Variable("Due", "DateTimeOffset", "2025-10-01T09:30:00+08:00")],
            [Write("log", "CSharp",
                "return $\"{Variables.Count + 1} {!Variables.Flag} {Variables.Wait.TotalSeconds} {Variables.Due.UtcDateTime:yyyy-MM-dd HH:mm}\";")]);

        Assert.Equal(["13 False 300 2025-10-01 01:30"], await MessagesAsync(result));
    }

    [Fact]
    public async Task Variable_expression_reads_a_variable_by_its_serialized_reference()
    {
        var result = await RunAsync(
            [Variable("Greeting", "String", "您好")],
            [Write("log", "Variable", """{"id":"Greeting","name":"Greeting","typeName":"String"}""")]);

        Assert.Equal(["您好"], await MessagesAsync(result));
    }

    // ---- Literal and Object expressions ----

    [Theory]
    [InlineData("42", 42)]
    [InlineData("-7", -7)]
    [InlineData("0", 0)]
    public async Task Literal_converts_to_int32(string literal, int expected)
    {
        Assert.Equal(expected, await EvaluateAsync("Literal", literal, typeof(int)));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    public async Task Literal_converts_to_boolean(string literal, bool expected)
    {
        Assert.Equal(expected, await EvaluateAsync("Literal", literal, typeof(bool)));
    }

    [Theory]
    [InlineData("00:00:05", 0, 0, 5)]
    [InlineData("1.02:03:04", 26, 3, 4)]
    [InlineData("PT5M", 0, 5, 0)]
    [InlineData("P1DT2H", 26, 0, 0)]
    public async Task Literal_converts_to_time_span_in_dotnet_and_iso_8601_forms(string literal, int hours, int minutes, int seconds)
    {
        Assert.Equal(new TimeSpan(hours, minutes, seconds), await EvaluateAsync("Literal", literal, typeof(TimeSpan)));
    }

    [Fact]
    public async Task Literal_converts_to_date_time_offset_keeping_the_offset()
    {
        var value = Assert.IsType<DateTimeOffset>(await EvaluateAsync("Literal", "2025-10-01T09:30:00+08:00", typeof(DateTimeOffset)));

        Assert.Equal(TimeSpan.FromHours(8), value.Offset);
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 1, 30, 0, TimeSpan.Zero), value);
    }

    [Fact]
    public async Task Literal_date_without_offset_is_taken_as_utc()
    {
        var value = Assert.IsType<DateTimeOffset>(await EvaluateAsync("Literal", "2025-10-01", typeof(DateTimeOffset)));

        Assert.Equal(new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero), value);
    }

    [Fact]
    public async Task Literal_given_as_a_json_number_converts_to_int32_and_string()
    {
        var scope = new ExpressionScope([]);
        var asInt = ExpressionCompilers.All.Compile(new Expression("Literal", JsonNode.Parse("5")), typeof(int), scope);
        var asString = ExpressionCompilers.All.Compile(new Expression("Literal", JsonNode.Parse("5")), typeof(string), scope);

        Assert.Equal(5, await asInt.EvaluateAsync(null!));
        Assert.Equal("5", await asString.EvaluateAsync(null!));
    }

    [Fact]
    public async Task A_missing_literal_is_the_default_of_a_value_type()
    {
        Assert.Equal(0, await EvaluateAsync("Literal", null, typeof(int)));
        Assert.Null(await EvaluateAsync("Literal", null, typeof(string)));
    }

    [Theory]
    [InlineData("twelve", typeof(int))]
    [InlineData("yes", typeof(bool))]
    [InlineData("soon", typeof(TimeSpan))]
    [InlineData("not a date", typeof(DateTimeOffset))]
    public void An_invalid_literal_is_an_expression_error_naming_the_value(string literal, Type target)
    {
        var error = Assert.Throws<ExpressionException>(() =>
            ExpressionCompilers.All.Compile(Expression.Literal(literal), target, new ExpressionScope([])));

        Assert.Contains($"'{literal}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(TypeAliases.NameOf(target), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Object_expression_converts_a_json_array_to_a_string_array()
    {
        var value = await EvaluateAsync("Object", """["One","Two","三"]""", typeof(string[]));

        Assert.Equal(new[] { "One", "Two", "三" }, Assert.IsType<string[]>(value));
    }

    [Fact]
    public async Task Elsa_30_json_expression_is_read_as_an_object_expression()
    {
        Assert.Equal(new[] { "a" }, await EvaluateAsync("Json", """["a"]""", typeof(string[])));
    }

    [Fact]
    public async Task Object_expression_converts_a_json_object_to_a_dictionary()
    {
        var value = Assert.IsType<Dictionary<string, object?>>(await EvaluateAsync("Object", """{"a":1,"b":[true]}""", typeof(object)));

        Assert.Equal(1, value["a"]);
        Assert.Equal(new List<object?> { true }, value["b"]);
    }

    [Fact]
    public void Object_expression_that_is_not_json_is_an_expression_error()
    {
        var error = Assert.Throws<ExpressionException>(() =>
            ExpressionCompilers.All.Compile(new Expression("Object", JsonValue.Create("[\"One\",")), typeof(string[]), new ExpressionScope([])));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    // ---- ValueConverter ----

    [Fact]
    public void Json_numbers_normalize_to_int_long_or_double()
    {
        Assert.Equal(42, ValueConverter.Normalize(JsonNode.Parse("42")));
        Assert.Equal(10_000_000_000L, ValueConverter.Normalize(JsonNode.Parse("10000000000")));
        Assert.Equal(2.5, ValueConverter.Normalize(JsonDocument.Parse("2.5").RootElement));
    }

    [Fact]
    public void Json_numbers_convert_to_the_requested_numeric_type()
    {
        Assert.Equal(42, ValueConverter.Convert<int>(JsonDocument.Parse("42").RootElement));
        Assert.Equal(42L, ValueConverter.Convert<long>(JsonNode.Parse("42")));
        Assert.Equal(42.0, ValueConverter.Convert<double>(JsonNode.Parse("42")));
        Assert.Equal(2.5m, ValueConverter.Convert<decimal>(JsonNode.Parse("2.5")));
        Assert.Equal(7, ValueConverter.Convert<int>(JsonNode.Parse("\"7\"")));
    }

    [Fact]
    public void Json_objects_and_arrays_normalize_to_dictionaries_and_lists()
    {
        var value = ValueConverter.Normalize(JsonNode.Parse("""{"n":1,"list":[1,"two",null,{"x":false}]}"""));

        var dictionary = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal(1, dictionary["n"]);
        var list = Assert.IsType<List<object?>>(dictionary["list"]);
        Assert.Equal(1, list[0]);
        Assert.Equal("two", list[1]);
        Assert.Null(list[2]);
        Assert.Equal(false, Assert.IsType<Dictionary<string, object?>>(list[3])["x"]);
    }

    [Theory]
    [InlineData("PT5M", 5 * 60)]
    [InlineData("PT1H30M", 90 * 60)]
    [InlineData("P2D", 2 * 24 * 3600)]
    [InlineData("PT0.5S", 0.5)]
    [InlineData("-PT5M", -5 * 60)]
    [InlineData("00:05:00", 5 * 60)]
    public void Iso_8601_and_dotnet_durations_convert_to_time_span(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), ValueConverter.Convert<TimeSpan>(text));
    }

    [Fact]
    public void A_json_string_duration_converts_to_time_span()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), ValueConverter.Convert<TimeSpan>(JsonDocument.Parse("\"PT5M\"").RootElement));
    }

    [Fact]
    public void Null_converts_to_the_default_of_value_types_and_to_null_otherwise()
    {
        Assert.Equal(0, ValueConverter.Convert<int>(null));
        Assert.False(ValueConverter.Convert<bool>(null));
        Assert.Null(ValueConverter.Convert<int?>(null));
        Assert.Null(ValueConverter.Convert<string>(null));
    }

    [Fact]
    public void Lists_and_dictionaries_convert_to_json_text_when_a_string_is_wanted()
    {
        Assert.Equal("""["a",1]""", ValueConverter.Convert<string>(new List<object?> { "a", 1 }));
        Assert.Equal("""{"k":true}""", ValueConverter.Convert<string>(new Dictionary<string, object?> { ["k"] = true }));
    }

    [Fact]
    public void Numbers_convert_to_strings_without_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("2.5", ValueConverter.Convert<string>(2.5));
            Assert.Equal(2.5, ValueConverter.Convert<double>("2.5"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_json_array_text_converts_to_a_string_array_and_a_list()
    {
        Assert.Equal(new[] { "x", "y" }, ValueConverter.Convert<string[]>("""["x","y"]"""));
        Assert.Equal(new List<int> { 1, 2 }, ValueConverter.Convert<List<int>>(JsonNode.Parse("[1,2]")));
    }

    [Fact]
    public void Enums_convert_from_their_names_ignoring_case()
    {
        Assert.Equal(DayOfWeek.Friday, ValueConverter.Convert<DayOfWeek>("friday"));
        Assert.Equal(DayOfWeek.Monday, ValueConverter.Convert<DayOfWeek>(1));
    }
}
