namespace Chamber.Workflows.Model;

/// <summary>An activity that can tell, from its configuration alone, what is wrong with it.</summary>
public interface IValidatedActivity
{
    /// <summary>Problems to report when the definition is imported (empty when none).</summary>
    IEnumerable<string> Validate();
}
