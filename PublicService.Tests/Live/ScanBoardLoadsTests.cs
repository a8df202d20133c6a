using PublicService.Console.Live;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Staff;

namespace PublicService.Tests.Live;

public sealed class ScanBoardLoadsTests
{
    private static DeadlineScanResult Scan() => new(new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc), 1, 1, 0, 0, 1, 3, false, []);

    private static StaffScope Supervisor(string userId, params int[] agencies) => StaffScope.Of(userId, [StaffRoles.Supervisor], agencies);

    [Fact]
    public async Task Get_SameScanAgenciesAndFilter_LoadsOnceForEveryBoard()
    {
        var scan = Scan();
        var loads = 0;
        var board = new DeadlineBoard(new Dictionary<AlertLevel, int>(), [], [], [], 0, [], 0, [], [], 0);
        Task<DeadlineBoard> Load()
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult(board);
        }

        var first = await ScanBoardLoads.GetAsync(scan, Supervisor("a", 3, 5), new DeadlineBoardFilter(), Load);
        var second = await ScanBoardLoads.GetAsync(scan, Supervisor("b", 5, 3), new DeadlineBoardFilter(), Load);

        Assert.Equal(1, loads);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task Get_OtherAgenciesFilterOrScan_LoadsAgain()
    {
        var scan = Scan();
        var loads = 0;
        Task<DeadlineBoard> Load()
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult(new DeadlineBoard(new Dictionary<AlertLevel, int>(), [], [], [], 0, [], 0, [], [], 0));
        }

        await ScanBoardLoads.GetAsync(scan, Supervisor("a", 3), new DeadlineBoardFilter(), Load);
        await ScanBoardLoads.GetAsync(scan, Supervisor("b", 4), new DeadlineBoardFilter(), Load);
        await ScanBoardLoads.GetAsync(scan, Supervisor("a", 3), new DeadlineBoardFilter(Level: AlertLevel.Overdue), Load);
        await ScanBoardLoads.GetAsync(scan, StaffScope.System, new DeadlineBoardFilter(), Load);
        await ScanBoardLoads.GetAsync(Scan(), Supervisor("a", 3), new DeadlineBoardFilter(), Load);

        Assert.Equal(5, loads);
    }
}
