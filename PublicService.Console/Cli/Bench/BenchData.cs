using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;
using PublicService.Domain.Demo;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;

namespace PublicService.Console.Cli.Bench;

/// <summary>What the bench loaded.</summary>
internal sealed record BenchDataset(int Templates, long Dossiers, long Events, long Open, DateTime SeededAtUtc, TimeSpan LoadTime, string Phases);

/// <summary>
/// Loads N realistic dossiers fast. A few thousand template dossiers are generated through the real
/// <see cref="DemoSeeder"/> (the demo catalog's procedures, units and channels, histories played with the real
/// <c>Dossier</c> verbs, so every derived column is what the domain computes); the rest are copies of the
/// templates under new ids and codes (open templates weighted to reach about 40 % open), made by set-based
/// <c>INSERT … SELECT</c> in large transactions with the
/// secondary indexes dropped and rebuilt once at the end (a sorted index build beats a million random inserts).
/// The copies keep their template's instants: shifting them would need the calendar again, and the derived
/// columns must stay exactly what the domain would compute.
/// </summary>
internal static class BenchData
{
    public const int TemplateCount = 2000;
    public const string OpenStatuses = "('Received', 'InProcess', 'AwaitingSupplement', 'AwaitingPayment')";
    private const double OpenShare = 0.4;
    private const int RoundsPerTransaction = 50;

    public static async Task<BenchDataset> LoadAsync(IServiceProvider services, SqliteConnection connection, int dossiers)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var templates = Math.Min(dossiers, TemplateCount);
        var calendars = services.GetRequiredService<WorkingCalendarProvider>();
        var seededAt = SeedInstant(calendars.Current, DateTime.UtcNow);
        await new DemoSeeder(services.GetRequiredService<IDbContextFactory<PublicServiceDbContext>>(), calendars, new FixedClock(seededAt))
            .SeedAsync(templates, DemoSeeder.DefaultSeed);

