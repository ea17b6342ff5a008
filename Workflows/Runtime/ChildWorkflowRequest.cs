namespace Chamber.Workflows.Runtime;

/// <summary>A child workflow instance to create in the parent's commit and run after it.</summary>
public sealed record ChildWorkflowRequest(
    string InstanceId,
    string DefinitionId,
    string DefinitionVersionId,
    int Version,
    Dictionary<string, object?> Input,
    string? CorrelationId,
    string? ParentBookmarkId);
