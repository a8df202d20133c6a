using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PublicService.Domain.Calendar;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Support;

/// <summary>A migrated SQLite database in a temporary file, deleted afterwards; a fake clock and the default calendar.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TemporarySqliteFile _file = new("test");

    private TestDatabase()
    {
        var options = new DbContextOptionsBuilder<PublicServiceDbContext>();
        PublicServiceDatabase.Configure(options, DatabaseProvider.Sqlite, ConnectionString);
        Factory = new ContextFactory(options.Options);
    }

    public string Path => _file.Path;
    public string ConnectionString => _file.ConnectionString;
    public IDbContextFactory<PublicServiceDbContext> Factory { get; }
    public FakeTimeProvider Clock { get; } = new(TestCalendar.Vn(2026, 3, 2, 9));
    public WorkingCalendarProvider Calendars { get; } = new(TestCalendar.Default);

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.Factory.CreateDbContext();
        await DatabaseSetup.MigrateAsync(db);
        return database;
    }

    public PublicServiceDbContext Open() => Factory.CreateDbContext();

    public ValueTask DisposeAsync()
    {
        _file.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class ContextFactory(DbContextOptions<PublicServiceDbContext> options) : IDbContextFactory<PublicServiceDbContext>
    {
        public PublicServiceDbContext CreateDbContext() => new(options);
    }
}
