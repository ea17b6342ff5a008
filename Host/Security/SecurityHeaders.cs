namespace Chamber.Host.Security;

/// <summary>
/// Response headers that keep the browser on the safe side for every page and API answer:
/// scripts only from this origin (an injected script or handler does not run), no framing by
/// other sites, no type sniffing, and no Referer — a chamber's portal link carries its token in
/// the path, which must not travel to sites it links to.
/// </summary>
public static class SecurityHeaders
{
    // Styles may be inline: Ant Design writes its CSS at run time, and e-mail previews carry
    // style attributes. Frames only from here or srcdoc (the sandboxed e-mail preview).
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Set as the answer starts, so an error page written after the exception handler cleared the
    // response carries them too.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
