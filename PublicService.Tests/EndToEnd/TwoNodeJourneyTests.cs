using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Npgsql;
using PublicService.Console.Hosting;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PublicService.Tests.EndToEnd;

/// <summary>
/// Two app processes on different ports sharing one PostgreSQL database and one test clock: node A seeds the demo
/// data and is ready before node B starts on the seeded database. Each is killed at the end and the database dropped.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"publicservice-nodes-{Guid.NewGuid():N}");
    private string _connectionString = "";

    public AppProcess A { get; private set; } = null!;
    public AppProcess B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("nodes");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:PublicService"] = _connectionString,
        };
        var clock = Path.Combine(_directory, "clock.txt");
        A = new AppProcess { Name = "A", DatabaseSettings = settings, SharedClockFile = clock };
        await A.InitializeAsync();
        B = new AppProcess { Name = "B", DatabaseSettings = settings, SharedClockFile = clock, Demo = false };
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (_connectionString.Length > 0) await (await PostgresServer.GetAsync()).DropDatabaseAsync(_connectionString);
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>
/// Cross-node live alerts: a supervisor signed in on node B watches the board while the scan runs on node A; the
/// change reaches B through PostgreSQL's NOTIFY/LISTEN and B's board moves its overdue count and raises the snackbar
/// without a reload.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TwoNodeJourneyTests(BrowserFixture browser, TwoNodes nodes, ITestOutputHelper output)
    : EndToEndTest(browser, nodes.B, output), IClassFixture<TwoNodes>
{
    private const int Repetitions = 10;
    // What issue 9 asks: an alert found on node A visible on node B within a second (the median; each round
    // must merely be pushed, within a bound that tolerates a busy shared machine).
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan UpdateBound = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstUpdateBound = TimeSpan.FromSeconds(30);

    private const string OverdueCount = "[data-testid=level-Overdue] .mud-typography-h4";

    private const string UpdatedScript = """
        ([count, previous]) => {
            const shown = document.querySelector(count)?.textContent.trim();
            const snackbar = [...document.querySelectorAll('.mud-snackbar')].some(s => s.textContent.includes('vừa quá hạn'));
            return shown !== undefined && shown !== previous && snackbar;
        }
        """;

    [Fact]
    public async Task BoardOnNodeB_ScanOnNodeA_ShowsTheNewOverdueCountAndSnackbarWithinASecond()
    {
        Assert.NotEqual(nodes.A.BaseAddress, nodes.B.BaseAddress);
        var board = await NewPageAsync();
        await SignInAsync(board, "quantri@h48.demo");
        await board.GotoAsync("/giam-sat");
        await Expect(board.Locator(OverdueCount)).ToBeVisibleAsync();
        Assert.StartsWith(nodes.B.BaseAddress.ToString(), board.Url, StringComparison.Ordinal);
        await ScreenshotAsync(board, "node-b-board-opened");
        await board.EvaluateAsync("() => window.__sameDocument = true");

        using var nodeA = new HttpClient { BaseAddress = nodes.A.BaseAddress };
        var latencies = new List<double>();
        for (var round = 0; round <= Repetitions; round++)
        {
            var warmUp = round == 0;
            var elapsed = await ScanOnAAndWaitForBoardOnBAsync(board, nodeA, warmUp ? FirstUpdateBound : UpdateBound);
            if (!warmUp) latencies.Add(elapsed.TotalMilliseconds);
            await ScreenshotAsync(board, warmUp ? "node-b-warm-up-update" : $"node-b-update-{round:00}", fullPage: false);
            await BoardJourney.DismissSnackbarsAsync(board);
        }

        Assert.True(await board.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The board on node B reloaded instead of being updated in place.");
        var median = BoardJourney.Percentile(latencies, 50);
        Output.WriteLine($"Scan request on node A → overdue count and snackbar visible on node B, over {Repetitions} updates:");
        Output.WriteLine($"  p50 {median:F0} ms, p95 {BoardJourney.Percentile(latencies, 95):F0} ms, max {latencies.Max():F0} ms");
        Output.WriteLine($"  all: {string.Join(", ", latencies.Select(l => l.ToString("F0", CultureInfo.InvariantCulture)))}");
        await File.WriteAllTextAsync(Path.Combine(ScreenshotDirectory, "node-a.log"), nodes.A.Output);
        Assert.True(median <= Target.TotalMilliseconds, $"Node B showed node A's alerts after {median:F0} ms (median), not within {Target.TotalSeconds} s.");
    }

    [Fact]
    public async Task BothNodes_ShareOneHangfireScheduleInTheDatabase()
    {
        await using var connection = new NpgsqlConnection(nodes.A.ConnectionString);
        await connection.OpenAsync();
        // One recurring scan for the cluster, stored where a restart finds it, and both nodes' Hangfire servers taking jobs from it.
        await using var recurring = new NpgsqlCommand("SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = 'deadline-scan'", connection);
        Assert.Equal(1L, await recurring.ExecuteScalarAsync());
        // A Hangfire server announces itself from a background thread after the app started serving, so node B's
        // entry may come a moment after node B answers; wait for it rather than race it.
        await using var servers = new NpgsqlCommand("SELECT count(*) FROM hangfire.server", connection);
        var registered = (long)(await servers.ExecuteScalarAsync())!;
        for (var waited = Stopwatch.StartNew(); registered < 2 && waited.Elapsed < TimeSpan.FromSeconds(30); )
        {
            await Task.Delay(200);
            registered = (long)(await servers.ExecuteScalarAsync())!;
        }
        Assert.Equal(2L, registered);
    }

    [Fact]
    public async Task SignedInOnNodeA_OpensTheBoardOnNodeB_WithoutSigningInAgain()
    {
        var page = await NewPageAsync();
        // The browser keeps cookies per host, not per port: node B receives the cookie node A issued.
        await page.GotoAsync(new Uri(nodes.A.BaseAddress, "/dang-nhap").ToString());
        await page.Locator("input[name=UserName]").FillAsync("giamsat@h48.demo");
        await page.Locator("input[name=Password]").FillAsync(PublicService.Domain.Demo.DemoStaff.Password);
        await page.Locator("[data-testid=login-form] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(nodes.A.BaseAddress.ToString(), StringComparison.Ordinal)
                                          && !new Uri(url).AbsolutePath.StartsWith("/dang-nhap", StringComparison.Ordinal));

        await page.GotoAsync(new Uri(nodes.B.BaseAddress, "/giam-sat").ToString());

        // Node B unprotects node A's cookie with the key ring they share in the database; without it, this is the sign-in page.
        await Expect(page.Locator(OverdueCount)).ToBeVisibleAsync();
        Assert.Equal("/giam-sat", new Uri(page.Url).AbsolutePath);
        await ScreenshotAsync(page, "node-b-board-with-node-a-cookie");
    }

    private async Task<TimeSpan> ScanOnAAndWaitForBoardOnBAsync(IPage board, HttpClient nodeA, TimeSpan bound)
    {
        var before = (await board.Locator(OverdueCount).InnerTextAsync()).Trim();
        nodes.A.SetClock(await BoardJourney.NextOverdueInstantAsync(nodes.A));

        var updated = board.WaitForFunctionAsync(UpdatedScript, new object[] { OverdueCount, before },
            new PageWaitForFunctionOptions { Timeout = (float)bound.TotalMilliseconds });
        var clock = Stopwatch.StartNew();
        using var response = await nodeA.PostAsync(TestingHooks.ScanPath, null);
        response.EnsureSuccessStatusCode();
        var scan = await response.Content.ReadFromJsonAsync<DeadlineScanResult>(JsonSerializerOptions.Web)
                   ?? throw new InvalidOperationException("The scan answered nothing.");
        Assert.True(scan.Overdue > 0, $"The scan on node A at {nodes.A.Now:O} made no dossier overdue: {JsonSerializer.Serialize(scan)}");
        try
        {
            await updated;
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The board on node B did not show node A's scan at {nodes.A.Now:O} within {bound.TotalSeconds} s (overdue count still {before}).");
        }
        var elapsed = clock.Elapsed;

        var expected = (BoardJourney.ParseCount(before) + scan.Overdue).ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
        await Expect(board.Locator(OverdueCount)).ToHaveTextAsync(expected);
        await Expect(board.Locator(".mud-snackbar", new PageLocatorOptions { HasText = $"{scan.Overdue} hồ sơ vừa quá hạn" })).ToBeVisibleAsync();
        return elapsed;
    }
}
