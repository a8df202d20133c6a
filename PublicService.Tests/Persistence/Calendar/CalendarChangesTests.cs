using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Tests.Support;
using static PublicService.Tests.Support.TestCalendar;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Calendar;

public abstract class CalendarChangesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.Open();
        await DemoCatalog.Build().AddToAsync(db, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DeadlineScanner Scanner => new(_database.Factory, _database.Calendars, _database.Clock, []);

    private CalendarChanges Changes =>
        new(_database.Factory, _database.Calendars, new DeadlineRebuilder(_database.Factory, _database.Calendars), Scanner);

    [Fact]
    public async Task Apply_DayOffInsideAnOverdueWindow_MovesTheDueDateAndLowersTheLevel()
    {
        var dossier = await ReceiveOneWorkingDayDossierAsync();
        Assert.Equal(Vn(2026, 3, 3, 17), dossier.DueAtUtc);
        _database.Clock.SetUtcNow(Vn(2026, 3, 4, 9));
        await Scanner.ScanAsync();
        Assert.Equal(AlertLevel.Overdue, (await LoadAsync(dossier.Id)).AlertLevel);
        var dayOff = new CalendarOverride(new DateOnly(2026, 3, 3), CalendarOverrideKind.DayOff, "Nghỉ do bão số 3", "Công văn 45/UBND-VX");

        var preview = await Changes.PreviewAsync([dayOff]);
        Assert.Equal(Vn(2026, 3, 3, 17), (await LoadAsync(dossier.Id)).DueAtUtc);
        var applied = await Changes.ApplyAsync([dayOff]);

        var moved = await LoadAsync(dossier.Id);
        Assert.Equal((1, 0, 1), (preview.Added, preview.Replaced, preview.DossiersMoved));
        Assert.Equal(1, applied.DossiersMoved);
        Assert.Equal(Vn(2026, 3, 4, 17), moved.DueAtUtc);
        Assert.Equal(AlertLevel.DueToday, moved.AlertLevel);
        Assert.Equal(DossierEventType.AlertChanged, moved.Events.OrderBy(e => e.Sequence).Last().Type);
        Assert.False(_database.Calendars.Current.IsWorkingDay(new DateOnly(2026, 3, 3)));
    }

    [Fact]
    public async Task Apply_LevelsItChanges_AreToldToTheLiveScreensAfterCommit()
    {
        var dossier = await ReceiveOneWorkingDayDossierAsync();
        _database.Clock.SetUtcNow(Vn(2026, 3, 4, 9));
        await Scanner.ScanAsync();
        var listener = new RecordingListener(_database);
        var changes = new CalendarChanges(_database.Factory, _database.Calendars, new DeadlineRebuilder(_database.Factory, _database.Calendars),
            new DeadlineScanner(_database.Factory, _database.Calendars, _database.Clock, [listener]));

        await changes.ApplyAsync([new CalendarOverride(new DateOnly(2026, 3, 3), CalendarOverrideKind.DayOff, "Nghỉ do bão số 3", "Công văn 45/UBND-VX")]);

        var told = Assert.Single(listener.Results);
        var change = Assert.Single(told.Changes, c => !c.Step);
        Assert.Equal((dossier.Id, AlertLevel.Overdue, AlertLevel.DueToday), (change.DossierId, change.From, change.To));
        Assert.Equal((1, 1, 0), (told.Changed, told.DueToday, told.Overdue));
        // Told after commit: what the listener read then was already the new level.
        Assert.Equal(AlertLevel.DueToday, listener.StoredLevels[dossier.Id]);
    }

    private sealed class RecordingListener(TestDatabase database) : IAlertChangeListener
    {
        public List<DeadlineScanResult> Results { get; } = [];
        public Dictionary<long, AlertLevel> StoredLevels { get; } = [];

        public async Task OnAlertsChangedAsync(DeadlineScanResult result, CancellationToken ct)
        {
            Results.Add(result);
            await using var db = database.Open();
            foreach (var change in result.Changes)
                StoredLevels[change.DossierId] = (await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == change.DossierId, ct)).AlertLevel;
        }
    }

    [Fact]
    public async Task Apply_SameDateTwice_IsRefusedAndStoresNothing()
    {
        var first = new CalendarOverride(new DateOnly(2026, 3, 3), CalendarOverrideKind.DayOff, "Nghỉ", "CV 1");
        var second = new CalendarOverride(new DateOnly(2026, 3, 3), CalendarOverrideKind.WorkingDay, "Làm bù", "CV 2");

        await Assert.ThrowsAsync<PublicService.Domain.DomainException>(() => Changes.ApplyAsync([first, second]));

        await using var db = _database.Open();
        Assert.Empty(await db.CalendarOverrides.ToListAsync());
    }

    private async Task<Dossier> ReceiveOneWorkingDayDossierAsync()
    {
        await using var db = _database.Open();
        var version = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Kind == ProcedureKind.OneStop && v.Status == VersionStatus.Published).OrderBy(v => v.Id).FirstAsync();
        var agency = await db.Agencies.FindAsync(version.ImplementingAgencyId);
        var terms = OneStop(1) with { Steps = [new ProcessingStepTerm(1, "Giải quyết", agency!.Id, new ProcessingTime(1, TimeUnit.WorkingDays))] };
        var dossier = Dossier.Receive(
            $"{agency.Code}-260302-0001", version.ProcedureId, version.Id, version.Cases[0].Code, Channel.InPerson, agency.Id,
            Applicant(), terms, [], Vn(2026, 3, 2, 9), "tiepnhan", Context);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        return dossier;
    }

    private async Task<Dossier> LoadAsync(long id)
    {
        await using var db = _database.Open();
        return await db.Dossiers.Include(d => d.Events).SingleAsync(d => d.Id == id);
    }
}

public sealed class SqliteCalendarChangesTests() : CalendarChangesTests(DatabaseProvider.Sqlite);

public sealed class PostgresCalendarChangesTests() : CalendarChangesTests(DatabaseProvider.Postgres);
