using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Monitoring;

/// <summary>The supervisor board's query on demo data: counts, breakdowns, filters and bounded lists.</summary>
public abstract class DeadlineBoardTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(400, 12);
        // Four days on, many dossiers have reached a level; the board shows what the scan wrote.
        _database.Clock.Advance(TimeSpan.FromDays(4));
        await new DeadlineScanner(_database.Factory, _database.Calendars, _database.Clock, []).ScanAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<DeadlineBoard> LoadAsync(DeadlineBoardFilter filter, int limit = DeadlineBoard.DefaultListLimit)
    {
        await using var db = _database.Open();
        return await DeadlineBoard.LoadAsync(db, _database.Calendars.Current, filter, _database.Clock.GetUtcNow().UtcDateTime, limit);
    }

    [Fact]
    public async Task Load_NoFilter_CountsRunningDossiersPerLevelAndAgreesWithTheBreakdowns()
    {
        var board = await LoadAsync(new DeadlineBoardFilter());

        await using var db = _database.Open();
        foreach (var level in Enum.GetValues<AlertLevel>())
        {
            var expected = await db.Dossiers.CountAsync(d => d.AlertLevel == level && (d.Status == DossierStatus.Received || d.Status == DossierStatus.InProcess));
            Assert.Equal(expected, board.Count(level));
            Assert.Equal(expected, board.ByAgency.Sum(g => g.Count(level)));
            Assert.Equal(expected, board.ByField.Sum(g => g.Count(level)));
        }
        Assert.True(board.Count(AlertLevel.Overdue) > 0);
        Assert.Equal(board.Count(AlertLevel.Overdue), board.OverdueTotal);
        Assert.Equal(board.Count(AlertLevel.Approaching) + board.Count(AlertLevel.DueToday), board.ApproachingTotal);
        Assert.All(board.Overdue, r => Assert.True(r.PastDue && r.WorkingMinutesLeft <= 0));
        Assert.Equal(board.Overdue.OrderBy(r => r.DueAtUtc).Select(r => r.Id), board.Overdue.Select(r => r.Id));
    }

    [Fact]
    public async Task Load_StepLevels_CountsTheRunningStepsAboveNormalAsTheScanWroteThem()
    {
        var board = await LoadAsync(new DeadlineBoardFilter());

        await using var db = _database.Open();
        var running = db.Dossiers.Where(d => d.Status == DossierStatus.Received || d.Status == DossierStatus.InProcess);
        foreach (var level in new[] { AlertLevel.Approaching, AlertLevel.DueToday, AlertLevel.Overdue })
            Assert.Equal(await running.CountAsync(d => d.StepAlertLevel == level), board.StepCount(level));
        Assert.False(board.StepCounts.ContainsKey(AlertLevel.Normal));
        // The demo's interconnected dossiers give the four-day-later scan some steps past or near their share.
        Assert.True(board.StepCounts.Values.Sum() > 0);
        // Steps are only levelled where the step has its own, earlier deadline.
        var steps = await running.Where(d => d.StepAlertLevel != AlertLevel.Normal).ToListAsync();
        Assert.All(steps, d => Assert.True(d.HasOwnStepDeadline));
    }

    [Fact]
    public async Task Load_AgencyAndLevelFilters_NarrowCountsAndLists()
    {
        var all = await LoadAsync(new DeadlineBoardFilter());
        var agency = all.ByAgency.First(g => g.Count(AlertLevel.Overdue) > 0);

        var byAgency = await LoadAsync(new DeadlineBoardFilter(AgencyId: agency.Id));
        var overdueOnly = await LoadAsync(new DeadlineBoardFilter(Level: AlertLevel.Overdue));

        Assert.Equal(agency.Total, byAgency.Counts.Values.Sum());
        Assert.Equal([agency.Id], byAgency.ByAgency.Select(g => g.Id));
        Assert.All(byAgency.Overdue, r => Assert.Equal(agency.Name, r.AgencyName));
        Assert.Empty(overdueOnly.Approaching);
        Assert.Equal(0, overdueOnly.ApproachingTotal);
        Assert.All(overdueOnly.ByField, g => Assert.Equal(g.Total, g.Count(AlertLevel.Overdue)));
    }

    [Fact]
    public async Task Load_SupplementDeadlinePassed_CountsTheDossiersAwaitingItAsOverdueSupplements()
    {
        var today = PublicService.Domain.Calendar.VietnamTime.DateOf(_database.Clock.GetUtcNow().UtcDateTime);
        await using var db = _database.Open();
        var expected = await db.Dossiers.CountAsync(d => d.Status == DossierStatus.AwaitingSupplement && d.SupplementDeadline < today);

        var board = await LoadAsync(new DeadlineBoardFilter());

        Assert.True(expected > 0);
        Assert.Equal(expected, board.OverdueSupplementTotal);
    }

    [Fact]
    public async Task Load_ListLimit_BoundsTheRowsButNotTheTotal()
    {
        var board = await LoadAsync(new DeadlineBoardFilter(), limit: 2);

        Assert.True(board.OverdueTotal > 2);
        Assert.Equal(2, board.Overdue.Count);
    }

    [Fact]
    public async Task Load_SupervisorOfOneAgency_SeesOnlyThatAgencysDossiers()
    {
        var all = await LoadAsync(new DeadlineBoardFilter());
        var agency = all.ByAgency.First(g => g.Total > 0);
        var supervisor = StaffScope.Of("giamsat", [StaffRoles.Supervisor], [agency.Id]);

        await using var db = _database.Open();
        var board = await DeadlineBoard.LoadAsync(db, _database.Calendars.Current, new DeadlineBoardFilter(),
            _database.Clock.GetUtcNow().UtcDateTime, supervisor);

        // Its dossiers are those it received or holds now (an interconnected one may be at another agency's step).
        var visible = await db.Dossiers.CountAsync(d => (d.Status == DossierStatus.Received || d.Status == DossierStatus.InProcess)
            && (d.ReceivingAgencyId == agency.Id || d.CurrentAgencyId == agency.Id));
        Assert.Equal([agency.Id], board.Agencies.Select(a => a.Id));
        Assert.Equal(visible, board.Counts.Values.Sum());
        Assert.All(board.ByAgency, g => Assert.DoesNotContain("#", g.Name));
        Assert.True(visible < all.Counts.Values.Sum());
    }
}

public sealed class SqliteDeadlineBoardTests() : DeadlineBoardTests(DatabaseProvider.Sqlite);

public sealed class PostgresDeadlineBoardTests() : DeadlineBoardTests(DatabaseProvider.Postgres);
