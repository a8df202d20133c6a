using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PublicService.Tests.EndToEnd;

/// <summary>Who may open what, seen from a browser: the authorization matrix enforced by the running app.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SecurityJourneyTests(BrowserFixture browser, AppProcess app, ITestOutputHelper output)
    : EndToEndTest(browser, app, output), IClassFixture<AppProcess>
{
    /// <summary>
    /// Every routable page that is not open to anyone, found by reflection like the authorization matrix, so a new
    /// page is covered without editing this list. Route parameters are filled with a value of their type.
    /// </summary>
    public static IEnumerable<string> StaffRoutes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.GetCustomAttributes<AllowAnonymousAttribute>().Any())
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => Regex.Replace(r.Template, @"\{[^}]+\}", "1"))
            .Distinct()
            .OrderBy(r => r, StringComparer.Ordinal);

    [Fact]
    public async Task Anonymous_OpeningAnyStaffPage_IsSentToTheSignInPage()
    {
        var routes = StaffRoutes().ToList();
        Assert.Contains("/giam-sat", routes);
        Assert.Contains("/thu-tuc/1", routes);
        var page = await NewPageAsync();

        foreach (var route in routes)
        {
            await page.GotoAsync(route);

            await Expect(page).ToHaveURLAsync(new Regex($"/dang-nhap\\?ReturnUrl={Regex.Escape(Uri.EscapeDataString(route))}$"));
            await Expect(page.Locator("[data-testid=login-form]")).ToBeVisibleAsync();
            await Expect(page.Locator("input[name=ReturnUrl]")).ToHaveValueAsync(route);
            await ScreenshotAsync(page, $"anonymous{route}");
        }
        Output.WriteLine($"{routes.Count} staff pages redirect an anonymous visitor: {string.Join(", ", routes)}");
    }

    [Theory]
    [InlineData("/giam-sat")]
    [InlineData("/thu-tuc")]
    public async Task ProcessingOfficer_OpeningAnotherRolesPage_SeesNotAllowed(string route)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "xuly.tuphap@h48.demo");

        await page.GotoAsync(route);

        await Expect(page.Locator("[data-testid=access-denied]")).ToHaveTextAsync("Không có quyền truy cập");
        // The page's own content must not have rendered beside the refusal.
        await Expect(page.Locator("[data-testid=level-Overdue], [data-testid=procedures]")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, $"processing-officer{route}");
    }
}
