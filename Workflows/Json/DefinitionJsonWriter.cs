using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Chamber.Workflows.Activities;
using Chamber.Workflows.Activities.Children;
using Chamber.Workflows.Activities.Composition;
using Chamber.Workflows.Activities.Flow;
using Chamber.Workflows.Activities.Primitives;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Json;

/// <summary>
/// Writes Elsa 3 workflow-definition JSON (connections always in the current form), putting back
/// every field the reader kept but did not interpret, so files from other tools survive a round trip.
/// </summary>
public static class DefinitionJsonWriter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Write(WorkflowDefinition definition, bool indented = true) =>
        ToJson(definition).ToJsonString(indented ? Indented : new JsonSerializerOptions { Encoder = Indented.Encoder });

    public static JsonObject ToJson(WorkflowDefinition definition)
    {
        var json = new JsonObject
        {
            ["id"] = definition.Id,
            ["definitionId"] = definition.DefinitionId,
            ["name"] = definition.Name,
        };
        if (definition.Description is not null)
            json["description"] = definition.Description;
        json["version"] = definition.Version;
        json["variables"] = new JsonArray([.. definition.Variables.Select(WriteVariable)]);
        json["inputs"] = new JsonArray([.. definition.Inputs.Select(i => Merge(new JsonObject
        {
            ["name"] = i.Name, ["type"] = i.TypeName, ["displayName"] = i.DisplayName ?? i.Name, ["description"] = i.Description ?? "", ["isArray"] = i.IsArray,
        }, i.UnknownFields))]);
        json["outputs"] = new JsonArray([.. definition.Outputs.Select(o => Merge(new JsonObject
        {
            ["name"] = o.Name, ["type"] = o.TypeName, ["displayName"] = o.DisplayName ?? o.Name, ["description"] = o.Description ?? "", ["isArray"] = o.IsArray,
        }, o.UnknownFields))]);
        Merge(json, definition.UnknownFields);
        json["isLatest"] = definition.IsLatest;
        json["isPublished"] = definition.IsPublished;
        json["root"] = WriteActivity(definition.Root);
        return json;
    }

    public static JsonObject WriteActivity(Activity activity)
    {
        if (activity is NotFoundActivity notFound)
            return (JsonObject)notFound.OriginalJson.DeepClone();
        if (activity is WorkflowDefinitionActivity composed)
            return (JsonObject)composed.OriginalJson.DeepClone();

        var json = new JsonObject
        {
            ["id"] = activity.Id,
            ["type"] = activity.Type,
            ["version"] = activity.Version,
            ["name"] = activity.Name,
            ["customProperties"] = activity.CustomProperties?.DeepClone() ?? new JsonObject(),
            ["metadata"] = activity.Metadata?.DeepClone() ?? new JsonObject(),
        };

        var info = ActivityTypeInfo.Of(activity.GetType());
        foreach (var input in info.Inputs)
        {
            if (input.Get(activity) is { } value)
                json[input.JsonName] = WriteInput(value);
        }

        foreach (var output in info.Outputs)
        {
            if (output.Get(activity) is { } value)
            {
                json[output.JsonName] = Merge(new JsonObject
                {
                    ["typeName"] = value.TypeName ?? TypeAliases.NameOf(output.ValueType),
                    ["memoryReference"] = value.VariableId is null ? null : new JsonObject { ["id"] = value.VariableId },
                }, value.UnknownFields);
            }
        }

        foreach (var port in info.Ports)
        {
            if (port.Get(activity) is { } child)
                json[port.JsonName] = WriteActivity(child);
        }

        WriteSpecialFields(activity, json);
        return Merge(json, activity.UnknownFields);
    }

    private static void WriteSpecialFields(Activity activity, JsonObject json)
    {
        switch (activity)
        {
            case Flowchart flowchart:
                if (flowchart.Start is not null)
                    json["start"] = flowchart.Start;
                json["variables"] = new JsonArray([.. flowchart.Variables.Select(WriteVariable)]);
                json["activities"] = new JsonArray([.. flowchart.Activities.Select(WriteActivity)]);
                json["connections"] = new JsonArray([.. flowchart.Connections.Select(c => Merge(new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = c.Source, ["port"] = c.SourcePort },
                    ["target"] = new JsonObject { ["activity"] = c.Target, ["port"] = c.TargetPort },
                }, c.UnknownFields))]);
                break;
            case Sequence sequence:
                json["variables"] = new JsonArray([.. sequence.Variables.Select(WriteVariable)]);
                json["activities"] = new JsonArray([.. sequence.Activities.Select(WriteActivity)]);
                break;
            case SetVariable { Variable: { } variable }:
                json["variable"] = WriteVariable(variable);
                break;
            case FlowSwitch flowSwitch:
                json["cases"] = new JsonArray([.. flowSwitch.Cases.Select(c => new JsonObject
                {
                    ["label"] = c.Label,
                    ["condition"] = c.Condition is null ? null : WriteExpression(c.Condition.Expression),
                })]);
                break;
        }
    }

    private static JsonObject WriteInput(Input input) => Merge(new JsonObject
    {
        ["typeName"] = input.TypeName ?? TypeAliases.NameOf(input.ValueType),
        ["expression"] = WriteExpression(input.Expression),
    }, input.UnknownFields);

    private static JsonObject WriteExpression(Expression expression) => new()
    {
        ["type"] = expression.Type,
        ["value"] = expression.Value?.DeepClone(),
    };

    private static JsonObject WriteVariable(VariableDefinition variable) => Merge(new JsonObject
    {
        ["id"] = variable.Id,
        ["name"] = variable.Name,
        ["typeName"] = variable.TypeName,
        ["isArray"] = variable.IsArray,
        ["value"] = variable.Value,
    }, variable.UnknownFields);

    private static JsonObject Merge(JsonObject target, JsonObject? extra)
    {
        if (extra is null)
            return target;
        foreach (var (key, value) in extra)
        {
            if (!target.ContainsKey(key))
                target[key] = value?.DeepClone();
        }

        return target;
    }
}
