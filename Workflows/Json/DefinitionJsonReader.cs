using System.Text.Json;
using System.Text.Json.Nodes;
using Chamber.Workflows.Activities;
using Chamber.Workflows.Activities.Children;
using Chamber.Workflows.Activities.Composition;
using Chamber.Workflows.Activities.Flow;
using Chamber.Workflows.Activities.Primitives;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Json;

/// <summary>The JSON is not a workflow definition we can read; the message says where and why.</summary>
public sealed class DefinitionFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads Elsa 3 workflow-definition JSON: the exported definition with its <c>root</c> activity,
/// connections in the current (<c>source.activity/port</c>) or older flat (<c>sourcePort</c>) form.
/// Fields it does not interpret are kept on the model so the writer puts them back.
/// </summary>
public sealed class DefinitionJsonReader(ActivityRegistry registry)
{
    private static readonly string[] TopLevelFields =
        ["id", "definitionId", "name", "description", "version", "variables", "inputs", "outputs", "isLatest", "isPublished", "root"];

    private static readonly string[] CommonActivityFields = ["id", "type", "version", "name", "customProperties", "metadata"];

    public WorkflowDefinition Read(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new DefinitionFormatException(ReaderText.Of("流程定义不是有效的 JSON：", "The definition is not valid JSON: ") + e.Message, e);
        }

