using PublicService.Domain.Calendar;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;
using PublicService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace PublicService.Tests.Persistence.Calendar;

/// <summary>The set-based recompute after a new day off must leave exactly what a full rebuild from the events gives.</summary>
public abstract class DayOffDeadlinesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(300, 7);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(3)]
    [InlineData(-4)]
    public async Task RecomputeAsync_NewDayOff_AgreesWithTheRebuilder(int workingDaysFromToday)
    {
        var now = _database.Clock.GetUtcNow().UtcDateTime;
        var day = _database.Calendars.Current.AddWorkingDays(VietnamTime.DateOf(now), workingDaysFromToday);
        var context = await ContextWithDayOffAsync(day);

        DayOffRecomputeReport report;
        await using (var db = _database.Open())
            report = await DayOffDeadlines.RecomputeAsync(db, context, day, day, now);
        var rebuilt = await new DeadlineRebuilder(_database.Factory, _database.Calendars).RebuildAsync(dryRun: true, context.Calendar);

        Assert.True(report.Moved > 0, $"{report}");
        Assert.Equal(0, rebuilt.Differed);
    }

    [Fact]
    public async Task RecomputeAsync_DayOffInTheRunningWindows_LeavesEveryLevelAsTheMovedScheduleGivesNow()
    {
        var now = _database.Clock.GetUtcNow().UtcDateTime;
        await using (var db = _database.Open())
        {
            var context = await db.LoadDeadlineContextAsync(_database.Calendars);
            var scanned = await db.Dossiers.ToListAsync();
            foreach (var dossier in scanned)
            {
                dossier.ChangeAlertLevel(now, dossier.LevelAt(now, context), "test", context);
                dossier.ChangeStepAlertLevel(now, dossier.StepLevelAt(now, context), "test", context);
            }
            await db.SaveChangesAsync();
            Assert.Contains(scanned, d => d.Status.IsRunning() && d.HasOwnStepDeadline && d.StepAlertLevel != AlertLevel.Normal);
        }
        // A day off in the past of the running windows moves due dates later: levels must come down, the steps' too.
        var day = _database.Calendars.Current.AddWorkingDays(VietnamTime.DateOf(now), -1);
        var moved = await ContextWithDayOffAsync(day);

        await using (var db = _database.Open())
            Assert.True((await DayOffDeadlines.RecomputeAsync(db, moved, day, day, now)).Relevelled > 0);

        await using var check = _database.Open();
        var running = (await check.Dossiers.AsNoTracking().ToListAsync()).Where(d => d.Status.IsRunning() && d.LastChangedAtUtc <= now).ToList();
        Assert.All(running, d => Assert.Equal((d.LevelAt(now, moved), d.StepLevelAt(now, moved)), (d.AlertLevel, d.StepAlertLevel)));
    }

    [Fact]
    public async Task RecomputeAsync_DayOffAfterEveryDueDate_MovesNothing()
    {
        var day = new DateOnly(2027, 6, 1);
        var context = await ContextWithDayOffAsync(day);

        await using var db = _database.Open();
        var report = await DayOffDeadlines.RecomputeAsync(db, context, day, day, _database.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal((0, 0, 0, 0), (report.Examined, report.Moved, report.Relevelled, report.DueMoved));
    }

    private async Task<DeadlineContext> ContextWithDayOffAsync(DateOnly day)
    {
        await using var db = _database.Open();
        var settings = await db.LoadSettingsAsync();
        var overrides = await db.CalendarOverrides.AsNoTracking().ToListAsync();
        var dayOff = new CalendarOverride(day, CalendarOverrideKind.DayOff, "Nghỉ đột xuất do bão", "Công văn 12/UBND-KGVX");
        return new DeadlineContext(WorkingCalendar.Compile(settings.Calendar, overrides.Append(dayOff)), settings.Alerts);
    }
}

public sealed class SqliteDayOffDeadlinesTests() : DayOffDeadlinesTests(DatabaseProvider.Sqlite);

public sealed class PostgresDayOffDeadlinesTests() : DayOffDeadlinesTests(DatabaseProvider.Postgres);
