using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace PublicService.Console.Localization;

/// <summary>The UI cultures: Vietnamese by default, English as a switch remembered in the standard culture cookie.</summary>
public static class Cultures
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en";

    public static IReadOnlyList<string> Supported { get; } = [Vietnamese, English];

    /// <summary>The path of the endpoint that stores the chosen culture and sends the browser back.</summary>
    public const string SwitchPath = "/culture/set";

    public static void Configure(RequestLocalizationOptions options)
    {
        var cultures = Supported.Select(name => new CultureInfo(name)).ToList();
        options.DefaultRequestCulture = new RequestCulture(Vietnamese);
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        // Only the cookie decides: a browser asking for English still gets Vietnamese until the user switches.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
    }

    /// <summary>The switch URL, e.g. <c>/culture/set?culture=en&amp;redirectUri=%2Ftinh-han</c>.</summary>
    public static string SwitchUrl(string culture, string redirectUri) =>
        $"{SwitchPath}?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString(redirectUri)}";

    public static IEndpointConventionBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(SwitchPath, (string? culture, string? redirectUri, HttpContext context) =>
        {
            if (culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }

            return Results.LocalRedirect(IsLocal(redirectUri) ? redirectUri! : "/");
        });

    private static bool IsLocal(string? uri) =>
        !string.IsNullOrEmpty(uri)
        && uri[0] == '/'
        && (uri.Length == 1 || (uri[1] != '/' && uri[1] != '\\'));
}