        if (node is not JsonObject root)
            throw new DefinitionFormatException(ReaderText.Of("流程定义必须是一个 JSON 对象", "The definition must be a JSON object."));
        try
        {
            return Read(root);
        }
        catch (ArgumentException e)
        {
            // JsonObject refuses duplicate property names when first read.
            throw new DefinitionFormatException(ReaderText.Of("流程定义无效：", "The definition is not valid: ") + e.Message, e);
        }
    }

    public WorkflowDefinition Read(JsonObject json)
    {
        // Some tools wrap the definition: {"workflowDefinition": {...}} or {"model": {...}}.
        if (json["root"] is null && (json["workflowDefinition"] ?? json["model"]) is JsonObject wrapped)
            json = wrapped;

        var definition = new WorkflowDefinition
        {
            Id = String(json, "id") ?? "",
            DefinitionId = String(json, "definitionId") ?? "",
            Name = String(json, "name"),
            Description = String(json, "description"),
            Version = json["version"] is JsonValue v && v.TryGetValue<int>(out var version) ? version : 1,
            IsLatest = Bool(json, "isLatest") ?? true,
            IsPublished = Bool(json, "isPublished") ?? false,
            UnknownFields = Unknown(json, TopLevelFields),
        };
        definition.Variables.AddRange(ReadVariables(json["variables"], "variables"));
        if (json["inputs"] is JsonArray inputs)
        {
            definition.Inputs.AddRange(inputs.OfType<JsonObject>().Select(i => new InputDefinition(String(i, "name") ?? "", String(i, "type") ?? String(i, "typeName") ?? "Object")
            {
                DisplayName = String(i, "displayName"),
                Description = String(i, "description"),
                IsArray = Bool(i, "isArray") ?? false,
                UnknownFields = Unknown(i, ["name", "type", "typeName", "displayName", "description", "isArray"]),
            }));
        }

        if (json["outputs"] is JsonArray outputs)
        {
            definition.Outputs.AddRange(outputs.OfType<JsonObject>().Select(o => new OutputDefinition(String(o, "name") ?? "", String(o, "type") ?? String(o, "typeName") ?? "Object")
            {
                DisplayName = String(o, "displayName"),
                Description = String(o, "description"),
                IsArray = Bool(o, "isArray") ?? false,
                UnknownFields = Unknown(o, ["name", "type", "typeName", "displayName", "description", "isArray"]),
            }));
        }

        definition.Root = json["root"] is JsonObject root
            ? ReadActivity(root, "root")
            : throw new DefinitionFormatException(ReaderText.Of("流程定义缺少根环节（root）", "The definition has no 'root' activity."));
        return definition;
    }

    private Activity ReadActivity(JsonObject json, string path)
    {
        var type = String(json, "type") ?? throw new DefinitionFormatException(ReaderText.Of($"{path} 处的环节缺少类型（type）", $"The activity at {path} has no 'type'."));
        if (!registry.TryCreate(type, out var activity, out var info))
        {
            if (String(json, "workflowDefinitionId") is { Length: > 0 } definitionId)
                return ReadWorkflowDefinitionActivity(json, type, definitionId, path);
            return new NotFoundActivity
            {
                Type = type,
                Id = String(json, "id") ?? "",
                Name = String(json, "name"),
                OriginalJson = (JsonObject)json.DeepClone(),
            };
        }

        activity.Type = type;
        activity.Id = String(json, "id") ?? "";
        activity.Name = String(json, "name");
        activity.Version = json["version"] is JsonValue v && v.TryGetValue<int>(out var version) ? version : 1;
        activity.CustomProperties = json["customProperties"]?.DeepClone() as JsonObject;
        activity.Metadata = json["metadata"]?.DeepClone() as JsonObject;
        var here = $"{path} ({type} '{activity.Id}')";
        var consumed = new List<string>(CommonActivityFields);

        foreach (var input in info.Inputs)
        {
            consumed.Add(input.JsonName);
            if (json[input.JsonName] is { } node)
                input.Set(activity, ReadInputNode(input.ValueType, node, $"{here}.{input.JsonName}"));
        }

        foreach (var output in info.Outputs)
        {
            consumed.Add(output.JsonName);
            if (json[output.JsonName] is JsonObject o)
            {
                var reference = o["memoryReference"] is JsonObject memory ? String(memory, "id") : null;
                var created = output.Create(reference, String(o, "typeName"));
                created.UnknownFields = Unknown(o, ["typeName", "memoryReference"]);
                output.Set(activity, created);
            }
        }

        foreach (var port in info.Ports)
        {
            consumed.Add(port.JsonName);
            if (json[port.JsonName] is JsonObject child)
                port.Set(activity, ReadActivity(child, $"{here}.{port.JsonName}"));
        }

        consumed.AddRange(ReadSpecialFields(activity, json, here));
        activity.UnknownFields = Unknown(json, consumed);
        return activity;
    }

    /// <summary>
    /// An unregistered type that names a workflow definition (Elsa writes <c>workflowDefinitionId</c>
    /// on a workflow used as an activity): every other field shaped like an input is one of its inputs.
    /// </summary>
    private static WorkflowDefinitionActivity ReadWorkflowDefinitionActivity(JsonObject json, string type, string definitionId, string path)
    {
        var activity = new WorkflowDefinitionActivity
        {
            Type = type,
            Id = String(json, "id") ?? "",
            Name = String(json, "name"),
            Version = json["version"] is JsonValue v && v.TryGetValue<int>(out var version) ? version : 1,
            CustomProperties = json["customProperties"]?.DeepClone() as JsonObject,
            Metadata = json["metadata"]?.DeepClone() as JsonObject,
            OriginalJson = (JsonObject)json.DeepClone(),
            WorkflowDefinitionId = definitionId,
            WorkflowDefinitionVersionId = String(json, "workflowDefinitionVersionId"),
        };
        var here = $"{path} ({type} '{activity.Id}')";
        foreach (var (name, node) in json)
        {
            if (node is not JsonObject field || CommonActivityFields.Contains(name))
                continue;
            if (field.ContainsKey("expression"))
                activity.Inputs[name] = ReadInputNode(typeof(object), field, $"{here}.{name}");
            else if (field["memoryReference"] is JsonObject memory && String(memory, "id") is { Length: > 0 } reference)
                activity.OutputBindings[name] = reference;
        }

        return activity;
    }

    /// <summary>Fields of the built-in activities that are not plain inputs: children, connections, variables, cases.</summary>
    private IEnumerable<string> ReadSpecialFields(Activity activity, JsonObject json, string here)
    {
        switch (activity)
        {
            case Flowchart flowchart:
                flowchart.Activities.AddRange(ReadActivities(json["activities"], here));
                flowchart.Connections.AddRange(ReadConnections(json["connections"], here));
                flowchart.Start = String(json, "start");
                flowchart.Variables.AddRange(ReadVariables(json["variables"], here + ".variables"));
                return ["activities", "connections", "start", "variables"];
            case Sequence sequence:
                sequence.Activities.AddRange(ReadActivities(json["activities"], here));
                sequence.Variables.AddRange(ReadVariables(json["variables"], here + ".variables"));
                return ["activities", "variables"];
            case SetVariable setVariable:
                setVariable.Variable = json["variable"] switch
                {
                    JsonObject o => ReadVariable(o, here + ".variable"),
                    JsonValue s when s.TryGetValue<string>(out var name) => new VariableDefinition(name, name, "Object"),
                    _ => null,
                };
                return ["variable"];
            case FlowSwitch flowSwitch:
                if (json["cases"] is JsonArray cases)
                {
                    foreach (var item in cases.OfType<JsonObject>())
                    {
                        var label = String(item, "label") ?? "";
                        var condition = item["condition"] is { } c ? (Input<bool>)ReadInputNode(typeof(bool), c, $"{here}.cases[{label}]") : null;
                        flowSwitch.Cases.Add(new SwitchCase(label, condition));
                    }
                }

                return ["cases"];
            default:
                return [];
        }
    }

    private List<Activity> ReadActivities(JsonNode? node, string path) =>
        node is JsonArray array
            ? [.. array.Select((a, i) => a is JsonObject o ? ReadActivity(o, $"{path}.activities[{i}]")
                : throw new DefinitionFormatException(ReaderText.Of($"{path}.activities[{i}] 不是环节对象", $"{path}.activities[{i}] is not an activity object.")))]
            : [];

    private static IEnumerable<Connection> ReadConnections(JsonNode? node, string path)
    {
        if (node is not JsonArray array)
            yield break;
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject c)
                throw new DefinitionFormatException(ReaderText.Of($"{path}.connections[{i}] 不是连线对象", $"{path}.connections[{i}] is not a connection object."));
            // Current form: {"source":{"activity","port"},"target":{"activity","port"}}; older flat form: {"source","target","sourcePort","targetPort"}.
            var (source, sourcePort) = c["source"] is JsonObject s ? (String(s, "activity"), String(s, "port")) : (String(c, "source"), String(c, "sourcePort"));
            var (target, targetPort) = c["target"] is JsonObject t ? (String(t, "activity"), String(t, "port")) : (String(c, "target"), String(c, "targetPort"));
            if (string.IsNullOrEmpty(source) || string.IsNullOrEmpty(target))
                throw new DefinitionFormatException(ReaderText.Of($"{path}.connections[{i}] 须指定起点环节和终点环节", $"{path}.connections[{i}] needs a source and a target activity."));
            yield return new Connection(source, sourcePort ?? Outcomes.Done, target, targetPort ?? "In")
            {
                UnknownFields = Unknown(c, ["source", "target", "sourcePort", "targetPort"]),
            };
        }
    }

    /// <summary>
    /// An input is <c>{"typeName","expression":{"type","value"}}</c>; a bare expression object or a
    /// plain value (hand-written files) is read as that expression or as a literal.
    /// </summary>
    private static Input ReadInputNode(Type valueType, JsonNode node, string path)
    {
        var inputType = typeof(Input<>).MakeGenericType(valueType);
        Input Create(Expression e, string? typeName) => (Input)Activator.CreateInstance(inputType, e, typeName)!;
        switch (node)
        {
            case JsonObject o when o["expression"] is JsonObject expression:
                var created = Create(ReadExpression(expression, path), String(o, "typeName"));
                created.UnknownFields = Unknown(o, ["typeName", "expression"]);
                return created;
            case JsonObject o when o["type"] is JsonValue && o.ContainsKey("value"):
                return Create(ReadExpression(o, path), null);
            case JsonObject o when o.ContainsKey("typeName"):
                return Create(Expression.Literal(null), String(o, "typeName"));
            case JsonValue v:
                return Create(new Expression(Expressions.ExpressionTypes.Literal, v.GetValueKind() == JsonValueKind.String
                    ? v.DeepClone()
                    : JsonValue.Create(v.ToJsonString())), null);
            default:
                throw new DefinitionFormatException(ReaderText.Of(
                    $"{path} 不是输入（应为 {{\"typeName\", \"expression\": {{\"type\", \"value\"}}}}）",
                    $"{path} is not an input (expected {{\"typeName\", \"expression\": {{\"type\", \"value\"}}}})."));
        }
    }

    private static Expression ReadExpression(JsonObject expression, string path)
    {
        var type = String(expression, "type") ?? throw new DefinitionFormatException(ReaderText.Of($"{path} 的表达式缺少类型（type）", $"The expression of {path} has no 'type'."));
        return new Expression(type, expression["value"]?.DeepClone());
    }

    private static IEnumerable<VariableDefinition> ReadVariables(JsonNode? node, string path) =>
        node is JsonArray array ? array.Select((v, i) => v is JsonObject o ? ReadVariable(o, $"{path}[{i}]")
            : throw new DefinitionFormatException(ReaderText.Of($"{path}[{i}] 不是变量对象", $"{path}[{i}] is not a variable object."))).ToList() : [];

    private static VariableDefinition ReadVariable(JsonObject json, string path)
    {
        var name = String(json, "name");
        var id = String(json, "id") ?? name;
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(name))
            throw new DefinitionFormatException(ReaderText.Of($"{path} 处的变量须有 id 和名称", $"The variable at {path} needs an id and a name."));
        var value = json["value"] switch
        {
            null => null,
            JsonValue s when s.GetValueKind() == JsonValueKind.String => s.GetValue<string>(),
            var other => other.ToJsonString(),
        };
        return new VariableDefinition(id, name, String(json, "typeName") ?? "Object", Bool(json, "isArray") ?? false, value)
        {
            UnknownFields = Unknown(json, ["id", "name", "typeName", "isArray", "value"]),
        };
    }

    private static string? String(JsonObject json, string name) => json[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };

    private static bool? Bool(JsonObject json, string name) =>
        json[name] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    private static JsonObject Unknown(JsonObject json, IEnumerable<string> known)
    {
        var skip = known as ICollection<string> ?? [.. known];
        var result = new JsonObject();
        foreach (var (key, value) in json)
        {
            if (!skip.Contains(key))
                result[key] = value?.DeepClone();
        }

        return result;
    }
}
