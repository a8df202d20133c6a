using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PublicService.Domain.Calendar;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Support;

/// <summary>A migrated SQLite database in a temporary file, deleted afterwards; a fake clock and the default calendar.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string path)
    {
        Path = path;
        ConnectionString = $"Data Source={path}";
        var options = new DbContextOptionsBuilder<PublicServiceDbContext>();
        PublicServiceDatabase.Configure(options, DatabaseProvider.Sqlite, ConnectionString);
        Factory = new ContextFactory(options.Options);
    }

    public string Path { get; }
    public string ConnectionString { get; }
    public IDbContextFactory<PublicServiceDbContext> Factory { get; }
    public FakeTimeProvider Clock { get; } = new(TestCalendar.Vn(2026, 3, 2, 9));
    public WorkingCalendarProvider Calendars { get; } = new(TestCalendar.Default);

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"publicservice-test-{Guid.NewGuid():N}.db"));
        await using var db = database.Factory.CreateDbContext();
        await DatabaseSetup.MigrateAsync(db);
        return database;
    }

    public PublicServiceDbContext Open() => Factory.CreateDbContext();

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(Path + suffix);
        return ValueTask.CompletedTask;
    }

    private sealed class ContextFactory(DbContextOptions<PublicServiceDbContext> options) : IDbContextFactory<PublicServiceDbContext>
    {
        public PublicServiceDbContext CreateDbContext() => new(options);
    }
}
