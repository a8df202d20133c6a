using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using PublicService.Console.Components.Pages.Monitoring;
using PublicService.Console.Live;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Tests.Support;

namespace PublicService.Tests.Components.Pages.Monitoring;

public sealed class BoardTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly AlertBroadcaster _broadcaster = new(NullLogger<AlertBroadcaster>.Instance);

    async Task IAsyncLifetime.InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Services.AddSingleton(_database.Factory);
        Services.AddSingleton(_database.Calendars);
        Services.AddSingleton(_broadcaster);
        // Seeded at the page's clock, so that the board and the data agree on "now".
        await new DemoSeeder(_database.Factory, _database.Calendars, Clock).SeedAsync(200, 11);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<int> RunningCountAsync(AlertLevel level)
    {
        await using var db = _database.Open();
        return await db.Dossiers.CountAsync(d => d.AlertLevel == level
            && (d.Status == DossierStatus.Received || d.Status == DossierStatus.InProcess));
    }

    private static string CardCount(IRenderedComponent<Board> board, AlertLevel level) =>
        board.Find($"[data-testid='level-{level}'] h4").TextContent.Trim();

    [Fact]
    public async Task Render_DemoData_ShowsCountsWithWordsBreakdownsAndTheOverdueList()
    {
        var overdue = await RunningCountAsync(AlertLevel.Overdue);

        var board = Render<Board>();

        board.WaitForAssertion(() => Assert.Equal(overdue.ToString("N0"), CardCount(board, AlertLevel.Overdue)));
        Assert.Equal("Giám sát thời hạn", board.Find("h1").TextContent.Trim());
        Assert.Contains("Quá hạn", board.Find("[data-testid='level-Overdue']").TextContent);
        Assert.Contains("Sắp đến hạn", board.Find("[data-testid='level-Approaching']").TextContent);
        Assert.Contains("Đến hạn hôm nay", board.Find("[data-testid='level-DueToday']").TextContent);
        Assert.Contains("Trong hạn", board.Find("[data-testid='level-Normal']").TextContent);
        Assert.NotEmpty(board.FindAll("[data-testid='by-agency'] tbody tr"));
        Assert.NotEmpty(board.FindAll("[data-testid='by-field'] tbody tr"));
        if (overdue > 0)
        {
            var firstRow = board.Find("[data-testid='overdue-list'] tbody tr");
            Assert.Matches(@"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", firstRow.TextContent);
            Assert.Contains("quá hạn", firstRow.TextContent);
        }
    }

    [Fact]
    public async Task Scan_PublishedByTheBroadcaster_UpdatesTheBoardWithoutReloadAndBatchesTheSnackbar()
    {
        var board = Render<Board>();
        var before = await RunningCountAsync(AlertLevel.Overdue);
        board.WaitForAssertion(() => Assert.Equal(before.ToString("N0"), CardCount(board, AlertLevel.Overdue)));
        Assert.Equal(1, _broadcaster.SubscriberCount);

        Clock.Advance(TimeSpan.FromDays(4));
        var result = await new DeadlineScanner(_database.Factory, _database.Calendars, Clock, [_broadcaster]).ScanAsync();

        Assert.True(result.Overdue > 0);
        var after = await RunningCountAsync(AlertLevel.Overdue);
        Assert.NotEqual(before, after);
        board.WaitForAssertion(() => Assert.Equal(after.ToString("N0"), CardCount(board, AlertLevel.Overdue)));
        var snackbar = Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal($"{result.Overdue} hồ sơ vừa quá hạn", snackbar.Message);
    }

    [Fact]
    public void Dispose_Board_UnsubscribesFromTheBroadcaster()
    {
        var board = Render<Board>();
        Assert.Equal(1, _broadcaster.SubscriberCount);

        board.Instance.Dispose();

        Assert.Equal(0, _broadcaster.SubscriberCount);
    }
}
