namespace Chamber.Workflows.Model;

/// <summary>Activities that can start a workflow when their event occurs (Elsa's triggers).</summary>
public interface ITrigger
{
    /// <summary>The bookmark name and key that start a new instance, or null when not configured.</summary>
    (string Name, string Key)? GetTriggerKey();
}
