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

    public async ValueTask DisposeAsync()
    {
        if (_file is not null) _file.Dispose();
        else await (await PostgresServer.GetAsync()).DropDatabaseAsync(ConnectionString);
    }
}
