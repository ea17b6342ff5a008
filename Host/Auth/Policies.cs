namespace Chamber.Host.Auth;

public static class Policies
{
    /// <summary>Import, edit, publish and retract definitions.</summary>
    public const string Design = "design";

    /// <summary>Start, resume, cancel and retry instances; publish events.</summary>
    public const string Operate = "operate";

    /// <summary>Watch campaigns and their participants: staff, leaders and administrators.</summary>
    public const string Oversee = "oversee";

    /// <summary>Users, calendar years, the outbox: administrators only.</summary>
    public const string Administer = "administer";
}
