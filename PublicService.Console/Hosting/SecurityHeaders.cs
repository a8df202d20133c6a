namespace PublicService.Console.Hosting;

/// <summary>
/// Response headers that shut the usual doors: no MIME sniffing, no framing (clickjacking), no referrer leaking
/// dossier URLs to other sites, and a content security policy that allows only this origin. Blazor Server needs
/// its WebSocket (<c>connect-src</c>); MudBlazor sets inline <c>style</c> attributes, hence <c>'unsafe-inline'</c>
/// for styles only — scripts stay same-origin.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; form-action 'self'; " +
        "base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Content-Security-Policy"] = ContentSecurityPolicy;
            return Task.CompletedTask;
        });
        await next(context);
    });
}
