using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PublicService.Domain.Persistence;
using PublicService.Tests.Support;

namespace PublicService.Tests.Cli;

/// <summary><c>backup FILE</c> through the real executable, while another connection keeps writing; and the README's restore steps.</summary>
public sealed class BackupVerbTests : IDisposable
{
    private readonly TemporarySqliteFile _database = new("backup-source");
    private readonly TemporarySqliteFile _copy = new("backup-copy");
    private string ConnectionString => _database.ConnectionString;

    public void Dispose()
    {
        _database.Dispose();
        _copy.Dispose();
    }

    [Fact]
    public async Task Backup_WhileAnotherConnectionWrites_IsAConsistentCompleteCopy()
    {
        Assert.Equal(0, (await ConsoleProcess.RunAsync(ConnectionString, "seed-demo", "--dossiers", "300", "--seed", "5")).ExitCode);
        var eventsBefore = await ScalarAsync(ConnectionString, "SELECT COUNT(*) FROM \"DossierEvents\"");
        using var stop = new CancellationTokenSource();
        var commits = 0;
        var writer = Task.Run(() => WriteContinuouslyAsync(() => Interlocked.Increment(ref commits), stop.Token));
        while (Volatile.Read(ref commits) < 20 && !writer.IsCompleted) await Task.Delay(20);

        var committedBefore = Volatile.Read(ref commits);
        var result = await ConsoleProcess.RunAsync(ConnectionString, "backup", _copy.Path);
        var committedAfter = Volatile.Read(ref commits);
        await stop.CancelAsync();
        await writer;

        Assert.True(result.ExitCode == 0, result.Error);
        var line = Assert.Single(result.Lines);
        var match = Regex.Match(line, @"^Backed up to (.+): (\d+) bytes, (\d+) dossiers$");
        Assert.True(match.Success, line);
        Assert.Equal(_copy.Path, match.Groups[1].Value);
        Assert.Equal(new FileInfo(_copy.Path).Length, long.Parse(match.Groups[2].Value));
        Assert.Equal("300", match.Groups[3].Value);
        // The writer was never held up by the backup.
        Assert.True(committedAfter > committedBefore, $"{committedBefore} commits before the backup, {committedAfter} after");

        Assert.Equal("ok", await ScalarTextAsync(_copy.ConnectionString, "PRAGMA integrity_check"));
        Assert.Equal("delete", await ScalarTextAsync(_copy.ConnectionString, "PRAGMA journal_mode"));
        Assert.False(File.Exists(_copy.Path + "-wal"));
        await using (var db = Open(_copy.ConnectionString))
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
        // Every writer transaction is in the copy whole or not at all: each dossier's last event number matches its events.
        Assert.Equal(0, await ScalarAsync(_copy.ConnectionString,
            "SELECT COUNT(*) FROM \"Dossiers\" d WHERE d.\"LastEventSequence\" <> (SELECT MAX(e.\"Sequence\") FROM \"DossierEvents\" e WHERE e.\"DossierId\" = d.\"Id\")"));
        Assert.Equal(0, await ScalarAsync(_copy.ConnectionString,
            "SELECT COUNT(*) FROM \"Dossiers\" d WHERE d.\"LastEventSequence\" <> (SELECT COUNT(*) FROM \"DossierEvents\" e WHERE e.\"DossierId\" = d.\"Id\")"));
        var eventsInCopy = await ScalarAsync(_copy.ConnectionString, "SELECT COUNT(*) FROM \"DossierEvents\"");
        Assert.InRange(eventsInCopy, eventsBefore + committedBefore, await ScalarAsync(ConnectionString, "SELECT COUNT(*) FROM \"DossierEvents\""));
    }

    [Fact]
    public async Task Backup_ExistingFile_IsRefusedWithoutForceAndReplacedWithIt()
    {
        Assert.Equal(0, (await ConsoleProcess.RunAsync(ConnectionString, "migrate")).ExitCode);
        await File.WriteAllTextAsync(_copy.Path, "yesterday's backup");

        var refused = await ConsoleProcess.RunAsync(ConnectionString, "backup", _copy.Path);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.Empty(refused.Output);
        Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(_copy.Path));

