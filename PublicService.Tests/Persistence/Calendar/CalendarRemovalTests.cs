using Microsoft.EntityFrameworkCore;
using PublicService.Domain;
using PublicService.Domain.Calendar;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Tests.Support;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Calendar;

/// <summary>Previews and removals of overrides on demo dossiers.</summary>
public abstract class CalendarRemovalTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 3, 5);
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(150, 4);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private CalendarChanges Changes() =>
        new(_database.Factory, _database.Calendars, new DeadlineRebuilder(_database.Factory, _database.Calendars),
            new PublicService.Domain.Monitoring.DeadlineScanner(_database.Factory, _database.Calendars, _database.Clock, []));

    [Fact]
    public async Task PreviewAsync_DayOff_ListsEachMovedDueDateLaterThanBefore()
    {
        var report = await Changes().PreviewAsync([new CalendarOverride(Day, CalendarOverrideKind.DayOff, "Bão", "QĐ 1")]);

        Assert.True(report.DueDatesMoved > 0);
        Assert.Equal(report.DueDatesMoved, report.Moved.Count);
        Assert.All(report.Moved, m =>
        {
            Assert.True(m.NewDueUtc > m.OldDueUtc);
            Assert.NotEqual("", m.ProcedureName);
        });
        await using var db = _database.Open();
        Assert.Empty(await db.CalendarOverrides.ToListAsync());
    }

    [Fact]
    public async Task RemoveAsync_AfterApply_MovesTheSameDueDatesBack()
    {
        var changes = Changes();
        var applied = await changes.ApplyAsync([new CalendarOverride(Day, CalendarOverrideKind.DayOff, "Bão", "QĐ 1")]);

        var preview = await changes.PreviewRemovalAsync(Day);
        var removed = await changes.RemoveAsync(Day);

        Assert.Equal(applied.DueDatesMoved, preview.DueDatesMoved);
        Assert.Equal(
            applied.Moved.Select(m => (m.Code, m.OldDueUtc)).OrderBy(m => m.Code),
            removed.Moved.Select(m => (m.Code, m.NewDueUtc)).OrderBy(m => m.Code));
        Assert.True(_database.Calendars.Current.IsWorkingDay(Day));
        await using var db = _database.Open();
        Assert.Empty(await db.CalendarOverrides.ToListAsync());
    }

    [Fact]
    public async Task PreviewRemovalAsync_NoOverrideThatDay_IsRefused()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Changes().PreviewRemovalAsync(Day));

        Assert.Equal("calendar.override.not-found", refusal.Error.Code);
    }
}

public sealed class SqliteCalendarRemovalTests() : CalendarRemovalTests(DatabaseProvider.Sqlite);

public sealed class PostgresCalendarRemovalTests() : CalendarRemovalTests(DatabaseProvider.Postgres);
