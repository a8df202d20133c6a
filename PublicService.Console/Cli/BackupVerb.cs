using Microsoft.Data.Sqlite;
using PublicService.Domain.Persistence;

namespace PublicService.Console.Cli;

/// <summary>
/// <c>backup FILE [--force]</c>: a consistent copy of the SQLite database, taken with SQLite's online backup API
/// while the app keeps running (under WAL the copy reads one snapshot and writers are not held up). The copy is
/// written next to FILE under a temporary name and renamed over it only when complete, so FILE is never half a
/// backup; it is a single file (rollback journal mode), ready to be copied back. Refuses an existing FILE without
/// <c>--force</c>, a missing database, and any provider but SQLite.
/// </summary>
public static class BackupVerb
{
    public static async Task<int> RunAsync(VerbArguments arguments, IServiceProvider services, TextWriter output)
    {
        if (arguments.Positionals.Count != 1)
            throw new VerbArgumentException("usage: backup FILE [--force] (FILE is the copy to write)");
        var target = Path.GetFullPath(arguments.Positionals[0]);
        var force = arguments.Flag("force");

        var configuration = services.GetRequiredService<IConfiguration>();
        if (PublicServiceDatabase.ParseProvider(configuration["Database:Provider"]) != DatabaseProvider.Sqlite)
            throw new VerbArgumentException(
                "backup copies a SQLite database only; on PostgreSQL use pg_dump, e.g. pg_dump --format=custom --file=publicservice.dump \"<connection string's database>\"");
        var source = new SqliteConnectionStringBuilder(configuration.GetConnectionString("PublicService") ?? PublicServiceDatabase.DefaultSqliteConnectionString);
        if (string.IsNullOrEmpty(source.DataSource) || source.DataSource == ":memory:" || source.Mode == SqliteOpenMode.Memory)
            throw new VerbArgumentException("backup needs a database file; the connection string names none");
        var sourcePath = Path.GetFullPath(source.DataSource);
        if (!File.Exists(sourcePath)) throw new VerbArgumentException($"no database at {sourcePath}; nothing to back up");
        if (sourcePath == target) throw new VerbArgumentException($"{target} is the database itself; choose another file");
        if (File.Exists(target) && !force) throw new VerbArgumentException($"{target} exists; add --force to replace it");
        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory)) throw new VerbArgumentException($"folder not found: {directory}");

        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            long dossiers;
            // Unpooled: the copy's file must be closed before it is renamed, and the source's connection not kept.
            source.Mode = SqliteOpenMode.ReadWrite;
            source.Pooling = false;
            await using (var from = new SqliteConnection(source.ToString()))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                await from.OpenAsync();
                await Execute(from, "PRAGMA busy_timeout = 10000;");
                await to.OpenAsync();
                from.BackupDatabase(to);
                // One self-contained file; the app turns WAL back on when it opens the restored database.
                await Execute(to, "PRAGMA journal_mode = DELETE;");
                await using var count = to.CreateCommand();
                count.CommandText = "SELECT COUNT(*) FROM \"Dossiers\";";
                dossiers = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }
            File.Move(temporary, target, overwrite: force);
            output.WriteLine($"Backed up to {target}: {new FileInfo(target).Length} bytes, {dossiers} dossiers");
            return 0;
        }
        catch (SqliteException e)
        {
            throw new VerbArgumentException($"backup failed, nothing written to {target}: {e.Message}");
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(temporary + "-journal");
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