        // A throwaway file: no need to survive a power cut while loading.
        await Sql.ExecAsync(connection, "PRAGMA synchronous = OFF");
        // The copies' events are read by template id and written in id order, so that index stays; the others are
        // built once, sorted, after the load.
        var indexes = await Sql.ListAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Dossiers', 'DossierEvents') " +
            "AND name <> 'IX_DossierEvents_DossierId_Sequence'",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var index in indexes) await Sql.ExecAsync(connection, $"DROP INDEX \"{index.Name}\"");
        // The board counters' triggers too: one recount after the load gives the same counts as a million firings.
        var triggers = await Sql.ListAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Dossiers'", r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var trigger in triggers) await Sql.ExecAsync(connection, $"DROP TRIGGER \"{trigger.Name}\"");

        // The demo's histories leave about a fifth of the dossiers open; a centre's live database holds more open ones
        // (about 40 %), so each open template fills several slots of a copy round and each finished one a single slot.
        var openTemplates = await Sql.ScalarAsync<long>(connection, $"SELECT count(*) FROM Dossiers WHERE Status IN {OpenStatuses}");
        var openWeight = openTemplates == 0 ? 1 : Math.Max(1, (int)Math.Round(OpenShare * (templates - openTemplates) / ((1 - OpenShare) * openTemplates)));
        await Sql.ExecAsync(connection,
            "CREATE TEMP TABLE template_slots (Slot INTEGER PRIMARY KEY, TemplateId INTEGER NOT NULL);" +
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @weight) " +
            "INSERT INTO template_slots (TemplateId) SELECT d.Id FROM Dossiers d JOIN n " +
            $"ON n.i = 1 OR d.Status IN {OpenStatuses} ORDER BY d.Id, n.i",
            ("@weight", openWeight));
        var slots = await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM template_slots");
        var generated = started.Elapsed;

        var dossierColumns = await ColumnsAsync(connection, "Dossiers");
        var eventColumns = (await ColumnsAsync(connection, "DossierEvents")).Where(c => c != "Id").ToList();
        using var copyDossiers = connection.CreateCommand();
        copyDossiers.CommandText =
            $"INSERT INTO Dossiers ({string.Join(", ", dossierColumns.Select(Quote))}) SELECT " +
            string.Join(", ", dossierColumns.Select(c => c switch
            {
                "Id" => "t.Slot + @offset",
                "Code" => "d.Code || '-' || (t.Slot + @offset)",
                _ => "d." + Quote(c),
            })) +
            " FROM temp.template_slots t JOIN Dossiers d ON d.Id = t.TemplateId WHERE t.Slot <= @count ORDER BY t.Slot";
        using var copyEvents = connection.CreateCommand();
        copyEvents.CommandText =
            $"INSERT INTO DossierEvents ({string.Join(", ", eventColumns.Select(Quote))}) SELECT " +
            string.Join(", ", eventColumns.Select(c => c == "DossierId" ? "t.Slot + @offset" : "e." + Quote(c))) +
            " FROM temp.template_slots t JOIN DossierEvents e ON e.DossierId = t.TemplateId WHERE t.Slot <= @count ORDER BY t.Slot, e.Sequence";
        foreach (var command in new[] { copyDossiers, copyEvents })
        {
            command.Parameters.Add("@offset", SqliteType.Integer);
            command.Parameters.Add("@count", SqliteType.Integer);
        }

        var rounds = (dossiers - templates + slots - 1) / slots;
        for (var first = 0; first < rounds; first += RoundsPerTransaction)
        {
            using var transaction = connection.BeginTransaction();
            copyDossiers.Transaction = transaction;
            copyEvents.Transaction = transaction;
            for (var round = first; round < Math.Min(rounds, first + RoundsPerTransaction); round++)
            {
                var offset = templates + round * slots;
                foreach (var command in new[] { copyDossiers, copyEvents })
                {
                    command.Parameters["@offset"].Value = offset;
                    command.Parameters["@count"].Value = Math.Min(slots, dossiers - offset);
                }
                await copyDossiers.ExecuteNonQueryAsync();
                await copyEvents.ExecuteNonQueryAsync();
            }
            transaction.Commit();
        }
        var copied = started.Elapsed;

        foreach (var index in indexes) await Sql.ExecAsync(connection, index.Sql);
        await Sql.ExecAsync(connection, $"DELETE FROM BoardCounters; {BoardCounter.RecountSql}");
        foreach (var trigger in triggers) await Sql.ExecAsync(connection, trigger.Sql);
        // Without statistics SQLite can pick the wrong index for the scan's seek (DESIGN.md, principle 4).
        // A sampled ANALYZE (analysis_limit) gives the planner the same choices as a full one at a fraction of the cost.
        await Sql.ExecAsync(connection, "PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA optimize; PRAGMA synchronous = NORMAL; PRAGMA wal_checkpoint(TRUNCATE)");

        var total = await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM Dossiers");
        var events = await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM DossierEvents");
        var open = await Sql.ScalarAsync<long>(connection, $"SELECT count(*) FROM Dossiers WHERE Status IN {OpenStatuses}");
        return new BenchDataset(templates, total, events, open, seededAt, started.Elapsed,
            $"generate {generated.TotalSeconds:0.0} s, copy {(copied - generated).TotalSeconds:0.0} s, index + ANALYZE {(started.Elapsed - copied).TotalSeconds:0.0} s");
    }

    /// <summary>
    /// The instant the histories are generated up to: 10:00 Vietnam time of the latest working day up to today. The
    /// wall clock would make the data depend on the hour the bench runs (at night every history has stopped at
    /// closing time and the next alerts bunch at the next opening); a fixed morning hour of a working day gives the
    /// same shape of data on every run of a day, still with receipts up to "now".
    /// </summary>
    internal static DateTime SeedInstant(WorkingCalendar calendar, DateTime wallClockUtc)
    {
        var day = VietnamTime.DateOf(wallClockUtc);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        return VietnamTime.ToUtc(day, new TimeOnly(10, 0));
    }

    /// <summary>A clock stopped at one instant, for the generator.</summary>
    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table) =>
        await Sql.ListAsync(connection, $"SELECT name FROM pragma_table_info('{table}')", r => r.GetString(0));

    private static string Quote(string column) => $"\"{column}\"";
}

/// <summary>Small helpers for the bench's own raw SQL.</summary>
internal static class Sql
{
    public static async Task<int> ExecAsync(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), CultureInfo.InvariantCulture);
    }

    public static async Task<List<T>> ListAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
