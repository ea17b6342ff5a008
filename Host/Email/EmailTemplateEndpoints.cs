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
        group.MapGet("/{name}", async Task<Results<Ok<EmailTemplateView>, ProblemHttpResult>> (string name, string? language, EmailTemplates templates,
            CancellationToken ct) =>
        {
            if (Refused(name, language) is { } refused)
                return refused;
            return TypedResults.Ok((await templates.GetAsync(name, LanguageOf(language), ct))!);
        });
        group.MapPost("/{name}/preview", Results<Ok<RenderedEmail>, ProblemHttpResult> (string name, string? language, TemplateDraft draft, EmailTemplates templates) =>
        {
            if (Refused(name, language) is { } refused)
                return refused;
            return TypedResults.Ok(templates.Preview(draft.ToText(), LanguageOf(language)));
        });
        group.MapPut("/{name}", async Task<Results<Ok<EmailTemplateView>, ProblemHttpResult>> (string name, string? language, TemplateDraft draft,
            ClaimsPrincipal user, EmailTemplates templates, CancellationToken ct) =>
        {
            if (Refused(name, language) is { } refused)
                return refused;
            return TypedResults.Ok(await templates.SaveAsync(name, LanguageOf(language), draft.ToText(), user.FindFirstValue(ClaimTypes.Email), ct));
        });
        group.MapDelete("/{name}", async Task<Results<NoContent, ProblemHttpResult>> (string name, string? language, EmailTemplates templates, CancellationToken ct) =>
        {
            if (Refused(name, language) is { } refused)
                return refused;
            await templates.ResetAsync(name, LanguageOf(language), ct);
            return TypedResults.NoContent();
        });
    }

    /// <summary>An unknown template or language (<c>?language=</c>: zh-CN, the default, or en).</summary>
    private static ProblemHttpResult? Refused(string name, string? language)
    {
        if (!EmailTemplates.Names.Contains(name))
            return Unknown(name);
        return language is null || MessageLanguage.All.Contains(language) ? null
            : Problems.BadRequest(MessageLanguage.Unknown);
    }

    private static string LanguageOf(string? language) => language ?? MessageLanguage.Chinese;

    private static ProblemHttpResult Unknown(string name) => Problems.NotFound(ReaderText.Of($"没有名为“{name}”的邮件模板", $"No e-mail template named '{name}'."));
}
