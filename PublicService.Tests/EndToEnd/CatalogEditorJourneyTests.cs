using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PublicService.Tests.EndToEnd;

/// <summary>A catalog editor finds a procedure without typing diacritics, drafts a new version and publishes it.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CatalogEditorJourneyTests(BrowserFixture browser, AppProcess app, ITestOutputHelper output)
    : EndToEndTest(browser, app, output), IClassFixture<AppProcess>
{
    [Fact]
    public async Task Editor_FindsDraftsAndPublishes_SeesVersion2InTheHistory()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "bientap@h48.demo");

        await page.GotoAsync("/thu-tuc");
        // The total appears once the grid has asked the circuit for data: from then on typing reaches the server.
        var total = page.Locator("[data-testid=total]");
        await Expect(total).ToBeVisibleAsync();
        var totalBefore = await total.InnerTextAsync();
        await ScreenshotAsync(page, "catalog-list");

        await page.Locator("input[data-testid=search], [data-testid=search] input").First.FillAsync("ly lich tu phap");
        await Expect(total).Not.ToHaveTextAsync(totalBefore);
        var link = page.Locator("[data-testid=procedures] a", new PageLocatorOptions { HasTextRegex = new Regex("lý lịch tư pháp", RegexOptions.IgnoreCase) }).First;
        await Expect(link).ToBeVisibleAsync();
        await ScreenshotAsync(page, "search-without-diacritics");

        var name = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/thu-tuc/\d+$"));
        await Expect(page.Locator("[data-testid=title]")).ToHaveTextAsync(name);
        await Expect(page.Locator("[data-testid=version]")).ToHaveTextAsync("Phiên bản 1");
        await ScreenshotAsync(page, "procedure-version-1");

        await page.Locator("[data-testid=create-draft]").ClickAsync();
        await Expect(page.Locator("[data-testid=version]")).ToHaveTextAsync("Phiên bản 2");
        await Expect(page.Locator(".mud-snackbar", new PageLocatorOptions { HasText = "Đã tạo bản nháp phiên bản mới." })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "draft-version-2");

        const string decision = "999/QĐ-UBND-E2E";
        var decisionInput = page.Locator("input[data-testid=decision], [data-testid=decision] input").First;
        await decisionInput.FillAsync(decision);
        // Leaving the field commits the binding, as a person tabbing on would.
        await decisionInput.PressAsync("Tab");
        await ScreenshotAsync(page, "draft-changed");

        await page.Locator("[data-testid=publish]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        const string effective = "16/03/2026";
        var date = dialog.Locator("input[data-testid=effective-date], [data-testid=effective-date] input").First;
        await date.FillAsync(effective);
        await date.PressAsync("Tab");
        await ScreenshotAsync(page, "publish-dialog");
        await dialog.Locator("[data-testid=publish-confirm]").ClickAsync();

        await Expect(page.Locator(".mud-snackbar", new PageLocatorOptions { HasText = $"Đã công bố phiên bản 2, hiệu lực từ {effective}." })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/thu-tuc/\d+$"));
        var history = page.Locator("[data-testid=history] tbody tr");
        await Expect(history).ToHaveCountAsync(2);
        var newest = history.First;
        await Expect(newest.Locator("td").First).ToHaveTextAsync("2");
        await Expect(newest).ToContainTextAsync(effective);
        await Expect(newest).ToContainTextAsync(decision);
        await Expect(history.Nth(1).Locator("td").First).ToHaveTextAsync("1");
        await ScreenshotAsync(page, "published-history");
    }
}
