using Microsoft.EntityFrameworkCore;
using PublicService.Domain;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Tests.Support;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence;

/// <summary>Dossiers on a real SQLite file: codes, round trip, concurrency, rebuild.</summary>
public abstract class DossierPersistenceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.Open();
        await DemoCatalog.Build().AddToAsync(db, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DossierReception Reception => new(_database.Factory, _database.Calendars, _database.Clock);
    private DossierWorkflow Workflow => new(_database.Factory, _database.Calendars, _database.Clock);

    private async Task<ReceiveDossierCommand> CommandForAsync(ProcedureKind kind)
    {
        await using var db = _database.Open();
        var version = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Kind == kind && v.Status == VersionStatus.Published).OrderBy(v => v.Id).FirstAsync();
        var @case = version.Cases[0];
        return new ReceiveDossierCommand(version.ProcedureId, @case.Code, @case.Channels[0].Channel, version.ImplementingAgencyId,
            TestCalendar.Applicant(), @case.Documents.Select(d => d.Name).ToList());
    }

    [Fact]
    public async Task Receive_ConcurrentReceptions_IssueDistinctRunningNumbers()
    {
        var command = await CommandForAsync(ProcedureKind.OneStop);

        var dossiers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Reception.ReceiveAsync(command, "tiepnhan"))));

        var numbers = dossiers.Select(d => int.Parse(d.Code[^4..])).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 12), numbers);
        Assert.All(dossiers, d => Assert.Matches(@"^.+-260302-\d{4}$", d.Code));
    }

    [Fact]
    public async Task Receive_Saved_RoundTripsEverythingTheClockNeeds()
    {
        var received = await Reception.ReceiveAsync(await CommandForAsync(ProcedureKind.Interconnected), "tiepnhan");
        _database.Clock.Advance(TimeSpan.FromHours(2));
        await Workflow.StartProcessingAsync(received.Id, received.RowVersion, "tiepnhan", "Chuyển Sở");

        await using var db = _database.Open();
        var loaded = await db.Dossiers.Include(d => d.Events).SingleAsync(d => d.Id == received.Id);

        Assert.Equal(received.Code, loaded.Code);
        Assert.Equal(received.Terms, loaded.Terms, new TermsComparer());
        Assert.Equal("Nguyễn Văn An", loaded.Applicant.Name);
        Assert.Equal("nguyen van an", loaded.Applicant.NameSearch);
        Assert.Equal(DossierStatus.InProcess, loaded.Status);
        Assert.Equal(DateTimeKind.Utc, loaded.DueAtUtc.Kind);
        Assert.Equal([DossierEventType.Received, DossierEventType.ProcessingStarted], loaded.Events.OrderBy(e => e.Sequence).Select(e => e.Type));
        Assert.Equal("Chuyển Sở", loaded.Events.Single(e => e.Sequence == 2).Data.Note);
        Assert.Equal(Dossier.Replay(loaded.Events, TestCalendar.Context), loaded.Deadlines());
    }

    [Fact]
    public async Task Workflow_StaleRowVersion_IsRefusedWithWhoChangedItAndChangesNothing()
    {
        var dossier = await Reception.ReceiveAsync(await CommandForAsync(ProcedureKind.OneStop), "tiepnhan.lan");
        var seen = dossier.RowVersion;
        _database.Clock.Advance(TimeSpan.FromMinutes(30));
        await Workflow.StartProcessingAsync(dossier.Id, seen, "tiepnhan.lan", null);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Workflow.WithdrawAsync(dossier.Id, seen, "tiepnhan.hung", "Công dân rút"));

        Assert.Equal("dossier.concurrency.stale", refusal.Error.Code);
        Assert.Contains("tiepnhan.lan", refusal.Message);
        Assert.Contains("09:30 02/03/2026", refusal.Message);
        await using var db = _database.Open();
        Assert.Equal(DossierStatus.InProcess, (await db.Dossiers.SingleAsync(d => d.Id == dossier.Id)).Status);
    }

    [Fact]
    public async Task SaveChanges_TwoOfficersCrossing_SecondSaveFails()
    {
        var dossier = await Reception.ReceiveAsync(await CommandForAsync(ProcedureKind.OneStop), "tiepnhan");
        await using var first = _database.Open();
        await using var second = _database.Open();
        var mine = await first.Dossiers.Include(d => d.Events).SingleAsync(d => d.Id == dossier.Id);
        var theirs = await second.Dossiers.Include(d => d.Events).SingleAsync(d => d.Id == dossier.Id);
        var at = TestCalendar.Vn(2026, 3, 2, 10);

        mine.StartProcessing(at, "xuly.minh", null, TestCalendar.Context);
        await first.SaveChangesAsync();
        theirs.Withdraw(at, "tiepnhan.hung", "Công dân rút", TestCalendar.Context);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());
        await using var check = _database.Open();
        Assert.Equal(DossierStatus.InProcess, (await check.Dossiers.SingleAsync(d => d.Id == dossier.Id)).Status);
    }

    [Fact]
    public async Task Workflow_RefusedTransition_LeavesTheStoredDossierAsItWas()
    {
        var dossier = await Reception.ReceiveAsync(await CommandForAsync(ProcedureKind.OneStop), "tiepnhan");

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Workflow.ReturnResultAsync(dossier.Id, dossier.RowVersion, "tiepnhan", null));

        Assert.Equal("dossier.transition.not-allowed", refusal.Error.Code);
        await using var db = _database.Open();
        var stored = await db.Dossiers.Include(d => d.Events).SingleAsync(d => d.Id == dossier.Id);
        Assert.Equal((DossierStatus.Received, 1, dossier.RowVersion), (stored.Status, stored.Events.Count, stored.RowVersion));
    }

    [Fact]
    public async Task Rebuild_AfterDemoSeed_FindsNoDifferenceUntilTheCalendarChanges()
    {
        await new DemoSeeder(_database.Factory, _database.Calendars, _database.Clock).SeedAsync(300, 5);
        var rebuilder = new DeadlineRebuilder(_database.Factory, _database.Calendars);

        var clean = await rebuilder.RebuildAsync(dryRun: true);
        Assert.Equal((300, 0), (clean.Examined, clean.Differed));

        _database.Calendars.Replace(WorkingCalendar.Compile(WorkingCalendarSettings.Default,
            [new CalendarOverride(new DateOnly(2026, 3, 4), CalendarOverrideKind.DayOff, "Nghỉ đột xuất", "QĐ 99/QĐ-UBND")]));
        var moved = await rebuilder.RebuildAsync(dryRun: true);
        Assert.True(moved.Differed > 0);

        var rewritten = await rebuilder.RebuildAsync(dryRun: false);
        Assert.Equal(moved.Differed, rewritten.Differed);
        Assert.Equal(0, (await rebuilder.RebuildAsync(dryRun: true)).Differed);
    }

    private sealed class TermsComparer : IEqualityComparer<ProcessingTerms>
    {
        public bool Equals(ProcessingTerms? x, ProcessingTerms? y) =>
            x is not null && y is not null && x.Total == y.Total && x.SupplementMode == y.SupplementMode
            && x.AlertOverride == y.AlertOverride && x.Steps.SequenceEqual(y.Steps);

        public int GetHashCode(ProcessingTerms obj) => obj.Total.GetHashCode();
    }
}

public sealed class SqliteDossierPersistenceTests() : DossierPersistenceTests(DatabaseProvider.Sqlite);

public sealed class PostgresDossierPersistenceTests() : DossierPersistenceTests(DatabaseProvider.Postgres);
