namespace Chamber.Campaigns.Deadlines;

/// <summary>
/// How a deadline is reminded about: working days before it, a chase every so many working days
/// after it (at most <paramref name="MaxChases"/>), and whom to tell with which chase.
/// </summary>
public sealed record DeadlineReminders(int[] DaysBefore, int ChaseEvery, int EscalateAt, IReadOnlyList<string> EscalateTo, int MaxChases);
