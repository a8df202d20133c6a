using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PublicService.Domain.Persistence;

/// <summary>The database providers the centre can run on, chosen by configuration (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One file next to the app: one node, the default.</summary>
    Sqlite = 1,

    /// <summary>A database server shared by several app nodes.</summary>
    Postgres = 2,
}

/// <summary>How every process (web app, verbs, tests) points EF Core at the database.</summary>
public static class PublicServiceDatabase
{
    public const string DefaultSqliteConnectionString = "Data Source=data/publicservice.db";

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Database:Provider '{value}' is not supported; use 'Sqlite' or 'Postgres'."),
    };

    /// <summary>The configured connection string, or SQLite's default file; PostgreSQL has no default server to guess.</summary>
    public static string ConnectionString(DatabaseProvider provider, string? configured) =>
        !string.IsNullOrWhiteSpace(configured) ? configured
        : provider == DatabaseProvider.Sqlite ? DefaultSqliteConnectionString
        : throw new InvalidOperationException(
            "Database:Provider is Postgres but ConnectionStrings:PublicService is empty; set it, e.g. " +
            "ConnectionStrings__PublicService=\"Host=127.0.0.1;Port=5432;Database=publicservice;Username=publicservice;Password=...\".");

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteDirectory(connectionString);
                options.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString);
                break;
        }
    }

    /// <summary>
    /// A context of the provider's own type, so that EF Core finds that provider's migrations
    /// (<see cref="PostgresDbContext"/>); everything else sees a <see cref="PublicServiceDbContext"/>.
    /// </summary>
    public static PublicServiceDbContext CreateContext(DatabaseProvider provider, DbContextOptions<PublicServiceDbContext> options) =>
        provider == DatabaseProvider.Postgres ? new PostgresDbContext(options) : new PublicServiceDbContext(options);

    /// <summary>
    /// True when the database refused a row because a unique index already holds its key: two people created the same
    /// thing at the same moment, and the index, not our earlier check, caught the second.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// Locks the dossiers <paramref name="ids"/> until the current transaction ends, before a set-based writer (the
    /// deadline scan, a calendar recompute) reads and rewrites them. On PostgreSQL (READ COMMITTED) a workflow action
    /// could otherwise change a dossier between that read and its write, and the RowVersion guard would then fail the
    /// whole run; <c>FOR UPDATE</c> makes the action wait for the commit instead, in id order so that two writers
    /// queue rather than deadlock. SQLite needs nothing: the transaction (BEGIN IMMEDIATE) already holds the
    /// database's write lock from its first read.
    /// </summary>
    public static async Task LockDossiersAsync(PublicServiceDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql() || ids.Count == 0) return;
        var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        var dossier = db.Model.FindEntityType(typeof(Dossiers.Dossier))!;
        var table = sql.DelimitIdentifier(dossier.GetTableName()!);
        var id = sql.DelimitIdentifier(dossier.FindProperty(nameof(Dossiers.Dossier.Id))!.GetColumnName());
        // The names interpolated are the model's, delimited; the ids go as a parameter.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT 1 FROM {table} WHERE {id} = ANY({{0}}) ORDER BY {id} FOR UPDATE", [ids.ToArray()], ct);
#pragma warning restore EF1002
    }

    /// <summary>A fresh machine has no <c>./data/</c> folder yet; SQLite will not create it.</summary>
    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal)) return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}

/// <summary>Creates each context as its provider's type (<see cref="PublicServiceDatabase.CreateContext"/>).</summary>
public sealed class PublicServiceContextFactory(DatabaseProvider provider, DbContextOptions<PublicServiceDbContext> options)
    : IDbContextFactory<PublicServiceDbContext>
{
    public PublicServiceDbContext CreateDbContext() => PublicServiceDatabase.CreateContext(provider, options);
}

/// <summary>
/// Every SQLite connection waits for a busy writer instead of failing at once, and syncs less often under WAL
/// (safe: a crash loses no committed transaction of a WAL database with synchronous=NORMAL, only the last ones
/// on power loss). The page cache is raised from SQLite's 2 MB: with a million dossiers, a calendar change
/// rewrites index pages all over the file and the default cache re-reads them for every row. The file is also
/// memory-mapped: every write by another connection (the scan, any page) empties a connection's own cache, and a
/// mapped page is read back without a system call.
/// These settings belong to the native connection, which the pool keeps open between uses: they are sent once per
/// native connection (the first time the pool hands it out), not on every pooled open.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    // The native handles already configured; an entry goes when the pool closes its connection and drops the handle.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = new();

    /// <summary>The statements run on every new connection.</summary>
    public const string Statements = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Configured.TryGetValue(handle, out _)) return;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Statements;
            command.ExecuteNonQuery();
        }
        if (handle is not null) Configured.AddOrUpdate(handle, handle);
    }
}
