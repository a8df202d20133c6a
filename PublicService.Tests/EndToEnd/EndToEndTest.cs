using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PublicService.Domain.Demo;
using Xunit.Abstractions;

namespace PublicService.Tests.EndToEnd;

/// <summary>
/// What every journey needs: fresh browser contexts on the app of its class, signing in through the real form, and
/// a screenshot per step under <c>EndToEnd/screenshots/&lt;journey&gt;/</c> in the test output directory.
/// </summary>
public abstract class EndToEndTest(BrowserFixture browser, AppProcess app, ITestOutputHelper output) : IAsyncLifetime
{
    // Per class, across its test methods (xunit makes an instance per method): one numbered sequence of steps,
    // and the previous run's screenshots removed once.
    private static readonly Dictionary<string, int> Steps = [];
    private readonly List<IBrowserContext> _contexts = [];

    protected AppProcess App => app;
    protected ITestOutputHelper Output => output;

    /// <summary>Where this class's screenshots go; emptied when the class starts so that a run shows only its own steps.</summary>
    protected string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "EndToEnd", "screenshots", GetType().Name);

    public Task InitializeAsync()
    {
        lock (Steps)
        {
            if (Steps.TryAdd(GetType().Name, 0) && Directory.Exists(ScreenshotDirectory)) Directory.Delete(ScreenshotDirectory, recursive: true);
        }
        Directory.CreateDirectory(ScreenshotDirectory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.DisposeAsync();
        // Beside the screenshots: what the server said while the browser showed them.
        await File.WriteAllTextAsync(Path.Combine(ScreenshotDirectory, "app.log"), app.Output);
    }

    /// <summary>A page in a new context: its own cookies, so each one is a separate person.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page as a person would, and waits to be let in.</summary>
    protected async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/dang-nhap");
        await page.Locator("input[name=UserName]").FillAsync(userName);
        await page.Locator("input[name=Password]").FillAsync(DemoStaff.Password);
        await ScreenshotAsync(page, $"sign-in-{userName.Split('@')[0]}");
        await page.Locator("[data-testid=login-form] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/dang-nhap", StringComparison.Ordinal));
    }

    /// <summary>The whole page by default; <paramref name="fullPage"/> false keeps what a person sees without scrolling, which is cheaper.</summary>
    protected async Task ScreenshotAsync(IPage page, string step, bool fullPage = true)
    {
        int number;
        lock (Steps) number = ++Steps[GetType().Name];
        var name = $"{number:00}-{Regex.Replace(step, "[^A-Za-z0-9-]+", "-").Trim('-')}.png";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name), FullPage = fullPage });
    }
}
