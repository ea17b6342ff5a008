namespace Chamber.Workflows.Activities.Flow;

/// <summary>
/// A token on a connection of a flowchart: emitted when its source completes with the port's
/// outcome, consumed when its target completes, blocked when a Cascade or Race target already
/// ran for another connection. Kept in the flowchart's context, so it survives a suspension.
/// </summary>
public sealed class FlowToken
{
    public required string From { get; init; }

    public required string Outcome { get; init; }

    public required string To { get; init; }

    public bool Consumed { get; set; }

    public bool Blocked { get; set; }

    public bool IsLive => !Consumed && !Blocked;

    public bool IsOn(Connection connection) => From == connection.Source && Outcome == connection.SourcePort && To == connection.Target;

    public static FlowToken On(Connection connection, bool blocked = false) =>
        new() { From = connection.Source, Outcome = connection.SourcePort, To = connection.Target, Blocked = blocked };
}
