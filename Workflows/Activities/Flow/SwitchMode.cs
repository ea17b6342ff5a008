namespace Chamber.Workflows.Activities.Flow;

public enum SwitchMode
{
    MatchFirst,
    MatchAny,
}
