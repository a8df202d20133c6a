using System.Globalization;
using Npgsql;
using PublicService.Domain.Demo;
using PublicService.Domain.Monitoring;

namespace PublicService.Console.Cli.Bench;

/// <summary>
/// <see cref="BenchData"/> for PostgreSQL: the same templates through the real <see cref="DemoSeeder"/>, the same
/// open weighting, the copies made by one <c>INSERT … SELECT</c> per table over <c>generate_series</c> rounds with
/// the secondary indexes and the board-counter triggers dropped, then the indexes rebuilt (sorted builds), the
/// counters recounted with <see cref="BoardCounter.RecountSql"/>, the triggers put back, and <c>VACUUM ANALYZE</c>:
/// without it the planner has no statistics and the visibility map is empty, so no index-only scan is possible
/// until autovacuum gets round to a table loaded a moment ago.
/// </summary>
internal static class PostgresBenchData
{
    private const double OpenShare = 0.4;

    public static async Task<BenchDataset> LoadAsync(IServiceProvider services, NpgsqlConnection connection, int dossiers)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var templates = Math.Min(dossiers, BenchData.TemplateCount);
        await ActivatorUtilities.CreateInstance<DemoSeeder>(services).SeedAsync(templates, DemoSeeder.DefaultSeed);
        var seededAt = DateTime.UtcNow;

        // The copies' events are read by template id, so that index stays; the others are built once after the load.
        var indexes = await PgSql.ListAsync(connection,
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('Dossiers', 'DossierEvents') " +
            "AND indexname NOT LIKE 'PK\\_%' AND indexname <> 'IX_DossierEvents_DossierId_Sequence'",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var index in indexes) await PgSql.ExecAsync(connection, $"DROP INDEX \"{index.Name}\"");
        // One recount after the load gives the same counts as a million trigger firings.
        var triggers = await PgSql.ListAsync(connection,
            "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = '\"Dossiers\"'::regclass AND NOT tgisinternal",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var trigger in triggers) await PgSql.ExecAsync(connection, $"DROP TRIGGER \"{trigger.Name}\" ON \"Dossiers\"");

        var openTemplates = await PgSql.ScalarAsync<long>(connection, $"SELECT count(*) FROM \"Dossiers\" WHERE \"Status\" IN {BenchData.OpenStatuses}");
        var openWeight = openTemplates == 0 ? 1 : Math.Max(1, (int)Math.Round(OpenShare * (templates - openTemplates) / ((1 - OpenShare) * openTemplates)));
        await PgSql.ExecAsync(connection,
            "CREATE TEMP TABLE template_slots AS SELECT (row_number() OVER (ORDER BY d.\"Id\", n.i))::bigint AS \"Slot\", d.\"Id\" AS \"TemplateId\" " +
            $"FROM \"Dossiers\" d JOIN generate_series(1, {openWeight}) AS n(i) ON n.i = 1 OR d.\"Status\" IN {BenchData.OpenStatuses}; " +
            "ALTER TABLE template_slots ADD PRIMARY KEY (\"Slot\"); ANALYZE template_slots");
        var slots = await PgSql.ScalarAsync<long>(connection, "SELECT count(*) FROM template_slots");
        var generated = started.Elapsed;

