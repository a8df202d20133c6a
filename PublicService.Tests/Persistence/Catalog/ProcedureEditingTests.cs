using Microsoft.EntityFrameworkCore;
using PublicService.Domain;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Tests.Support;

namespace PublicService.Tests.Persistence.Catalog;

/// <summary>The editor's writes, each in its own context as the page makes them.</summary>
public sealed class ProcedureEditingTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ProcedureEditing _editing = null!;
    private int _id;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _editing = new ProcedureEditing(_database.Factory);
        var demo = DemoCatalog.Build();
        await using var db = _database.Open();
        await demo.AddToAsync(db);
        _id = demo.Procedures[0].Id;
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
}
