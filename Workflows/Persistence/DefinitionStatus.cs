namespace Chamber.Workflows.Persistence;

public enum DefinitionStatus
{
    Draft,
    Published,

    /// <summary>Was published; a newer version replaced it. Its running instances continue.</summary>
    Superseded,

    /// <summary>Taken out of service: no new instances; running ones continue.</summary>
    Retracted,
}
