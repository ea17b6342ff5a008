namespace Chamber.Workflows.Activities.Flow;

/// <summary>Evaluates constant expressions (literals) outside any instance, e.g. for the designer.</summary>
internal sealed class NoContext : Expressions.IExpressionContext
{
    public static NoContext Instance { get; } = new();
    public string WorkflowInstanceId => "";
    public string? CorrelationId { get; set; }
    public IReadOnlyDictionary<string, object?> WorkflowInput { get; } = new Dictionary<string, object?>();
    public object? GetVariable(string nameOrId) => throw new InvalidOperationException("No workflow instance.");
    public void SetVariable(string nameOrId, object? value) => throw new InvalidOperationException("No workflow instance.");
}
