using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Persistence;
using PublicService.Tests.Support;

namespace PublicService.Tests.Persistence.Postgres;

/// <summary>The PostgreSQL migrations build the same model as SQLite's, triggers included, on a real server.</summary>
public sealed class PostgresMigrationTests
{
    [Fact]
    public async Task Migrating_a_fresh_database_applies_every_migration_and_leaves_no_model_change()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = database.Open();

        Assert.IsType<PostgresDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(1, await db.ScanLeases.CountAsync());
        Assert.Equal(1, await db.CenterSettings.CountAsync());
    }
}
