namespace Chamber.Workflows.Activities.Flow;

/// <summary>
/// How an activity with several inbound connections waits for them: Elsa 3.5's
/// <c>customProperties.mergeMode</c>, read the way Elsa's token-based flowchart reads it.
/// </summary>
public enum MergeMode
{
    /// <summary>The default: runs once nothing upstream of its forward inbound connections is still on its way; untaken branches are ignored.</summary>
    Stream,

    /// <summary>Waits for a token on every forward inbound connection (loops excluded); an untaken branch blocks it.</summary>
    Merge,

    /// <summary>Waits for a token on every inbound connection, loops included: the strictest.</summary>
    Converge,

    /// <summary>Runs on the first arrival; later arrivals on the other connections are absorbed.</summary>
    Cascade,

    /// <summary>Runs on the first arrival and cancels the branches still on their way.</summary>
    Race,
}
