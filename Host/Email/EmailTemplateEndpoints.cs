using System.Security.Claims;
using Chamber.Campaigns.Email;
using Chamber.Host.Auth;
using Chamber.Host.Errors;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Email;

/// <summary>
/// The e-mail templates, for administrators: read, preview a draft, change, and go back to the
/// shipped text. A change applies to messages asked for from then on (at once on this host, within
/// <see cref="EmailTemplates.RefreshInterval"/> on others); messages already in the outbox keep
/// the text they were written with.
/// </summary>
public static class EmailTemplateEndpoints
{
    public sealed record TemplateDraft(string? Subject, string? Text, string? Html)
    {
        public EmailTemplateText ToText() => new(Subject ?? "", Text ?? "", Html ?? "");
    }

    public static void MapEmailTemplateEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/email-templates").WithTags("Email").RequireAuthorization(Policies.Administer);
        group.MapGet("/", async (EmailTemplates templates, CancellationToken ct) => TypedResults.Ok(await templates.ListAsync(ct)));
        group.MapGet("/{name}", async Task<Results<Ok<EmailTemplateView>, ProblemHttpResult>> (string name, EmailTemplates templates, CancellationToken ct) =>
            await templates.GetAsync(name, ct) is { } view ? TypedResults.Ok(view) : Unknown(name));
        group.MapPost("/{name}/preview", Results<Ok<RenderedEmail>, ProblemHttpResult> (string name, TemplateDraft draft, EmailTemplates templates) =>
        {
            if (!EmailTemplates.Names.Contains(name))
                return Unknown(name);
            return TypedResults.Ok(templates.Preview(draft.ToText()));
        });
        group.MapPut("/{name}", async Task<Results<Ok<EmailTemplateView>, ProblemHttpResult>> (string name, TemplateDraft draft, ClaimsPrincipal user,
            EmailTemplates templates, CancellationToken ct) =>
        {
            if (!EmailTemplates.Names.Contains(name))
                return Unknown(name);
            return TypedResults.Ok(await templates.SaveAsync(name, draft.ToText(), user.FindFirstValue(ClaimTypes.Email), ct));
        });
        group.MapDelete("/{name}", async Task<Results<NoContent, ProblemHttpResult>> (string name, EmailTemplates templates, CancellationToken ct) =>
        {
            if (!EmailTemplates.Names.Contains(name))
                return Unknown(name);
            await templates.ResetAsync(name, ct);
            return TypedResults.NoContent();
        });
    }

    private static ProblemHttpResult Unknown(string name) => Problems.NotFound(ReaderText.Of($"没有名为“{name}”的邮件模板", $"No e-mail template named '{name}'."));
}
