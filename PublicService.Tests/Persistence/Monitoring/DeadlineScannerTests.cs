using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Tests.Support;
using Xunit.Abstractions;
using static PublicService.Tests.Support.TestCalendar;

namespace PublicService.Tests.Persistence.Monitoring;

/// <summary>The deadline scan on a real database, SQLite and PostgreSQL: levels over time, idempotency, guards, crash safety, replay.</summary>
public abstract class DeadlineScannerTests(DatabaseProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private (int ProcedureId, int VersionId, int AgencyId) _intake;
    private int _codes;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.Open();
        await DemoCatalog.Build().AddToAsync(db, CancellationToken.None);
        var version = await db.ProcedureVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published).OrderBy(v => v.Id).FirstAsync();
        _intake = (version.ProcedureId, version.Id, version.ImplementingAgencyId);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DeadlineScanner Scanner(int batchSize = 500) =>
        new(_database.Factory, _database.Calendars, _database.Clock, []) { BatchSize = batchSize };

    /// <summary>Receives a dossier under <paramref name="terms"/>, plays <paramref name="history"/> and saves it.</summary>
    private async Task<long> AddAsync(ProcessingTerms terms, DateTime receivedAtUtc, Action<Dossier>? history = null)
    {
        var code = $"000.00.15.H48-260302-{++_codes:0000}";
        var dossier = Dossier.Receive(code, _intake.ProcedureId, _intake.VersionId, "default", Channel.InPerson, _intake.AgencyId,
            Applicant(), terms, ["Tờ khai"], receivedAtUtc, "tiepnhan", Context);
        history?.Invoke(dossier);
        await using var db = _database.Open();
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        return dossier.Id;
    }

    private async Task<Dossier> LoadAsync(long id)
    {
        await using var db = _database.Open();
        return await db.Dossiers.Include(d => d.Events).AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private async Task<List<AlertLevel?>> AlertTransitionsAsync(long id) =>
        (await LoadAsync(id)).Events.Where(e => e.Type == DossierEventType.AlertChanged).OrderBy(e => e.Sequence).Select(e => e.Data.ToLevel).ToList();

    /// <summary>Every dossier's columns are what its events say, its sequence numbers run 1..n, and the rebuild agrees.</summary>
    private async Task AssertReplayAgreesAsync()
    {
        await using (var db = _database.Open())
        {
            var dossiers = await db.Dossiers.Include(d => d.Events).AsSplitQuery().AsNoTracking().ToListAsync();
            Assert.All(dossiers, d =>
            {
                Assert.Equal(Dossier.Replay(d.Events, Context), d.Deadlines());
                Assert.Equal(Enumerable.Range(1, d.Events.Count), d.Events.Select(e => e.Sequence).Order());
                Assert.Equal(d.Events.Count, d.LastEventSequence);
            });
        }
        var report = await new DeadlineRebuilder(_database.Factory, _database.Calendars).RebuildAsync(dryRun: true);
        Assert.Equal(0, report.Differed);
    }

    [Fact]
    public async Task Scan_AcrossTheThresholds_RaisesOneLevelAtATimeWithAnEventEach()
    {
        // 10 working days from Monday 02/03/2026 09:00: due 16/03 17:00, 5,160 working minutes allowed (the
        // rest of the first day counts too); ≥ 75 % used once 1,290 remain, on 12/03 at 09:30.
        var id = await AddAsync(OneStop(10), Vn(2026, 3, 2, 9));
        Assert.Equal(Vn(2026, 3, 12, 9, 30), (await LoadAsync(id)).NextAlertAtUtc);
        var scanner = Scanner();

        var early = await scanner.ScanAsync(Vn(2026, 3, 12, 9, 29));
        var approaching = await scanner.ScanAsync(Vn(2026, 3, 12, 9, 30));
        var dueToday = await scanner.ScanAsync(Vn(2026, 3, 16));
        var overdue = await scanner.ScanAsync(Vn(2026, 3, 16, 17, 1));

        Assert.Equal((0, 0), (early.Scanned, early.Changed));
        Assert.Equal((1, 1, 1), (approaching.Scanned, approaching.Changed, approaching.Approaching));
        Assert.Equal((1, 1), (dueToday.Changed, dueToday.DueToday));
        Assert.Equal((1, 1), (overdue.Changed, overdue.Overdue));
        Assert.Equal([new AlertChange(id, "000.00.15.H48-260302-0001", AlertLevel.DueToday, AlertLevel.Overdue)], overdue.Changes);
        var dossier = await LoadAsync(id);
        Assert.Equal(AlertLevel.Overdue, dossier.AlertLevel);
        Assert.Null(dossier.NextAlertAtUtc);
        Assert.Equal([AlertLevel.Approaching, AlertLevel.DueToday, AlertLevel.Overdue], await AlertTransitionsAsync(id));
        Assert.Equal(DeadlineScanner.Actor, dossier.Events.OrderBy(e => e.Sequence).Last().Actor);
        await AssertReplayAgreesAsync();
    }

    [Fact]
    public async Task Scan_LateAfterSeveralThresholds_JumpsStraightToTheCurrentLevel()
    {
        var id = await AddAsync(OneStop(10), Vn(2026, 3, 2, 9));

        var result = await Scanner().ScanAsync(Vn(2026, 3, 17, 8));

        Assert.Equal((1, 1), (result.Changed, result.Overdue));
        Assert.Equal([AlertLevel.Overdue], await AlertTransitionsAsync(id));
        await AssertReplayAgreesAsync();
    }

    [Fact]
    public async Task Scan_OverTet_IsApproachingDuringTheHolidaysAndDueTodayOnlyOnTheDueDay()
    {
        // 3 working days from Wednesday 11/02/2026: Tết (16–20/02) and two weekends push the due date to 23/02 17:00.
        var id = await AddAsync(OneStop(3), Vn(2026, 2, 11, 9));
        var scanner = Scanner();

        var beforeTet = await scanner.ScanAsync(Vn(2026, 2, 13, 16, 59));
        var duringTet = await scanner.ScanAsync(Vn(2026, 2, 19, 10));
        var dueDay = await scanner.ScanAsync(Vn(2026, 2, 23, 0));

        Assert.Equal(0, beforeTet.Changed);
        Assert.Equal(1, duringTet.Approaching);
        Assert.Equal(1, dueDay.DueToday);
        Assert.Equal(Vn(2026, 2, 23, 17), (await LoadAsync(id)).DueAtUtc);
        await AssertReplayAgreesAsync();
    }

    [Fact]
    public async Task Scan_ProcedureOverride_ApproachesEarlierThanTheGlobalThresholds()
    {
        var global = await AddAsync(OneStop(10), Vn(2026, 3, 2, 9));
        var fiveDaysAhead = await AddAsync(OneStop(10, alerts: new AlertThresholds(2400, null)), Vn(2026, 3, 2, 9));

        var result = await Scanner().ScanAsync(Vn(2026, 3, 9, 17));

        Assert.Equal([fiveDaysAhead], result.Changes.Select(c => c.DossierId));
        Assert.Equal(AlertLevel.Normal, (await LoadAsync(global)).AlertLevel);
        Assert.Equal(AlertLevel.Approaching, (await LoadAsync(fiveDaysAhead)).AlertLevel);
    }

    [Fact]
    public async Task Scan_PausedForSupplement_DoesNotAdvanceAndResumesWithTheShiftedDueDate()
    {
        var id = await AddAsync(OneStop(10), Vn(2026, 3, 2, 9), d =>
        {
            d.StartProcessing(Vn(2026, 3, 2, 10), "tiepnhan", null, Context);
            d.RequestSupplement(Vn(2026, 3, 4, 9), "xuly", "Thiếu bản sao", new DateOnly(2026, 3, 20), ["Bản sao"], Context);
        });
        var scanner = Scanner();

        var whilePaused = await scanner.ScanAsync(Vn(2026, 3, 17, 9));

        Assert.Equal((0, 0), (whilePaused.Scanned, whilePaused.Changed));
        Assert.Equal(AlertLevel.Normal, (await LoadAsync(id)).AlertLevel);

        // Resumed through a dossier loaded without its history: the stored sequence number continues it.
        await using (var db = _database.Open())
        {
            var dossier = await db.Dossiers.SingleAsync(d => d.Id == id);
            dossier.ReceiveSupplement(Vn(2026, 3, 18, 9), "tiepnhan", null, Context);
            await db.SaveChangesAsync();
        }
        var resumed = await LoadAsync(id);
        Assert.Equal(Vn(2026, 3, 30, 17), resumed.DueAtUtc);

        var stillNormal = await scanner.ScanAsync(Vn(2026, 3, 20, 9));
        var overdue = await scanner.ScanAsync(Vn(2026, 3, 30, 17, 1));

        Assert.Equal(0, stillNormal.Changed);
        Assert.Equal(1, overdue.Overdue);
        await AssertReplayAgreesAsync();
    }

    [Fact]
    public async Task Scan_ThresholdsLoosenedSinceTheLastWrite_MovesTheNextInstantWithoutAnEvent()
    {
        var id = await AddAsync(OneStop(10), Vn(2026, 3, 2, 9));
        await using (var db = _database.Open())
        {
            var settings = await db.CenterSettings.SingleAsync();
            settings.ChangeAlerts(new AlertThresholds(60, null));
            await db.SaveChangesAsync();
        }
        var scanner = Scanner();

        var first = await scanner.ScanAsync(Vn(2026, 3, 12, 10));
        var second = await scanner.ScanAsync(Vn(2026, 3, 12, 10));

        Assert.Equal((1, 0), (first.Scanned, first.Changed));
        Assert.Equal((0, 0), (second.Scanned, second.Changed));
        var dossier = await LoadAsync(id);
        Assert.Equal((AlertLevel.Normal, Vn(2026, 3, 16)), (dossier.AlertLevel, dossier.NextAlertAtUtc));
        Assert.Single(dossier.Events);
        Assert.Equal(0, (await new DeadlineRebuilder(_database.Factory, _database.Calendars).RebuildAsync(dryRun: true)).Differed);
    }

    [Fact]
    public async Task RelevelAll_AfterNewDaysOffMovedTheDueDateLater_LowersAStuckOverdueLevelWithAnEvent()
    {
        var id = await AddAsync(OneStop(10), Vn(2026, 3, 2, 9));
        var scanner = Scanner();
        Assert.Equal(1, (await scanner.ScanAsync(Vn(2026, 3, 17, 8))).Overdue);
        // Two decreed days off inside the period: due 18/03 17:00 instead of 16/03.
        _database.Calendars.Replace(PublicService.Domain.Calendar.WorkingCalendar.Compile(PublicService.Domain.Calendar.WorkingCalendarSettings.Default,
        [
            new(new DateOnly(2026, 3, 13), PublicService.Domain.Calendar.CalendarOverrideKind.DayOff, "Nghỉ đột xuất", "QĐ 99/QĐ-UBND"),
            new(new DateOnly(2026, 3, 16), PublicService.Domain.Calendar.CalendarOverrideKind.DayOff, "Nghỉ đột xuất", "QĐ 99/QĐ-UBND"),
        ]));
        var rebuilder = new DeadlineRebuilder(_database.Factory, _database.Calendars);
        Assert.Equal(1, (await rebuilder.RebuildAsync(dryRun: false)).Differed);

        var scan = await scanner.ScanAsync(Vn(2026, 3, 17, 9));
        var relevel = await scanner.RelevelAllAsync(Vn(2026, 3, 17, 9));
        var again = await scanner.RelevelAllAsync(Vn(2026, 3, 17, 9));

        Assert.Equal(0, scan.Scanned);
        Assert.Equal([new AlertChange(id, "000.00.15.H48-260302-0001", AlertLevel.Overdue, AlertLevel.Approaching)], relevel.Changes);
        Assert.Equal(0, again.Changed);
        var dossier = await LoadAsync(id);
        Assert.Equal((Vn(2026, 3, 18, 17), Vn(2026, 3, 18)), (dossier.DueAtUtc, dossier.NextAlertAtUtc));
        Assert.Equal(0, (await rebuilder.RebuildAsync(dryRun: true)).Differed);
    }

    [Fact]
    public async Task Workflow_AfterTheScanRaisedTheLevel_StillAcceptsTheOfficersVersion()
    {
        var id = await AddAsync(OneStop(10), Vn(2026, 3, 2, 9), d => d.StartProcessing(Vn(2026, 3, 2, 10), "tiepnhan", null, Context));
        var seen = (await LoadAsync(id)).RowVersion;
        await Scanner().ScanAsync(Vn(2026, 3, 17, 8));
        _database.Clock.SetUtcNow(Vn(2026, 3, 17, 9));
        var workflow = new DossierWorkflow(_database.Factory, _database.Calendars, _database.Clock);

        var done = await workflow.RecordResultAsync(id, seen, "xuly.minh", "Đã có kết quả");

        Assert.Equal(DossierStatus.ResultReady, done.Status);
        var refused = await Assert.ThrowsAsync<PublicService.Domain.DomainException>(() => workflow.ReturnResultAsync(id, seen, "tiepnhan", null));
        Assert.Contains("xuly.minh", refused.Message);
        await AssertReplayAgreesAsync();
    }

    [Fact]
    public async Task Scan_InterconnectedStep_RaisesTheStepLevelOnlyThenResetsAtTheHandOver()
    {
        // 4 + 3 + 3 working days from Mon 02/03/2026: step 1 due Fri 06/03 17:00, the dossier Mon 16/03 17:00.
        var id = await AddAsync(Interconnected(4, 3, 3), Vn(2026, 3, 2, 8), d => d.StartProcessing(Vn(2026, 3, 2, 8, 30), "tiepnhan", null, Context));

        var approaching = await Scanner().ScanAsync(Vn(2026, 3, 5, 17, 30));
        var again = await Scanner().ScanAsync(Vn(2026, 3, 5, 17, 30));

        Assert.Equal([new AlertChange(id, "000.00.15.H48-260302-0001", AlertLevel.Normal, AlertLevel.Approaching, Step: true)], approaching.Changes);
        Assert.Equal((0, 1), (approaching.Changed, approaching.StepChanged));
        Assert.Equal((0, 0), (again.Scanned, again.Changes.Count));
        var stored = await LoadAsync(id);
        Assert.Equal((AlertLevel.Normal, AlertLevel.Approaching, Vn(2026, 3, 6)), (stored.AlertLevel, stored.StepAlertLevel, stored.NextAlertAtUtc!.Value));

        var workflow = new DossierWorkflow(_database.Factory, _database.Calendars, _database.Clock);
        _database.Clock.SetUtcNow(Vn(2026, 3, 6, 9));
        await Scanner().ScanAsync(Vn(2026, 3, 6, 9));
        var moved = await workflow.TransferToNextStepAsync(id, (await LoadAsync(id)).RowVersion, "xuly", null);

        Assert.Equal((2, AlertLevel.Normal, Vn(2026, 3, 10, 17)), (moved.CurrentStep, moved.StepAlertLevel, moved.NextAlertAtUtc!.Value));
        Assert.Equal([AlertLevel.Approaching, AlertLevel.DueToday], await AlertTransitionsAsync(id));
        await AssertReplayAgreesAsync();
    }

    [Fact]
    public async Task Scan_TwiceAtTheSameInstant_ChangesNothingTheSecondTime()
    {
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(300, 5);
        var now = _database.Clock.GetUtcNow().UtcDateTime.AddDays(3);
        var scanner = Scanner(batchSize: 40);

        var first = await scanner.ScanAsync(now);
        var second = await scanner.ScanAsync(now);

        Assert.True(first.Changed > 0);
        Assert.Equal((0, 0), (second.Scanned, second.Changed));
        await AssertReplayAgreesAsync();
    }

    [Fact]
    public async Task DemoSeeder_LeavesNothingDueAtItsOwnInstant_StepLevelsIncluded()
    {
        // The bench picks its scan instant among the next alert instants: one left in the past (a step level the
        // generator did not bring up to date) would be "due" before the dossier's latest change, where nothing may be written.
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(600, 9);
        var now = _database.Clock.GetUtcNow().UtcDateTime;
        await using (var db = _database.Open())
        {
            Assert.True(await db.Dossiers.CountAsync(d => d.StepDueAtUtc != null && d.StepDueAtUtc < d.DueAtUtc && d.StepAlertLevel != AlertLevel.Normal) > 0);
            Assert.Equal(0, await DeadlineScanner.DueDossierIds(db, now).CountAsync());
        }

        var result = await Scanner().ScanAsync(now);

        Assert.Equal((0, 0), (result.Scanned, result.Changes.Count));
        await AssertReplayAgreesAsync();
    }

    [Fact]
    public async Task Scan_TwoScannersAtOnce_WriteEachChangeOnce()
    {
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(300, 6);
        var now = _database.Clock.GetUtcNow().UtcDateTime.AddDays(3);
        await using (var db = _database.Open())
        {
            var expected = await DeadlineScanner.DueDossierIds(db, now).CountAsync();
            Assert.True(expected > 0);
        }

        // Two scanners stand for two processes: each has its own semaphore, only the lease row is shared.
        var results = await Task.WhenAll(
            Task.Run(() => Scanner(batchSize: 20).ScanAsync(now)),
            Task.Run(() => Scanner(batchSize: 20).ScanAsync(now)),
            Task.Run(() => Scanner(batchSize: 20).ScanAsync(now)));
        var after = await Scanner().ScanAsync(now);

        await using var check = _database.Open();
        // At most one change of the dossier's level and one of its step's level per dossier.
        var atNow = (await check.DossierEvents.Where(e => e.Type == DossierEventType.AlertChanged && e.AtUtc == now)
            .Select(e => new { e.DossierId, e.DataJson }).ToListAsync())
            .Select(e => (e.DossierId, Step: DossierEventData.FromJson(e.DataJson).Step == true)).ToList();
        Assert.Equal(atNow.Count, atNow.Distinct().Count());
        Assert.Equal(atNow.Count, results.Sum(r => r.Changes.Count));
        Assert.Equal(atNow.Count(e => !e.Step), results.Sum(r => r.Changed));
        Assert.Empty(after.Changes);
        await AssertReplayAgreesAsync();
    }

    [Fact]
    public async Task Scan_SameScannerTwiceAtOnce_OneRunIsSkippedOrFindsNothing()
    {
        await AddAsync(OneStop(10), Vn(2026, 3, 2, 9));
        var scanner = Scanner();

        var results = await Task.WhenAll(Task.Run(() => scanner.ScanAsync(Vn(2026, 3, 17))), Task.Run(() => scanner.ScanAsync(Vn(2026, 3, 17))));

        Assert.Equal(1, results.Sum(r => r.Changed));
        Assert.Equal([AlertLevel.Overdue], await AlertTransitionsAsync(1));
    }

    [Fact]
    public async Task Scan_LeaseHeldByAnotherProcess_IsSkippedUntilTheLeaseExpires()
    {
        await AddAsync(OneStop(10), Vn(2026, 3, 2, 9));
        var wallNow = _database.Clock.GetUtcNow().UtcDateTime;
        await using (var db = _database.Open())
        {
            await db.ScanLeases.ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Holder, "other-node/42/run")
                .SetProperty(l => l.ExpiresAtUtc, wallNow.AddMinutes(5)));
        }

        var blocked = await Scanner().ScanAsync(Vn(2026, 3, 17));
        _database.Clock.Advance(TimeSpan.FromMinutes(6));
        var afterExpiry = await Scanner().ScanAsync(Vn(2026, 3, 17));

        Assert.True(blocked.Skipped);
        Assert.Equal(0, blocked.Changed);
        Assert.False(afterExpiry.Skipped);
        Assert.Equal(1, afterExpiry.Overdue);
        await using var check = _database.Open();
        Assert.Null((await check.ScanLeases.SingleAsync()).Holder);
    }

    [Fact]
    public async Task Scan_WhileAWorkflowActionIsUncommitted_WaitsForItAndWritesOnTopOfIt()
    {
        var id = await AddAsync(OneStop(10), Vn(2026, 3, 2, 9));
        // A workflow action in its own context, saved but not yet committed when the scan starts.
        await using var action = _database.Open();
        await using var transaction = await action.Database.BeginTransactionAsync();
        var dossier = await action.Dossiers.SingleAsync(d => d.Id == id);
        dossier.StartProcessing(Vn(2026, 3, 2, 10), "tiepnhan", null, Context);
        await action.SaveChangesAsync();

        var scan = Task.Run(() => Scanner().ScanAsync(Vn(2026, 3, 17)));
        await _database.WaitUntilSomeoneWaitsForALockAsync(scan);
        await transaction.CommitAsync();
        var result = await scan;

        // The scan read the dossier as the action left it (not a stale copy refused by the RowVersion guard).
        Assert.Equal(1, result.Overdue);
        var stored = await LoadAsync(id);
        Assert.Equal((DossierStatus.InProcess, AlertLevel.Overdue), (stored.Status, stored.AlertLevel));
        Assert.Equal(DossierEventType.AlertChanged, stored.Events.MaxBy(e => e.Sequence)!.Type);
        await AssertReplayAgreesAsync();
    }

    [Fact]
    public async Task Scan_CrashAfterSomeBatches_WritesNothingAndTheNextRunDoesItAllOnce()
    {
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(300, 7);
        var now = _database.Clock.GetUtcNow().UtcDateTime.AddDays(3);
        var before = await SnapshotAsync();
        // The database itself fails the 26th event the scan writes, i.e. in its third batch of ten.
        await using (var db = _database.Open())
        {
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres
                ? """
                  CREATE FUNCTION fail_mid_scan() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN
                      IF (SELECT COUNT(*) FROM "DossierEvents" WHERE "AtUtc" = NEW."AtUtc" AND "Type" = 'AlertChanged') >= 25 THEN
                          RAISE EXCEPTION 'disk gone';
                      END IF;
                      RETURN NEW;
                  END $$;
                  CREATE TRIGGER fail_mid_scan BEFORE INSERT ON "DossierEvents" FOR EACH ROW EXECUTE FUNCTION fail_mid_scan();
                  """
                : """
                  CREATE TRIGGER fail_mid_scan BEFORE INSERT ON "DossierEvents"
                  WHEN (SELECT COUNT(*) FROM "DossierEvents" WHERE "AtUtc" = NEW."AtUtc" AND "Type" = 'AlertChanged') >= 25
                  BEGIN SELECT RAISE(ABORT, 'disk gone'); END;
                  """);
        }

        var crash = await Assert.ThrowsAnyAsync<DbException>(() => Scanner(batchSize: 10).ScanAsync(now));

        Assert.Contains("disk gone", crash.Message);
        Assert.Equal(before, await SnapshotAsync());
        await using (var db = _database.Open())
        {
            Assert.Null((await db.ScanLeases.SingleAsync()).Holder);
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres ? "DROP TRIGGER fail_mid_scan ON \"DossierEvents\";" : "DROP TRIGGER fail_mid_scan;");
        }
        var retried = await Scanner(batchSize: 10).ScanAsync(now);
        Assert.True(retried.Changed > 25);
        await using (var db = _database.Open())
            Assert.Equal(retried.Changes.Count, await db.DossierEvents.CountAsync(e => e.Type == DossierEventType.AlertChanged && e.AtUtc == now));
        await AssertReplayAgreesAsync();
    }

    [Fact]
    public async Task Scan_ThreeThousandDossiers_IsFastAndSeeksTheIndex()
    {
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(3000, 8);
        var now = _database.Clock.GetUtcNow().UtcDateTime.AddDays(5);
        await using (var db = _database.Open())
        {
            await QueryPlan.AnalyzeAsync(db);
            var plan = string.Join(" | ", await QueryPlan.ExplainAsync(db, DeadlineScanner.DueDossierIds(db, now)));
            output.WriteLine(plan);
            Assert.Contains("IX_Dossiers_NextAlertAtUtc", plan);
            Assert.DoesNotContain("SCAN Dossiers", plan.Replace("USING COVERING INDEX", "").Replace("USING INDEX", ""), StringComparison.Ordinal);
            Assert.DoesNotContain("Seq Scan on \"Dossiers\"", plan, StringComparison.Ordinal);
        }

        var watch = Stopwatch.StartNew();
        var result = await Scanner().ScanAsync(now);
        watch.Stop();
        var quiet = await Scanner().ScanAsync(now);

        output.WriteLine($"scanned {result.Scanned}, changed {result.Changed} in {watch.ElapsedMilliseconds} ms; second run {quiet.ElapsedMs} ms");
        Assert.True(result.Changed > 100);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the scan took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(0, quiet.Changed);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = _database.Open();
        var rows = await db.Dossiers.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.AlertLevel, d.NextAlertAtUtc, d.RowVersion, d.LastEventSequence }).ToListAsync();
        return $"{await db.DossierEvents.CountAsync()} events; " + string.Join(";", rows);
    }
}

public sealed class SqliteDeadlineScannerTests(ITestOutputHelper output) : DeadlineScannerTests(DatabaseProvider.Sqlite, output);

public sealed class PostgresDeadlineScannerTests(ITestOutputHelper output) : DeadlineScannerTests(DatabaseProvider.Postgres, output);
