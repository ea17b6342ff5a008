namespace Chamber.Workflows.Runtime;

public enum WorkItemKind
{
    Execute,
    Resume,
}
