using System.Globalization;
using System.Xml;
using Chamber.Host.Auth;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Timers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Clock;

public enum ClockMode
{
    System,
    Manual,
}

/// <summary>
/// The time everything uses: the system clock, or (configuration <c>Clock:Mode=Manual</c>, refused
/// in Production) a manual clock that <c>POST /api/clock/advance</c> moves, firing what falls due.
/// </summary>
public static class ClockModule
{
    /// <summary>Where the manual clock may run: tests, development and rehearsals — never a deployment, whatever it is called.</summary>
    private static readonly HashSet<string> RehearsalEnvironments = new(StringComparer.OrdinalIgnoreCase) { "Development", "Testing", "Rehearsal" };

    public static WebApplicationBuilder AddChamberClock(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration.GetValue("Clock:Mode", ClockMode.System);
        if (mode == ClockMode.Manual)
        {
            if (!RehearsalEnvironments.Contains(builder.Environment.EnvironmentName))
                throw new HostConfigurationException(
                    "The manual clock (Clock:Mode=Manual) is for rehearsals and tests: it runs only in the Development, Testing and Rehearsal environments. " +
                    "Rehearse with ops/demo, or start the Host with ASPNETCORE_ENVIRONMENT=Rehearsal on data of its own.");
            var start = builder.Configuration.GetValue<DateTimeOffset?>("Clock:Start") ?? DateTimeOffset.UtcNow;
            builder.Services.AddSingleton<TimeProvider>(new ManualClock(start));
        }
        else
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }

        return builder;
    }

    public sealed record ClockState(DateTimeOffset Now, ClockMode Mode);

    public sealed record AdvanceRequest(string? By, DateTimeOffset? To);

    public static void MapClockEndpoints(this IEndpointRouteBuilder app, TimeProvider clock)
    {
        var group = app.MapGroup("/api/clock").WithTags("Clock");
        group.MapGet("/", (TimeProvider time) => TypedResults.Ok(new ClockState(time.GetUtcNow(), time is ManualClock ? ClockMode.Manual : ClockMode.System)));
        if (clock is not ManualClock)
            return; // DESIGN §6: advance does not exist outside manual mode (404).

        group.MapPost("/advance", async Task<Results<Ok<ClockState>, ProblemHttpResult>> (AdvanceRequest? request, TimeProvider time, ClockAdvancer advancer, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            DateTimeOffset target;
            if (request?.To is { } to && request.By is null)
            {
                target = to;
            }
            else if (request?.By is { } by && request.To is null && TryParseDuration(by, out var span) && span >= TimeSpan.Zero)
            {
                target = now + span;
            }
            else
            {
                return Errors.Problems.BadRequest(ReaderText.Of("请给出 by（如 PT2H 或 02:00:00）或 to（ISO 时间）之一", "Give either by (a non-negative duration such as PT2H or 02:00:00) or to (an ISO date-time)."));
            }

            if (target < now)
                return Errors.Problems.BadRequest(ReaderText.Of($"时间不能倒退", $"The clock cannot go back: it is already {now:O}."));
            return TypedResults.Ok(new ClockState(await advancer.AdvanceToAsync(target, ct), ClockMode.Manual));
        }).RequireAuthorization(Policies.Administer);
    }

    private static bool TryParseDuration(string text, out TimeSpan span)
    {
        if (text.StartsWith('P'))
        {
            try
            {
                span = XmlConvert.ToTimeSpan(text);
                return true;
            }
            catch (FormatException)
            {
                span = default;
                return false;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out span);
    }
}
