namespace Chamber.Workflows.Model;

/// <summary>
/// How the designer edits an input (<see cref="InputAttribute.UIHint"/>), spelt as Elsa 3 spells
/// its hints, so descriptors and definitions mean the same in Elsa Studio and here.
/// </summary>
public static class InputUIHints
{
    public const string SingleLine = "singleline";
    public const string MultiLine = "multiline";

    /// <summary>A list of short texts (addresses, roles, branch names).</summary>
    public const string MultiText = "multitext";

    public const string Checkbox = "checkbox";
    public const string DropDown = "dropdown";
    public const string JsonEditor = "json-editor";
    public const string DateTimePicker = "datetime-picker";
    public const string DynamicOutcomes = "dynamic-outcomes";
    public const string OutcomePicker = "outcome-picker";
    public const string OutputPicker = "output-picker";
    public const string WorkflowDefinitionPicker = "workflow-definition-picker";
}
