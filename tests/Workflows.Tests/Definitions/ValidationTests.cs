namespace Chamber.Workflows.Tests.Definitions;

public sealed class ValidationTests
{
    private const string Declared = """{"id":"var-n","name":"N","typeName":"Int32","value":"0"}""";

    /// <summary>A flowchart definition with the given variables, activities and connections.</summary>
    private static string Flowchart(string activities, string connections = "", string variables = Declared, string outputs = "") => $$"""
        {"definitionId":"validate-me","variables":[{{variables}}],"outputs":[{{outputs}}],
         "root":{"type":"Elsa.Flowchart","id":"flow","activities":[{{activities}}],"connections":[{{connections}}]} }
        """;

    private static string WriteLine(string id, string text = "hi", string syntax = "Literal") =>
        $$"""{"id":"{{id}}","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"{{syntax}}","value":{{System.Text.Json.JsonSerializer.Serialize(text)}} } } }""";

    private static string Connect(string source, string target, string port = "Done") =>
        $$"""{"source":{"activity":"{{source}}","port":"{{port}}"},"target":{"activity":"{{target}}","port":"In"} }""";

    private static DefinitionValidationException Rejected(string json) =>
        Assert.Throws<DefinitionValidationException>(() => TestEngine.Compile(json));

    [Fact]
    public void A_valid_flowchart_compiles()
    {
        var graph = TestEngine.Compile(Flowchart(WriteLine("a") + "," + WriteLine("b"), Connect("a", "b")));

        Assert.Equal(["a", "b", "flow"], graph.Activities.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_expression_type_nobody_runs_is_rejected_with_a_message_naming_it()
    {
        var error = Rejected(Flowchart(WriteLine("greet", "Hello", "Python")));

        var message = Assert.Single(error.Errors);
        Assert.Contains("'Python'", message, StringComparison.Ordinal);
        Assert.Contains("not supported", message, StringComparison.Ordinal);
        Assert.Contains("greet", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_to_a_missing_activity_is_rejected()
    {
        var error = Rejected(Flowchart(WriteLine("a"), Connect("a", "ghost")));

        var message = Assert.Single(error.Errors);
        Assert.Contains("'ghost'", message, StringComparison.Ordinal);
        Assert.Contains("not in that flowchart", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_from_a_missing_activity_is_rejected()
    {
        var error = Rejected(Flowchart(WriteLine("a"), Connect("phantom", "a")));

        Assert.Contains(error.Errors, e => e.Contains("starts at activity 'phantom'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_connection_from_a_port_the_activity_lacks_is_rejected()
    {
        var error = Rejected(Flowchart(WriteLine("a") + "," + WriteLine("b"), Connect("a", "b", "True")));

        var message = Assert.Single(error.Errors);
        Assert.Contains("port 'True'", message, StringComparison.Ordinal);
        Assert.Contains("does not have", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_may_connect_from_its_true_and_false_ports()
    {
        var decision = """{"id":"d","type":"Elsa.FlowDecision","condition":{"typeName":"Boolean","expression":{"type":"JavaScript","value":"true"}}}""";

        TestEngine.Compile(Flowchart($"{decision},{WriteLine("yes")},{WriteLine("no")}", $"{Connect("d", "yes", "True")},{Connect("d", "no", "False")}"));
    }

    [Fact]
    public void Duplicate_activity_ids_are_rejected()
    {
        var error = Rejected(Flowchart(WriteLine("twin") + "," + WriteLine("twin")));

        var message = Assert.Single(error.Errors);
        Assert.Contains("'twin'", message, StringComparison.Ordinal);
        Assert.Contains("more than once", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_an_undeclared_variable_is_rejected()
    {
        var error = Rejected(Flowchart("""
            {"id":"set","type":"Elsa.SetVariable","variable":{"id":"var-missing","name":"Missing","typeName":"Int32"},
             "value":{"typeName":"Object","expression":{"type":"Literal","value":"1"}}}
            """));

        var message = Assert.Single(error.Errors);
        Assert.Contains("'Missing'", message, StringComparison.Ordinal);
        Assert.Contains("does not declare", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_a_variable_declared_on_the_flowchart_is_accepted()
    {
        TestEngine.Compile("""
            {"definitionId":"scoped","root":{"type":"Elsa.Flowchart","id":"flow",
              "variables":[{"id":"local","name":"Local","typeName":"String"}],
              "activities":[{"id":"set","type":"Elsa.SetVariable","variable":{"id":"local","name":"Local","typeName":"String"},
                             "value":{"typeName":"Object","expression":{"type":"Literal","value":"x"}}}]}}
            """);
    }

    [Fact]
    public void An_output_memory_reference_to_nothing_is_rejected()
    {
        var error = Rejected(Flowchart("""
            {"id":"wait","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"go"}},
             "result":{"typeName":"Object","memoryReference":{"id":"nowhere"}}}
            """));

        var message = Assert.Single(error.Errors);
        Assert.Contains("'nowhere'", message, StringComparison.Ordinal);
        Assert.Contains("neither a variable nor a workflow output", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_memory_reference_to_a_variable_or_a_workflow_output_is_accepted()
    {
        TestEngine.Compile(Flowchart("""
            {"id":"w1","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"go"}},
             "result":{"typeName":"Object","memoryReference":{"id":"var-n"}}},
            {"id":"w2","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"go"}},
             "result":{"typeName":"Object","memoryReference":{"id":"Answer"}}}
            """, Connect("w1", "w2"), outputs: """{"type":"Object","name":"Answer"}"""));
    }

    [Theory]
    [InlineData("var = ;")]
    [InlineData("'unterminated")]
    [InlineData("getN( +")]
    [InlineData("if (")]
    public void A_javascript_syntax_error_is_rejected(string script)
    {
        var error = Rejected(Flowchart(WriteLine("js", script, "JavaScript")));

        var message = Assert.Single(error.Errors);
        Assert.Contains("JavaScript syntax error", message, StringComparison.Ordinal);
        Assert.Contains("'js'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csharp_compile_error_is_rejected()
    {
        var error = Rejected(Flowchart(WriteLine("cs", "return Variables.NoSuchVariable + ;", "CSharp")));

        var message = Assert.Single(error.Errors);
        Assert.Contains("C# compile error", message, StringComparison.Ordinal);
        Assert.Contains("'cs'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csharp_type_error_is_rejected()
    {
        var error = Rejected(Flowchart(WriteLine("cs", "return Variables.NoSuchVariable;", "CSharp")));

        Assert.Contains("NoSuchVariable", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_initial_value_that_is_not_an_int32_is_rejected()
    {
        var error = Rejected(Flowchart(WriteLine("a"), variables: """{"id":"var-n","name":"N","typeName":"Int32","value":"twelve"}"""));

        var message = Assert.Single(error.Errors);
        Assert.Contains("'N'", message, StringComparison.Ordinal);
        Assert.Contains("'twelve'", message, StringComparison.Ordinal);
        Assert.Contains("Int32", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_literal_that_is_not_a_valid_boolean_is_rejected()
    {
        var error = Rejected(Flowchart("""
            {"id":"check","type":"Elsa.FlowDecision","condition":{"typeName":"Boolean","expression":{"type":"Literal","value":"perhaps"}}}
            """));

        var message = Assert.Single(error.Errors);
        Assert.Contains("'perhaps'", message, StringComparison.Ordinal);
        Assert.Contains("Boolean", message, StringComparison.Ordinal);
        Assert.Contains("'check'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_of_plain_activities_with_no_way_out_is_rejected_as_running_forever()
    {
        var error = Rejected(Flowchart(WriteLine("A") + "," + WriteLine("B"), Connect("A", "B") + "," + Connect("B", "A")));

        var message = Assert.Single(error.Errors);
        Assert.Contains("run forever", message, StringComparison.Ordinal);
        Assert.Contains("A", message, StringComparison.Ordinal);
        Assert.Contains("B", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_loop_with_no_way_out_is_rejected()
    {
        var error = Rejected(Flowchart(WriteLine("spin"), Connect("spin", "spin")));

        Assert.Contains("run forever", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_with_a_decision_exit_is_accepted()
    {
        var graph = TestEngine.Compile(TestEngine.ReadFile("counter-loop-legacy.json"));

        Assert.Contains("check", graph.Activities.Keys);
    }

    [Fact]
    public void A_loop_containing_an_event_that_waits_is_accepted()
    {
        var wait = """{"id":"wait","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"tick"}}}""";

        TestEngine.Compile(Flowchart($"{WriteLine("log")},{wait}", $"{Connect("log", "wait")},{Connect("wait", "log")}"));
    }

    [Fact]
    public void A_loop_whose_decision_can_leave_by_an_unconnected_port_is_accepted()
    {
        // The False outcome has no connection, so taking it ends the flowchart: the loop can stop.
        var check = """{"id":"check","type":"Elsa.FlowDecision","condition":{"typeName":"Boolean","expression":{"type":"JavaScript","value":"getN() < 3"}}}""";
        var increment = """
            {"id":"inc","type":"Elsa.SetVariable","variable":{"id":"var-n","name":"N","typeName":"Int32"},
             "value":{"typeName":"Object","expression":{"type":"JavaScript","value":"getN() + 1"}}}
            """;

        TestEngine.Compile(Flowchart($"{increment},{check}", $"{Connect("inc", "check")},{Connect("check", "inc", "True")}"));
    }

    [Fact]
    public async Task A_loop_whose_decision_leaves_by_an_unconnected_port_finishes_when_run()
    {
        // Built without the validator: shows the loop the validator rejects above does end.
        var engine = new TestEngine();
        var definition = TestEngine.Reader.Read(Flowchart(
            """{"id":"inc","type":"Elsa.SetVariable","variable":{"id":"var-n","name":"N"},"value":{"typeName":"Object","expression":{"type":"JavaScript","value":"getN() + 1"}}}""" + ","
            + """{"id":"check","type":"Elsa.FlowDecision","condition":{"typeName":"Boolean","expression":{"type":"JavaScript","value":"getN() < 3"}}}""",
            $"{Connect("inc", "check")},{Connect("check", "inc", "True")}").Replace("\"definitionId\":\"validate-me\"", "\"definitionId\":\"exits\",\"id\":\"exits-1\",\"isPublished\":true", StringComparison.Ordinal));
        var errors = new List<string>();
        var graph = Chamber.Workflows.Runtime.WorkflowGraph.Build(definition, Chamber.Workflows.Expressions.ExpressionCompilers.All, errors);
        Assert.Empty(errors);
        engine.Graphs.Publish(graph);

        var result = await engine.Runtime.StartAsync("exits");

        Assert.Equal(Chamber.Workflows.Runtime.WorkflowStatus.Finished, result.Status);
        Assert.Equal(3, TestEngine.Variable(await engine.LoadAsync(result.InstanceId), "var-n"));
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        var error = Rejected(Flowchart(
            WriteLine("dup") + "," + WriteLine("dup") + "," + WriteLine("liquid", "{{ x }}", "Python") + ","
            + """{"id":"set","type":"Elsa.SetVariable","variable":{"id":"nope","name":"Nope","typeName":"Int32"}}""",
            Connect("liquid", "ghost"),
            variables: """{"id":"var-n","name":"N","typeName":"Int32","value":"x"}"""));

        Assert.Equal(5, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.Contains("'dup'", StringComparison.Ordinal) && e.Contains("more than once", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("'Python'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("'ghost'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("'Nope'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("initial value 'x'", StringComparison.Ordinal));
        Assert.All(error.Errors, e => Assert.Contains(e, error.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hello-world.json")]
    [InlineData("approval-fork-join.json")]
    [InlineData("first-reply-wins.json")]
    [InlineData("score-switch.json")]
    [InlineData("chamber-checklist.json")]
    [InlineData("child-doubler.json")]
    [InlineData("parent-of-doubler.json")]
    [InlineData("flaky-step.json")]
    [InlineData("unknown-activity.json")]
    public void The_shipped_test_definitions_are_valid(string file)
    {
        Assert.NotNull(TestEngine.Compile(TestEngine.ReadFile(file)));
    }
}
