using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PublicService.Domain.Calendar;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Support;

/// <summary>
/// A migrated database deleted afterwards, on either provider: a temporary SQLite file (the default), or a fresh
/// database in this run's throw-away PostgreSQL cluster (<see cref="PostgresServer"/>). A fake clock and the default calendar.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TemporarySqliteFile? _file;

    private TestDatabase(DatabaseProvider provider, string connectionString, TemporarySqliteFile? file)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _file = file;
        var options = new DbContextOptionsBuilder<PublicServiceDbContext>();
        PublicServiceDatabase.Configure(options, provider, connectionString);
        Factory = new PublicServiceContextFactory(provider, options.Options);
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file; only SQLite databases have one.</summary>
    public string Path => _file?.Path ?? throw new InvalidOperationException("A PostgreSQL test database has no file.");
    public string ConnectionString { get; }
    public IDbContextFactory<PublicServiceDbContext> Factory { get; }
    public FakeTimeProvider Clock { get; } = new(TestCalendar.Vn(2026, 3, 2, 9));
    public WorkingCalendarProvider Calendars { get; } = new(TestCalendar.Default);

    /// <summary>The configuration a web host or verb needs to use this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Database:Provider", Provider.ToString()),
        new("ConnectionStrings:PublicService", ConnectionString),
    ];

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Postgres)
        {
            var server = await PostgresServer.GetAsync();
            database = new TestDatabase(provider, await server.CreateDatabaseAsync("test"), null);
        }
        else
        {
            var file = new TemporarySqliteFile("test");
            database = new TestDatabase(provider, file.ConnectionString, file);
        }
        await using var db = database.Factory.CreateDbContext();
        await DatabaseSetup.MigrateAsync(db);
        return database;
    }

    public PublicServiceDbContext Open() => Factory.CreateDbContext();

    /// <summary>
    /// Until another connection waits for a lock that an uncommitted transaction of the test holds, or
    /// <paramref name="waiter"/> ends (then the test fails: it meant to exercise the wait). PostgreSQL shows the wait
    /// in pg_stat_activity; SQLite's waiting writer spins in its busy handler where nothing shows, so there the
    /// waiter only gets a moment to reach the lock.
    /// </summary>
    public async Task WaitUntilSomeoneWaitsForALockAsync(Task waiter)
    {
        if (Provider != DatabaseProvider.Postgres)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            return;
        }
        await using var db = Open();
        for (var tries = 0; tries < 300 && !waiter.IsCompleted; tries++)
        {
            var waiting = await db.Database.SqlQueryRaw<int>(
                "SELECT CAST(count(*) AS INTEGER) AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .SingleAsync();
            if (waiting > 0) return;
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        throw new Xunit.Sdk.XunitException(waiter.IsCompleted
            ? $"It finished without waiting for the lock: {waiter.Exception?.GetBaseException().Message ?? "no error"}."
            : "Nothing waited for the lock within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null) _file.Dispose();
        else await (await PostgresServer.GetAsync()).DropDatabaseAsync(ConnectionString);
    }
}
