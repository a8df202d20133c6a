using Microsoft.Playwright;

namespace PublicService.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests share one Chromium and run alone, after the other tests: the live-board latency they
/// record means little while the unit tests compete for the same two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "EndToEnd";
}

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright cannot download its own browser build here, so it launches
/// the system one. A missing browser fails every end-to-end test with the fix in the message, in CI and locally
/// alike: a skipped journey would look like a passed one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"The end-to-end tests need Debian's Chromium at {ChromiumPath}; install it with `apt-get install -y chromium` (.ci/run does).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No sandbox: CI runs as root in a container. The rest keeps the browser from reaching out or doing work
            // a test does not look at.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
