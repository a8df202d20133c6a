using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PublicService.Domain;
using PublicService.Domain.Audit;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Tests.Support;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Catalog;

/// <summary>The editor's writes, each in its own context as the page makes them.</summary>
public abstract class ProcedureEditingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private ProcedureEditing _editing = null!;
    private int _id;
    private DemoCatalog _demo = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _editing = new ProcedureEditing(_database.Factory, _clock);
        _demo = DemoCatalog.Build();
        await using var db = _database.Open();
        await _demo.AddToAsync(db);
        _id = _demo.Procedures[0].Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Procedure> StoredAsync()
    {
        await using var db = _database.Open();
        return await db.Procedures.AsNoTracking().SingleAsync(p => p.Id == _id);
    }

    [Fact]
    public async Task DraftSavePublish_InTurn_StoreVersionTwoInForceFromTheDate()
    {
        var start = (await _editing.FindAsync(_id))!;

        var drafted = await _editing.CreateDraftAsync(_id, start.RowVersion);
        var content = drafted.Draft!.ToContent() with { Name = "Tên đã sửa", DecisionNumber = "99/QĐ-UBND" };
        var saved = await _editing.SaveDraftAsync(_id, drafted.RowVersion, content);
        var published = await _editing.PublishAsync(_id, saved.RowVersion, new DateOnly(2026, 3, 1));

        var stored = await StoredAsync();
        Assert.Equal(published.RowVersion, stored.RowVersion);
        var version = Assert.Single(stored.Versions, v => v.Number == 2);
        Assert.Equal(VersionStatus.Published, version.Status);
        Assert.Equal(new DateOnly(2026, 3, 1), version.EffectiveFrom);
        Assert.Equal("Tên đã sửa", version.Name);
        Assert.Equal("99/QĐ-UBND", version.DecisionNumber);
        Assert.NotEqual("Tên đã sửa", stored.Versions.Single(v => v.Number == 1).Name);
    }

    [Fact]
    public async Task SaveDraftAsync_StaleRowVersion_RefusedAndNothingChanged()
    {
        var mine = (await _editing.FindAsync(_id))!;
        var drafted = await _editing.CreateDraftAsync(_id, mine.RowVersion);
        var theirs = await _editing.SaveDraftAsync(_id, drafted.RowVersion, drafted.Draft!.ToContent() with { Name = "Bản của người khác" });

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            _editing.SaveDraftAsync(_id, drafted.RowVersion, drafted.Draft!.ToContent() with { Name = "Bản của tôi" }));

        Assert.Equal(ProcedureEditing.StaleCode, refusal.Error.Code);
        Assert.Contains("người khác thay đổi", refusal.Error.Message);
        var stored = await StoredAsync();
        Assert.Equal(theirs.RowVersion, stored.RowVersion);
        Assert.Equal("Bản của người khác", stored.Draft!.Name);
    }

    [Fact]
    public async Task SaveDraftAsync_InvalidContent_RefusedWithTheFieldAtFault()
    {
        var drafted = await _editing.CreateDraftAsync(_id, (await _editing.FindAsync(_id))!.RowVersion);

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            _editing.SaveDraftAsync(_id, drafted.RowVersion, drafted.Draft!.ToContent() with { DecisionNumber = "  " }));

        Assert.Equal(nameof(ProcedureContent.DecisionNumber), refusal.Error.Field);
        Assert.Equal(drafted.RowVersion, (await StoredAsync()).RowVersion);
    }

    [Fact]
    public async Task SaveAndPublishAsync_DateNotAfterTheLast_LeavesTheStoredDraftAsItWas()
    {
        var drafted = await _editing.CreateDraftAsync(_id, (await _editing.FindAsync(_id))!.RowVersion);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => _editing.SaveAndPublishAsync(
            _id, drafted.RowVersion, drafted.Draft!.ToContent() with { Name = "Không được lưu" }, DemoCatalog.EffectiveFrom));

        Assert.Equal(nameof(ProcedureVersion.EffectiveFrom), refusal.Error.Field);
        var stored = await StoredAsync();
        Assert.Equal(VersionStatus.Draft, stored.Draft!.Status);
        Assert.NotEqual("Không được lưu", stored.Draft.Name);
    }

    [Fact]
    public async Task DiscardDraftAsync_RemovesTheDraftOnly()
    {
        var drafted = await _editing.CreateDraftAsync(_id, (await _editing.FindAsync(_id))!.RowVersion);

        await _editing.DiscardDraftAsync(_id, drafted.RowVersion);

        var stored = await StoredAsync();
        Assert.Null(stored.Draft);
        Assert.Equal(VersionStatus.Published, Assert.Single(stored.Versions).Status);
    }

    private static readonly DateOnly Today = new(2026, 1, 5);

    private NewProcedure NewOne(DemoCatalog demo) => new()
    {
        Code = "1.009999",
        DecisionNumber = "15/QĐ-UBND",
        Name = "Cấp giấy phép khai thác nước dưới đất",
        FieldId = demo.Fields[0].Id,
        LevelIds = [demo.Levels[0].Id],
        ImplementingAgencyId = demo.Agencies[0].Id,
        ResultName = "Giấy phép",
        TimeAmount = 7,
    };

    private async Task<(DemoCatalog Demo, Procedure Stored)> DemoAndStoredAsync() => (_demo, await StoredAsync());

    [Fact]
    public async Task CreateAsync_NewCode_StoresAVersionOneDraftAndAuditsIt()
    {
        var (demo, _) = await DemoAndStoredAsync();

        var created = await _editing.CreateAsync(NewOne(demo), "bientap@h48.demo");

        await using var db = _database.Open();
        var stored = await db.Procedures.AsNoTracking().SingleAsync(p => p.Id == created.Id);
        Assert.Equal("1.009999", stored.Code);
        var draft = Assert.Single(stored.Versions);
        Assert.Equal((1, VersionStatus.Draft), (draft.Number, draft.Status));
        Assert.Equal("7 ngày làm việc", draft.DefaultCase.Channels[0].TimeText);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.CatalogProcedureCreated);
        Assert.Equal(("bientap@h48.demo", "thủ tục 1.009999"), (audit.Actor, audit.Subject));
    }

    [Fact]
    public async Task CreateAsync_CodeAlreadyInTheCatalog_RefusedNamingTheCodeAndNothingWritten()
    {
        var (demo, existing) = await DemoAndStoredAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            _editing.CreateAsync(NewOne(demo) with { Code = existing.Code.ToLowerInvariant() }, "bientap@h48.demo"));

        Assert.Equal(("catalog.procedure.code-duplicate", nameof(NewProcedure.Code)), (refusal.Error.Code, refusal.Error.Field));
        Assert.Contains(existing.Code, refusal.Error.Message);
        await using var db = _database.Open();
        Assert.Equal(20, await db.Procedures.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    [Fact]
    public async Task CreateAsync_SameCodeCreatedMeanwhileByAnotherEditor_RefusedAsADuplicateByTheUniqueIndex()
    {
        var (demo, _) = await DemoAndStoredAsync();
        // The other editor's insert is saved but not committed: our check cannot see it, the unique index will.
        await using var other = _database.Open();
        await using var transaction = await other.Database.BeginTransactionAsync();
        other.Procedures.Add(Procedure.Create("1.009999", NewOne(demo).Validate().Content));
        await other.SaveChangesAsync();

        // On a thread of its own: SQLite waits for the lock synchronously.
        var ours = Task.Run(() => _editing.CreateAsync(NewOne(demo), "bientap@h48.demo"));
        await _database.WaitUntilSomeoneWaitsForALockAsync(ours);
        await transaction.CommitAsync();
        var refusal = await Assert.ThrowsAsync<DomainException>(() => ours);

        Assert.Equal(("catalog.procedure.code-duplicate", nameof(NewProcedure.Code)), (refusal.Error.Code, refusal.Error.Field));
        Assert.Contains("1.009999", refusal.Error.Message);
        await using var db = _database.Open();
        Assert.Equal(1, await db.Procedures.CountAsync(p => p.Code == "1.009999"));
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    [Fact]
    public async Task CreateAsync_UnknownAgency_RefusedNamingIt()
    {
        var (demo, _) = await DemoAndStoredAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            _editing.CreateAsync(NewOne(demo) with { ImplementingAgencyId = 9999 }, "bientap@h48.demo"));

        Assert.Equal(nameof(NewProcedure.ImplementingAgencyId), refusal.Error.Field);
    }

    [Fact]
    public async Task RetireAsync_FromTomorrow_StillReceivableTodayNotTomorrowAndAudited()
    {
        var start = (await _editing.FindAsync(_id))!;

        var retired = await _editing.RetireAsync(_id, start.RowVersion, 1, Today.AddDays(1), "Bãi bỏ theo Quyết định số 77/QĐ-UBND", "bientap@h48.demo");

        var version = Assert.Single(retired.Versions);
        Assert.Equal((VersionStatus.Retired, Today.AddDays(1)), (version.Status, version.RetiredFrom));
        await using var db = _database.Open();
        Assert.Equal(1, (await ProcedureVersions.InForceOnAsync(db, _id, Today))!.Number);
        Assert.Null(await ProcedureVersions.InForceOnAsync(db, _id, Today.AddDays(1)));
        Assert.Contains(_id, (await ProcedureSearch.SearchAsync(db, new ProcedureFilter { ReceivableOn = Today, PageSize = 50 })).Rows.Select(r => r.ProcedureId));
        Assert.DoesNotContain(_id, (await ProcedureSearch.SearchAsync(db, new ProcedureFilter { ReceivableOn = Today.AddDays(1), PageSize = 50 })).Rows.Select(r => r.ProcedureId));
        var listed = Assert.Single((await ProcedureSearch.SearchAsync(db, new ProcedureFilter { Status = VersionStatus.Retired })).Rows);
        Assert.Equal((_id, Today.AddDays(1)), (listed.ProcedureId, listed.RetiredFrom));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.CatalogProcedureRetired);
        Assert.Contains("77/QĐ-UBND", audit.Detail);
    }

    [Fact]
    public async Task RetireAsync_Yesterday_RefusedAndNothingWritten()
    {
        var start = (await _editing.FindAsync(_id))!;

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            _editing.RetireAsync(_id, start.RowVersion, 1, Today.AddDays(-1), "Bãi bỏ", "bientap@h48.demo"));

        Assert.Equal(nameof(ProcedureVersion.RetiredFrom), refusal.Error.Field);
        Assert.Equal(VersionStatus.Published, Assert.Single((await StoredAsync()).Versions).Status);
        await using var db = _database.Open();
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    [Fact]
    public async Task RetireAsync_Stale_Refused()
    {
        var start = (await _editing.FindAsync(_id))!;
        await _editing.CreateDraftAsync(_id, start.RowVersion);

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            _editing.RetireAsync(_id, start.RowVersion, 1, Today, "Bãi bỏ", "bientap@h48.demo"));

        Assert.Equal(ProcedureEditing.StaleCode, refusal.Error.Code);
    }
}

public sealed class SqliteProcedureEditingTests() : ProcedureEditingTests(DatabaseProvider.Sqlite);

public sealed class PostgresProcedureEditingTests() : ProcedureEditingTests(DatabaseProvider.Postgres);
