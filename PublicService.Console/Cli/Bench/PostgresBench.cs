using Npgsql;
using PublicService.Console.Hosting;
using PublicService.Domain.Persistence;

namespace PublicService.Console.Cli.Bench;

/// <summary>
/// <c>bench --provider Postgres</c>: never touches the configured database. It creates
/// <c>publicservice_bench_&lt;guid&gt;</c> on the same server (as the configured account, which needs CREATEDB), runs
/// <see cref="PostgresBenchSuite"/> in it, and drops it afterwards: on success, on failure, and on Ctrl+C or
/// SIGTERM (a handler drops it <c>WITH (FORCE)</c>, which also ends the bench's own sessions, before the process goes).
/// </summary>
internal static class PostgresBench
{
    public static async Task<int> RunAsync(string? configured, int dossiers, bool plans, TextWriter output)
    {
        var server = new NpgsqlConnectionStringBuilder(PublicServiceDatabase.ConnectionString(DatabaseProvider.Postgres, configured));
        var name = $"publicservice_bench_{Guid.NewGuid():N}";
        // CREATE/DROP DATABASE run from the server's maintenance database: the configured one may not exist yet.
        var maintenance = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        // No command time limit in the bench: at a million dossiers on a busy machine the progress report's queries
        // passed Npgsql's 30 s default and ended the run before the table was printed.
        var bench = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, CommandTimeout = 0 }.ConnectionString;
        await ExecAsync(maintenance, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'");
        output.WriteLine($"database: {name} on {server.Host}:{server.Port} (dropped afterwards)");

        var dropped = 0;
        void Drop()
        {
            if (Interlocked.Exchange(ref dropped, 1) == 1) return;
            NpgsqlConnection.ClearAllPools();
            ExecAsync(maintenance, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
        }
        ConsoleCancelEventHandler onCancel = (_, _) => Drop();
        EventHandler onExit = (_, _) => Drop();
        System.Console.CancelKeyPress += onCancel;
        AppDomain.CurrentDomain.ProcessExit += onExit;
        try
        {
            await using var services = BenchVerb.BenchServices(DatabaseProvider.Postgres, bench);
            await new PostgresBenchSuite(services, bench, output, plans).RunAsync(dossiers);
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
            AppDomain.CurrentDomain.ProcessExit -= onExit;
            Drop();
        }
        return 0;
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
