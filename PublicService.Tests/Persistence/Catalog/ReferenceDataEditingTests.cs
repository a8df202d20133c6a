using Microsoft.EntityFrameworkCore;
using PublicService.Domain;
using PublicService.Domain.Catalog;
using PublicService.Tests.Support;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Catalog;

public abstract class ReferenceDataEditingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ReferenceDataEditing _editing = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _editing = new ReferenceDataEditing(_database.Factory);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AddAgencyAsync_TakenCodeWhateverTheCase_RefusedOnTheCode()
    {
        await _editing.AddAgencyAsync("000.00.15.H48", "Sở Tư pháp");

        var refusal = await Assert.ThrowsAsync<DomainException>(() => _editing.AddAgencyAsync("000.00.15.h48", "Sở khác"));

        Assert.Equal("Code", refusal.Error.Field);
        Assert.Contains("000.00.15.H48", refusal.Error.Message);
        await using var db = _database.Open();
        Assert.Equal(1, await db.Agencies.CountAsync());
    }

    [Fact]
    public async Task AddLevelAsync_GoesAfterTheLastLevel()
    {
        await _editing.AddLevelAsync("TINH", "Cấp tỉnh");
        var commune = await _editing.AddLevelAsync("XA", "Cấp xã");

        Assert.Equal(2, commune.SortOrder);
    }

    [Fact]
    public async Task RenameAsync_EachKind_StoresTheNewNameOrRefusesAnEmptyOne()
    {
        var field = await _editing.AddFieldAsync("HO-TICH", "Hộ tich");
        var counter = await _editing.AddCounterAsync("Q01", "Quầy 1");

        await _editing.RenameFieldAsync(field.Id, "Hộ tịch");
        var refusal = await Assert.ThrowsAsync<DomainException>(() => _editing.RenameCounterAsync(counter.Id, " "));

        Assert.Equal("Name", refusal.Error.Field);
        await using var db = _database.Open();
        Assert.Equal("Hộ tịch", (await db.Fields.SingleAsync()).Name);
        Assert.Equal("Quầy 1", (await db.Counters.SingleAsync()).Name);
    }
}

public sealed class SqliteReferenceDataEditingTests() : ReferenceDataEditingTests(DatabaseProvider.Sqlite);

public sealed class PostgresReferenceDataEditingTests() : ReferenceDataEditingTests(DatabaseProvider.Postgres);