        var dossierColumns = await ColumnsAsync(connection, "Dossiers");
        var eventColumns = (await ColumnsAsync(connection, "DossierEvents")).Where(c => c != "Id").ToList();
        // Copy k of a template is round r: id templates + r × slots + slot. Rounds in slices, so that one statement
        // never holds millions of rows' WAL and the progress is steady.
        const string Copies = "FROM generate_series(@first, @last) AS r(n) CROSS JOIN template_slots t";
        const string NewId = "(@templates + r.n * @slots + t.\"Slot\")";
        var copyDossiers =
            $"INSERT INTO \"Dossiers\" ({string.Join(", ", dossierColumns.Select(Quote))}) SELECT " +
            string.Join(", ", dossierColumns.Select(c => c switch
            {
                "Id" => NewId,
                "Code" => $"d.\"Code\" || '-' || {NewId}",
                _ => "d." + Quote(c),
            })) +
            $" {Copies} JOIN \"Dossiers\" d ON d.\"Id\" = t.\"TemplateId\" WHERE {NewId} <= @dossiers ORDER BY r.n, t.\"Slot\"";
        var copyEvents =
            $"INSERT INTO \"DossierEvents\" ({string.Join(", ", eventColumns.Select(Quote))}) SELECT " +
            string.Join(", ", eventColumns.Select(c => c == "DossierId" ? NewId : "e." + Quote(c))) +
            $" {Copies} JOIN \"DossierEvents\" e ON e.\"DossierId\" = t.\"TemplateId\" WHERE {NewId} <= @dossiers ORDER BY r.n, t.\"Slot\", e.\"Sequence\"";

        var rounds = (dossiers - templates + slots - 1) / slots;
        const int RoundsPerStatement = 50;
        for (long first = 0; first < rounds; first += RoundsPerStatement)
        {
            var last = Math.Min(rounds, first + RoundsPerStatement) - 1;
            (string, object?)[] parameters = [("first", first), ("last", last), ("templates", (long)templates), ("slots", slots), ("dossiers", (long)dossiers)];
            await using var transaction = await connection.BeginTransactionAsync();
            await PgSql.ExecAsync(connection, copyDossiers, parameters);
            await PgSql.ExecAsync(connection, copyEvents, parameters);
            await transaction.CommitAsync();
        }
        await PgSql.ExecAsync(connection, "SELECT setval(pg_get_serial_sequence('\"Dossiers\"', 'Id'), (SELECT max(\"Id\") FROM \"Dossiers\"))");
        var copied = started.Elapsed;

        // Index builds sort in maintenance_work_mem; the default 64 MB spills a million-row build to disk.
        await PgSql.ExecAsync(connection, "SET maintenance_work_mem = '256MB'");
        foreach (var index in indexes) await PgSql.ExecAsync(connection, index.Sql);
        await PgSql.ExecAsync(connection, $"DELETE FROM \"BoardCounters\"; {BoardCounter.RecountSql}");
        foreach (var trigger in triggers) await PgSql.ExecAsync(connection, trigger.Sql);
        await PgSql.ExecAsync(connection, "RESET maintenance_work_mem");
        await PgSql.ExecAsync(connection, "VACUUM (ANALYZE) \"Dossiers\", \"DossierEvents\", \"BoardCounters\", \"ProcedureVersions\"");
        await PgSql.ExecAsync(connection, "CHECKPOINT");

        var total = await PgSql.ScalarAsync<long>(connection, "SELECT count(*) FROM \"Dossiers\"");
        var events = await PgSql.ScalarAsync<long>(connection, "SELECT count(*) FROM \"DossierEvents\"");
        var open = await PgSql.ScalarAsync<long>(connection, $"SELECT count(*) FROM \"Dossiers\" WHERE \"Status\" IN {BenchData.OpenStatuses}");
        return new BenchDataset(templates, total, events, open, seededAt, started.Elapsed,
            $"generate {generated.TotalSeconds:0.0} s, copy {(copied - generated).TotalSeconds:0.0} s, index + VACUUM ANALYZE {(started.Elapsed - copied).TotalSeconds:0.0} s");
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, string table) =>
        await PgSql.ListAsync(connection,
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position",
            r => r.GetString(0), ("table", table));

    private static string Quote(string column) => $"\"{column}\"";
}

/// <summary>Small helpers for the PostgreSQL bench's own raw SQL (<see cref="Sql"/>'s twin).</summary>
internal static class PgSql
{
    public static async Task<int> ExecAsync(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is T typed ? typed : (T)Convert.ChangeType(value!, typeof(T), CultureInfo.InvariantCulture);
    }

    public static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        // No time limit: restoring or updating a third of a million rows can take minutes on a busy machine.
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
