using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Audit;
using PublicService.Tests.Support;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Audit;

/// <summary>The audit trail on a real database, SQLite and PostgreSQL: rows go in, and the triggers keep them from being changed or removed.</summary>
public abstract class AuditTrailTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await new AuditTrail(_database.Factory, _database.Clock).RecordAsync(AuditActions.SignIn, "xuly@h48.demo", address: "10.0.0.7");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Record_AppendsOneLineWithTheClocksInstant()
    {
        await using var db = _database.Open();

        var entry = await db.AuditEntries.SingleAsync();

        Assert.Equal((AuditActions.SignIn, "xuly@h48.demo", "10.0.0.7"), (entry.Action, entry.Actor, entry.Address));
        Assert.Equal(_database.Clock.GetUtcNow().UtcDateTime, entry.AtUtc);
    }

    [Theory]
    [InlineData("XULY@H48")]
    [InlineData("xuly@h48")]
    [InlineData("Xuly@H48.Demo")]
    public async Task Matching_ActorInAnyCase_FindsTheLine(string typed)
    {
        await using var db = _database.Open();

        var found = await db.AuditEntries.Matching(new AuditFilter(Actor: typed)).ToListAsync();
        var none = await db.AuditEntries.Matching(new AuditFilter(Actor: "TIEPNHAN")).CountAsync();

        Assert.Equal("xuly@h48.demo", Assert.Single(found).Actor);
        Assert.Equal(0, none);
    }

    [Theory]
    // Quoted names: both providers accept them, and PostgreSQL folds unquoted ones to lower case.
    [InlineData("UPDATE \"AuditLog\" SET \"Actor\" = 'someone else'")]
    [InlineData("DELETE FROM \"AuditLog\"")]
    public async Task RawSql_UpdateOrDelete_IsRefusedByTheTrigger(string sql)
    {
        await using var db = _database.Open();

        var refusal = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Contains("append-only", refusal.Message);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Actor == "xuly@h48.demo"));
    }

    [Fact]
    public async Task EfCore_RemovingAnEntry_IsRefused()
    {
        await using var db = _database.Open();
        db.AuditEntries.Remove(await db.AuditEntries.SingleAsync());

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}

public sealed class SqliteAuditTrailTests() : AuditTrailTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditTrailTests() : AuditTrailTests(DatabaseProvider.Postgres);