        var forced = await ConsoleProcess.RunAsync(ConnectionString, "backup", _copy.Path, "--force");

        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.EndsWith(": " + new FileInfo(_copy.Path).Length + " bytes, 0 dossiers", Assert.Single(forced.Lines));
        Assert.Equal("ok", await ScalarTextAsync(_copy.ConnectionString, "PRAGMA integrity_check"));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_copy.Path)!, $".{Path.GetFileName(_copy.Path)}*"));
    }

    [Fact]
    public async Task Backup_UnknownProvider_IsRefusedAndWritesNothing()
    {
        var result = await ConsoleProcess.RunWithEnvironmentAsync(ConnectionString,
            new Dictionary<string, string> { ["Database__Provider"] = "Oracle" }, "backup", _copy.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Database:Provider 'Oracle' is not supported", result.Error.Trim());
        Assert.False(File.Exists(_copy.Path));
    }

    [Fact]
    public async Task Backup_NoDatabaseYet_IsRefused()
    {
        var result = await ConsoleProcess.RunAsync(ConnectionString, "backup", _copy.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no database at", result.Error);
        Assert.False(File.Exists(_copy.Path));
    }

    /// <summary>README "Back up and restore": stop, copy the backup over the file, remove -wal/-shm, start.</summary>
    [Fact]
    public async Task Restore_CopyOverTheStoppedDatabase_AppOpensItAsBackedUp()
    {
        Assert.Equal(0, (await ConsoleProcess.RunAsync(ConnectionString, "seed-demo", "--dossiers", "120", "--seed", "6")).ExitCode);
        Assert.Equal(0, (await ConsoleProcess.RunAsync(ConnectionString, "backup", _copy.Path)).ExitCode);
        // Work after the backup, which the restore will lose.
        await ExecuteAsync(ConnectionString, "DELETE FROM \"CalendarOverrides\"; UPDATE \"Dossiers\" SET \"LastChangedBy\" = 'after-backup'");

        SqliteConnection.ClearAllPools();
        File.Copy(_copy.Path, _database.Path, overwrite: true);
        File.Delete(_database.Path + "-wal");
        File.Delete(_database.Path + "-shm");
        var migrate = await ConsoleProcess.RunAsync(ConnectionString, "migrate");
        var rebuild = await ConsoleProcess.RunAsync(ConnectionString, "rebuild-deadlines", "--dry-run");

        Assert.Equal("Database is up to date; no migration applied.", Assert.Single(migrate.Lines));
        Assert.StartsWith("120 examined, 0 differed", rebuild.Lines[0]);
        Assert.Equal(0, await ScalarAsync(ConnectionString, "SELECT COUNT(*) FROM \"Dossiers\" WHERE \"LastChangedBy\" = 'after-backup'"));
        Assert.Equal("wal", await ScalarTextAsync(ConnectionString, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Restore_OlderBackup_MigrateBringsItUpToDate()
    {
        // A database of an older release: only the first two migrations.
        await using (var old = Open(ConnectionString))
            await old.GetService<IMigrator>().MigrateAsync(old.Database.GetMigrations().ElementAt(1));
        Assert.Equal(0, (await ConsoleProcess.RunAsync(ConnectionString, "backup", _copy.Path)).ExitCode);

        SqliteConnection.ClearAllPools();
        File.Delete(_database.Path + "-wal");
        File.Delete(_database.Path + "-shm");
        File.Copy(_copy.Path, _database.Path, overwrite: true);
        var migrate = await ConsoleProcess.RunAsync(ConnectionString, "migrate");

        await using var db = Open(ConnectionString);
        var later = db.Database.GetMigrations().Skip(2).Select(m => "Applied " + m);
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Equal(later, migrate.Lines);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private async Task WriteContinuouslyAsync(Action committed, CancellationToken stop)
    {
        await using var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA busy_timeout = 10000;");
        var ids = new List<long>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT \"Id\" FROM \"Dossiers\" ORDER BY \"Id\"";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        }
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            // One event and the dossier's event counter, in one transaction: a torn copy would show a mismatch.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT INTO "DossierEvents" ("DossierId", "Sequence", "Type", "Actor", "AtUtc", "DataJson")
                SELECT "Id", "LastEventSequence" + 1, 'AlertChanged', 'backup-test', '2026-03-02 02:00:00', '{}' FROM "Dossiers" WHERE "Id" = @id;
                UPDATE "Dossiers" SET "LastEventSequence" = "LastEventSequence" + 1, "RowVersion" = "RowVersion" + 1 WHERE "Id" = @id;
                """;
            command.Parameters.AddWithValue("@id", ids[i % ids.Count]);
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            committed();
        }
    }

    private static PublicServiceDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PublicServiceDbContext>();
        PublicServiceDatabase.Configure(options, DatabaseProvider.Sqlite, connectionString);
        return new PublicServiceDbContext(options.Options);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql) =>
        Convert.ToInt64(await ScalarObjectAsync(connectionString, sql));

    private static async Task<string?> ScalarTextAsync(string connectionString, string sql) =>
        Convert.ToString(await ScalarObjectAsync(connectionString, sql));

    private static async Task<object?> ScalarObjectAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
