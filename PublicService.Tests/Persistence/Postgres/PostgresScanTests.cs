using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;
using PublicService.Tests.Support;

namespace PublicService.Tests.Persistence.Postgres;

/// <summary>
/// The scan and the calendar recompute on PostgreSQL, where <c>ScanWriter</c> sends a batch's rows as arrays
/// (<c>PostgresScanBatch</c>) instead of a statement per row: the same columns, events and counters as SQLite's path.
/// </summary>
public sealed class PostgresScanTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ScanInBatches_WritesWhatAReplayGives_OnceOnly_AndKeepsTheCountersExact()
    {
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(300, 5);
        var now = _database.Clock.GetUtcNow().UtcDateTime.AddDays(3);
        var scanner = new DeadlineScanner(_database.Factory, _database.Calendars, _database.Clock, []) { BatchSize = 4 };

        var first = await scanner.ScanAsync(now);
        var second = await scanner.ScanAsync(now);

        Assert.True(first.Changed > 8, $"{first.Changed} changes: the batches must be exercised");
        Assert.Equal((0, 0), (second.Scanned, second.Changed));
        await using (var db = _database.Open())
        {
            var changed = first.Changes.Select(c => c.DossierId).Distinct().ToList();
            var events = await db.DossierEvents.AsNoTracking()
                .Where(e => changed.Contains(e.DossierId) && e.Type == DossierEventType.AlertChanged && e.AtUtc == now).CountAsync();
            Assert.Equal(first.Changes.Count, events);
            var dossiers = await db.Dossiers.Include(d => d.Events).AsSplitQuery().AsNoTracking().ToListAsync();
            Assert.All(dossiers, d =>
            {
                Assert.Equal(Dossier.Replay(d.Events, TestCalendar.Context), d.Deadlines());
                Assert.Equal(Enumerable.Range(1, d.Events.Count), d.Events.Select(e => e.Sequence).Order());
                Assert.Equal(d.Events.Count, d.LastEventSequence);
            });
        }
        await AssertCountersMatchAsync();

        // A day off tomorrow: the recompute writes through the same batches.
        var day = _database.Calendars.Current.AddWorkingDays(VietnamTime.DateOf(now), 1);
        await using (var db = _database.Open())
        {
            var settings = await db.LoadSettingsAsync();
            var dayOff = new CalendarOverride(day, CalendarOverrideKind.DayOff, "Nghỉ đột xuất do bão", "Công văn 12/UBND-KGVX");
            var context = new DeadlineContext(WorkingCalendar.Compile(settings.Calendar, [dayOff]), settings.Alerts);
            var report = await DayOffDeadlines.RecomputeAsync(db, context, day, day, now);
            Assert.True(report.DueMoved > 0);
            var moved = report.MovedDueDates[0];
            Assert.Equal(moved.NewDueUtc, await db.Dossiers.Where(d => d.Id == moved.DossierId).Select(d => d.DueAtUtc).SingleAsync());
        }
        await AssertCountersMatchAsync();
    }

    private sealed record Group(int AgencyId, int ReceivingAgencyId, int FieldId, string Status, string AlertLevel, int Count);

    private async Task AssertCountersMatchAsync()
    {
        await using var db = _database.Open();
        var expected = await db.Database.SqlQueryRaw<Group>(
            """
            SELECT coalesce(d."CurrentAgencyId", d."ReceivingAgencyId") AS "AgencyId", d."ReceivingAgencyId", v."FieldId", d."Status", d."AlertLevel", count(*)::int AS "Count"
            FROM "Dossiers" d JOIN "ProcedureVersions" v ON v."Id" = d."ProcedureVersionId"
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            """).ToListAsync();
        var counters = await db.Database.SqlQueryRaw<Group>(
            """
            SELECT "AgencyId", "ReceivingAgencyId", "FieldId", "Status", "AlertLevel", "Count"
            FROM "BoardCounters" WHERE "Count" <> 0 ORDER BY 1, 2, 3, 4, 5
            """).ToListAsync();
        Assert.Equal(expected, counters);
    }
}
