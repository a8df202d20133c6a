using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;
using PublicService.Tests.Support;

namespace PublicService.Tests.Persistence.Monitoring;

/// <summary>The triggers keep the board counters equal to a GROUP BY over the dossiers, whoever writes.</summary>
public abstract class BoardCountersTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Counters_AfterReceptionsTransitionsScansCalendarRecomputeAndRebuild_EqualAGroupByOverTheDossiers()
    {
        // Receptions and every workflow verb, through the real Dossier verbs and SaveChanges.
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(300, 5);
        var seeded = await AssertCountersMatchAsync();
        Assert.Contains(seeded, r => r.Status == nameof(DossierStatus.InProcess) && r.CurrentAgencyId != r.ReceivingAgencyId);

        // The scan's prepared statements: levels rise.
        _database.Clock.Advance(TimeSpan.FromDays(4));
        var scanner = new DeadlineScanner(_database.Factory, _database.Calendars, _database.Clock, []);
        Assert.True((await scanner.ScanAsync()).Changed > 0);
        var scanned = await AssertCountersMatchAsync();
        Assert.NotEqual(seeded, scanned);

        // A day off tomorrow: the set-based recompute moves deadlines and lowers levels.
        var now = _database.Clock.GetUtcNow().UtcDateTime;
        var day = _database.Calendars.Current.AddWorkingDays(VietnamTime.DateOf(now), 1);
        DeadlineContext context;
        await using (var db = _database.Open())
        {
            var settings = await db.LoadSettingsAsync();
            var overrides = await db.CalendarOverrides.AsNoTracking().ToListAsync();
            var dayOff = new CalendarOverride(day, CalendarOverrideKind.DayOff, "Nghỉ đột xuất do bão", "Công văn 12/UBND-KGVX");
            context = new DeadlineContext(WorkingCalendar.Compile(settings.Calendar, overrides.Append(dayOff)), settings.Alerts);
            Assert.True((await DayOffDeadlines.RecomputeAsync(db, context, day, day, now)).Moved > 0);
        }
        await AssertCountersMatchAsync();

        // The full rebuild under the old calendar puts the deadlines back through EF's SaveChanges; a re-level follows.
        Assert.True((await new DeadlineRebuilder(_database.Factory, _database.Calendars).RebuildAsync(dryRun: false)).Differed > 0);
        await scanner.RelevelAllAsync();
        await AssertCountersMatchAsync();

        // Raw SQL too: a deleted dossier leaves its group.
        await using (var db = _database.Open())
        {
            var id = await db.Dossiers.Where(d => d.Status == DossierStatus.InProcess).Select(d => d.Id).FirstAsync();
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "DossierEvents" WHERE "DossierId" = {id}""");
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "Dossiers" WHERE "Id" = {id}""");
        }
        await AssertCountersMatchAsync();
    }

    private sealed record Group(int? CurrentAgencyId, int ReceivingAgencyId, int FieldId, string Status, string AlertLevel, int Count);

    /// <summary>Compares the non-zero counters with the GROUP BY they replace; returns the groups.</summary>
    private async Task<List<Group>> AssertCountersMatchAsync()
    {
        await using var db = _database.Open();
        var expected = await db.Database.SqlQueryRaw<Group>(
            """
            SELECT coalesce(d."CurrentAgencyId", d."ReceivingAgencyId") AS "CurrentAgencyId", d."ReceivingAgencyId", v."FieldId", d."Status", d."AlertLevel", CAST(count(*) AS INTEGER) AS "Count"
            FROM "Dossiers" d JOIN "ProcedureVersions" v ON v."Id" = d."ProcedureVersionId"
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            """).ToListAsync();
        var counters = await db.Database.SqlQueryRaw<Group>(
            """
            SELECT "AgencyId" AS "CurrentAgencyId", "ReceivingAgencyId", "FieldId", "Status", "AlertLevel", "Count"
            FROM "BoardCounters" WHERE "Count" <> 0 ORDER BY 1, 2, 3, 4, 5
            """).ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, counters);
        return expected;
    }
}

public sealed class SqliteBoardCountersTests() : BoardCountersTests(DatabaseProvider.Sqlite);

public sealed class PostgresBoardCountersTests() : BoardCountersTests(DatabaseProvider.Postgres);
