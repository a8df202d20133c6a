using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PublicService.Console.Hosting;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Domain.Reporting;
using PublicService.Domain.Settings;
using PublicService.Domain.Staff;

namespace PublicService.Console.Cli.Bench;

/// <summary>
/// The measurements of <see cref="BenchSuite"/> on a PostgreSQL database: the same contenders (our code through the
/// configured provider, a naive EF way, and a floor in hand-written PostgreSQL), the same restore between runs
/// (the writable columns saved in a temporary table, appended events deleted), the same figure names.
/// <c>--plans</c> prints <c>EXPLAIN</c> (estimated plans, nothing executed) of each measured statement.
/// </summary>
internal sealed class PostgresBenchSuite(IServiceProvider services, string connectionString, TextWriter output, bool plans)
{
    private static readonly string[] WrittenColumns =
        ["CountingStartUtc", "DueAtUtc", "StepDueAtUtc", "AlertLevel", "StepAlertLevel", "NextAlertAtUtc", "LastEventSequence", "RowVersion", "LastChangedBy", "LastChangedAtUtc"];

    private readonly BenchTable _table = new();
    private readonly IDbContextFactory<PublicServiceDbContext> _factory = services.GetRequiredService<IDbContextFactory<PublicServiceDbContext>>();
    private readonly WorkingCalendarProvider _calendars = services.GetRequiredService<WorkingCalendarProvider>();
    private NpgsqlConnection _connection = null!;
    private NpgsqlConnection _floor = null!;

    public async Task RunAsync(int dossiers)
    {
        await DomainServices.MigrateAndLoadCalendarAsync(services);
        _connection = new NpgsqlConnection(connectionString);
        await _connection.OpenAsync();
        _floor = new NpgsqlConnection(connectionString);
        await _floor.OpenAsync();
        try
        {
            var data = await PostgresBenchData.LoadAsync(services, _connection, dossiers);
            output.WriteLine(
                $"loaded {data.Dossiers:N0} dossiers ({data.Open:N0} open, {100.0 * data.Open / data.Dossiers:0.#} %) and {data.Events:N0} events " +
                $"from {data.Templates:N0} generated histories in {data.LoadTime.TotalSeconds:0.0} s ({data.Phases})");
            var bytes = await PgSql.ScalarAsync<long>(_connection, "SELECT pg_database_size(current_database())");
            Add("db_bytes_per_dossier", bytes / (double)data.Dossiers, "", null, "pg_database_size after VACUUM ANALYZE");
            // The seeder never scans, so its dossiers carry levels and next alert instants as of their last change, many
            // already passed. A live centre's scan runs every minute: one untimed catch-up scan at the seeding instant
            // puts the data in that state, so the measured scan below changes real levels.
            var caughtUp = await services.GetRequiredService<DeadlineScanner>().ScanAsync(data.SeededAtUtc);
            output.WriteLine($"catch-up scan at the seeding instant (untimed): {caughtUp.Scanned:N0} due, {caughtUp.Changed:N0} level changes");

            await ScanAsync(data);
            await QuietScanAsync(data);
            await CalendarAsync(data);
            await DueDatesAsync(data);
            await BoardAsync(data);
            await ReportAsync(data);
            Add("peak_working_set_mb", Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), "", null, "this process only (not the server), includes the naive EF load");
            _table.Print(output);
        }
        finally
        {
            await _floor.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }

    private static Task<double> MedianAsync(int runs, Func<Task> reset, Func<Task> run) => BenchSuite.MedianOfAsync(runs, reset, run);

    /// <summary>1 % of the open dossiers cross a threshold: our scan, the SQL floor, and the naive EF way.</summary>
    private async Task ScanAsync(BenchDataset data)
    {
        var crossing = Math.Max(1, data.Open / 100);
        // The scan never writes before a dossier's latest change (its history stays in time order), and the copies keep
        // their template's instants, many of them after their own next alert instant: "now" is the instant by which 1 %
        // of the open dossiers are both due and last changed, so that the scan really changes them; one second later,
        // because a dossier is overdue only after its due instant, and most next alert instants are due instants.
        var now = DateTime.SpecifyKind(await PgSql.ScalarAsync<DateTime>(_connection,
            "SELECT greatest(\"NextAlertAtUtc\", \"LastChangedAtUtc\") AS at FROM \"Dossiers\" WHERE \"NextAlertAtUtc\" IS NOT NULL ORDER BY at LIMIT 1 OFFSET @k",
            ("k", crossing - 1)), DateTimeKind.Utc).AddSeconds(1);
        var restore = await SnapshotAsync("scan_snapshot", ScanFloorWhere, ("now", now));
        var scanner = services.GetRequiredService<DeadlineScanner>();

        var changed = 0;
        var ours = await MedianAsync(5, restore, async () => changed = (await scanner.ScanAsync(now)).Changed);
        var floor = await MedianAsync(5, restore, () => ScanFloorAsync(now));
        var read = await MedianAsync(5, restore, async () =>
        {
            await using var db = await _factory.CreateDbContextAsync();
            var ids = await DeadlineScanner.DueDossierIds(db, now).ToListAsync();
            foreach (var chunk in ids.Chunk(500))
                await DeadlineScanner.DeadlineRows(db, chunk).ToListAsync();
        });
        output.WriteLine($"of which reading the due dossiers' deadline columns through EF: {read:0.0} ms");
        output.WriteLine($"scan at {VietnamTime.ToIso(now)}: {changed:N0} dossiers changed level; ours {ours:0.0} ms, SQL floor {floor:0.0} ms");

        var naiveRuns = data.Open > 100_000 ? 1 : 3;
        var naive = await MedianAsync(naiveRuns, restore, () => NaiveScanAsync(now));
        await restore();
        output.WriteLine($"naive EF over {data.Open:N0} open dossiers: {naive:0} ms ({naiveRuns} run{(naiveRuns > 1 ? "s" : "")})");

        Add("incremental_scan_ms", ours, "", null, $"{changed:N0} changes");
        Add("scan_sql_floor_ms", floor, "", null, "one INSERT…SELECT + one UPDATE");
        Add("naive_ef_scan_ms", naive, "", null, $"all {data.Open:N0} open dossiers, {naiveRuns} run(s)");
        Add("incremental_scan_vs_sql_floor", ours / floor, "≤ 1.5", ours / floor <= 1.5);
        Add("naive_ef_vs_incremental_scan", naive / ours, "≥ 100", naive / ours >= 100);
        if (plans)
        {
            await using var db = await _factory.CreateDbContextAsync();
            await PlanAsync(db, "scan: due dossier ids", DeadlineScanner.DueDossierIds(db, now));
            await PlanAsync("scan floor: insert events", ScanFloorInsert, ("now", now));
            await PlanAsync("scan floor: update dossiers", ScanFloorUpdate, ("now", now));
        }
    }

    private async Task QuietScanAsync(BenchDataset data)
    {
        var scanner = services.GetRequiredService<DeadlineScanner>();
        var quietAt = data.SeededAtUtc.AddMinutes(-10);
        var scanned = -1;
        var quiet = await MedianAsync(9, () => Task.CompletedTask, async () => scanned = (await scanner.ScanAsync(quietAt)).Scanned);
        Add("quiet_scan_ms", quiet, "< 5", quiet < 5, $"{scanned} due");
    }

    /// <summary>As on SQLite: the crude "one day later" for every dossier of the window, the cost of finding and writing the same rows.</summary>
    private const string CalendarFloorUpdate =
        "UPDATE \"Dossiers\" SET \"DueAtUtc\" = \"DueAtUtc\" + interval '1 day', \"StepDueAtUtc\" = \"StepDueAtUtc\" + interval '1 day', " +
        "\"NextAlertAtUtc\" = \"NextAlertAtUtc\" + interval '1 day' WHERE \"DueAtUtc\" >= @from AND \"ReceivedAtUtc\" < @to";

    private async Task CalendarAsync(BenchDataset data)
    {
        var calendar = _calendars.Current;
        var day = calendar.AddWorkingDays(VietnamTime.DateOf(data.SeededAtUtc), 3);
        var from = VietnamTime.ToUtc(day, TimeOnly.MinValue);
        var to = VietnamTime.ToUtc(day.AddDays(1), TimeOnly.MinValue);
        DeadlineContext context;
        await using (var db = await _factory.CreateDbContextAsync())
        {
            var settings = await db.LoadSettingsAsync();
            var overrides = await db.CalendarOverrides.AsNoTracking().ToListAsync();
            var dayOff = new CalendarOverride(day, CalendarOverrideKind.DayOff, "Nghỉ đột xuất do bão (bench)", "bench");
            context = new DeadlineContext(WorkingCalendar.Compile(settings.Calendar, overrides.Append(dayOff)), settings.Alerts);
        }
        var restore = await SnapshotAsync("calendar_snapshot", "\"DueAtUtc\" >= @from AND \"ReceivedAtUtc\" < @to", ("from", from), ("to", to));

        DayOffRecomputeReport? report = null;
        var ours = await MedianAsync(3, restore, async () =>
        {
            await using var db = await _factory.CreateDbContextAsync();
            report = await DayOffDeadlines.RecomputeAsync(db, context, day, day, data.SeededAtUtc);
        });
        var floor = await MedianAsync(3, restore, async () =>
        {
            await using var transaction = await _floor.BeginTransactionAsync();
            await PgSql.ExecAsync(_floor, CalendarFloorUpdate, ("from", from), ("to", to));
            await transaction.CommitAsync();
        });
        await restore();
        output.WriteLine($"day off {day:yyyy-MM-dd}: {report!.Examined:N0} dossiers in the window, {report.Moved:N0} moved, {report.Relevelled:N0} re-levelled; ours {ours:0} ms, SQL floor {floor:0} ms");
        Add("calendar_recompute_ms", ours, "", null, $"{report.Moved:N0} of {report.Examined:N0} moved");
        Add("calendar_sql_floor_ms", floor, "", null, "one UPDATE of the window");
        Add("calendar_recompute_vs_sql_floor", ours / floor, "≤ 2", ours / floor <= 2);
        if (plans)
        {
            await using var db = await _factory.CreateDbContextAsync();
            await PlanAsync(db, "calendar: candidates", DayOffDeadlines.CandidatesQuery(db, from, to).Select(d => new { d.Id, d.LastChangedAtUtc }));
            await PlanAsync("calendar floor: update", CalendarFloorUpdate, ("from", from), ("to", to));
        }
    }

    /// <summary>Provider-independent (pure C#); measured here too so that a PostgreSQL run prints every line.</summary>
    private async Task DueDatesAsync(BenchDataset data)
    {
        List<DateTime> starts;
        await using (var db = await _factory.CreateDbContextAsync())
        {
            starts = (await db.Dossiers.AsNoTracking().Where(d => d.Id <= data.Templates).Select(d => d.ReceivedAtUtc).ToListAsync())
                .Select(d => DateTime.SpecifyKind(d, DateTimeKind.Utc)).ToList();
        }
        var pool = BenchSuite.PeriodMix.SelectMany(p => Enumerable.Repeat(p.Time, p.Weight)).ToArray();
        var random = new Random(8);
        var samples = new (DateTime Start, ProcessingTime Time)[(int)data.Dossiers];
        for (var i = 0; i < samples.Length; i++) samples[i] = (starts[random.Next(starts.Count)], pool[random.Next(pool.Length)]);

        var calendar = _calendars.Current;
        var dayLoop = new DayLoopDueDates(calendar);
        long sum = 0;
        // Untimed warm-up passes: tiered compilation must have produced the optimized code first.
        foreach (var (start, time) in samples) sum += DueDateCalculator.ComputeUnexplained(calendar, start, time).DueUtc.Ticks + dayLoop.Compute(start, time).Ticks;
        await Task.Delay(1000);
        var fast = await MedianAsync(5, () => Task.CompletedTask, () =>
        {
            foreach (var (start, time) in samples) sum += DueDateCalculator.ComputeUnexplained(calendar, start, time).DueUtc.Ticks;
            return Task.CompletedTask;
        });
        var loop = await MedianAsync(5, () => Task.CompletedTask, () =>
        {
            foreach (var (start, time) in samples) sum += dayLoop.Compute(start, time).Ticks;
            return Task.CompletedTask;
        });
        output.WriteLine($"{samples.Length:N0} due dates: compiled calendar {fast:0} ms, day loop {loop:0} ms (checksum {sum % 1000})");
        Add("due_dates_fast_ms", fast, "", null, $"{samples.Length:N0} ComputeUnexplained");
        Add("due_dates_day_loop_ms", loop, "", null, $"{samples.Length:N0} day-by-day");
        Add("due_dates_fast_vs_day_loop", loop / fast, "≥ 20", loop / fast >= 20);
    }

    private async Task BoardAsync(BenchDataset data)
    {
        var now = data.SeededAtUtc;
        var running = new[] { DossierStatus.Received, DossierStatus.InProcess };
        IQueryable<OverdueRow> OverduePage(PublicServiceDbContext db) =>
            from d in db.Dossiers.AsNoTracking().Where(d => running.Contains(d.Status) && d.AlertLevel == AlertLevel.Overdue)
                .OrderBy(d => d.DueAtUtc).ThenBy(d => d.Id).Take(DeadlineBoard.DefaultListLimit)
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            select new OverdueRow(d.Id, d.Code, v.Name, d.CurrentAgencyId ?? d.ReceivingAgencyId, d.CurrentStep, d.DueAtUtc);
        IQueryable<BoardCount> Counts(PublicServiceDbContext db) => DeadlineBoard.CountsQuery(db, StaffScope.System, new DeadlineBoardFilter());
        IQueryable<BoardCount> GroupBy(PublicServiceDbContext db) =>
            from d in db.Dossiers.AsNoTracking()
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            where running.Contains(d.Status)
            group d by new { AgencyId = d.CurrentAgencyId ?? d.ReceivingAgencyId, v.FieldId, d.AlertLevel } into g
            select new BoardCount(g.Key.AgencyId, g.Key.FieldId, g.Key.AlertLevel, g.Count());
        async Task<double> Time(int runs, Func<PublicServiceDbContext, Task> query) => await MedianAsync(runs, () => Task.CompletedTask, async () =>
        {
            await using var db = await _factory.CreateDbContextAsync();
            await query(db);
        });
        var grouped = await Time(3, db => GroupBy(db).ToListAsync());
        var counts = await Time(7, db => Counts(db).ToListAsync());
        var page = await Time(7, db => OverduePage(db).ToListAsync());
        var whole = await Time(5, db => DeadlineBoard.LoadAsync(db, _calendars.Current, new DeadlineBoardFilter(), now));
        Add("board_counts_ms", counts, "< 10", counts < 10, "per agency × field × level, from the maintained counters");
        Add("board_group_by_ms", grouped, "", null, "the same counts as a GROUP BY over the running rows");
        Add("overdue_page_ms", page, "< 10", page < 10, "first 50 rows (the total is a counter)");
        Add("board_load_ms", whole, "", null, "the whole DeadlineBoard.LoadAsync");
        if (plans)
        {
            await using var db = await _factory.CreateDbContextAsync();
            await PlanAsync(db, "board: counts", Counts(db));
            await PlanAsync(db, "board: overdue page", OverduePage(db));
        }
    }

    private async Task ReportAsync(BenchDataset data)
    {
        var (byAgency, byOfficer) = await BenchSuite.TimeReportAsync(_factory, data.SeededAtUtc);
        Add("report_agency_ms", byAgency, "", null, "ProgressReport.LoadAsync, 30 days, per agency, with the 12-month trend");
        Add("report_officer_ms", byOfficer, "", null, "the same per officer");
    }

    private sealed record OverdueRow(long Id, string Code, string ProcedureName, int AgencyId, int CurrentStep, DateTime DueAtUtc);

    /// <summary>The start of the Vietnamese day of the due instant (Vietnam keeps +07:00 all year).</summary>
    private const string DueDayStart = "(date_trunc('day', \"DueAtUtc\" AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'Asia/Ho_Chi_Minh')";

    private const string NextLevel =
        $"CASE WHEN @now > \"DueAtUtc\" THEN 'Overdue' WHEN @now >= {DueDayStart} THEN 'DueToday' ELSE 'Approaching' END";

    private const string ScanFloorInsert =
        "INSERT INTO \"DossierEvents\" (\"DossierId\", \"Sequence\", \"Type\", \"Actor\", \"AtUtc\", \"DataJson\") " +
        $"SELECT \"Id\", \"LastEventSequence\" + 1, 'AlertChanged', 'he-thong', @now, json_build_object('FromLevel', \"AlertLevel\", 'ToLevel', {NextLevel})::text " +
        $"FROM \"Dossiers\" WHERE {ScanFloorWhere}";

    /// <summary>The rows the scan writes: due, and not changed after <c>now</c>.</summary>
    private const string ScanFloorWhere = "\"NextAlertAtUtc\" IS NOT NULL AND \"NextAlertAtUtc\" <= @now AND \"LastChangedAtUtc\" <= @now";

    private const string ScanFloorUpdate =
        $"UPDATE \"Dossiers\" SET \"AlertLevel\" = {NextLevel}, " +
        $"\"NextAlertAtUtc\" = CASE WHEN @now > \"DueAtUtc\" THEN NULL WHEN @now >= {DueDayStart} THEN \"DueAtUtc\" + interval '1 second' ELSE {DueDayStart} END, " +
        "\"LastEventSequence\" = \"LastEventSequence\" + 1, \"RowVersion\" = \"RowVersion\" + 1, \"LastChangedBy\" = 'he-thong', \"LastChangedAtUtc\" = @now " +
        $"WHERE {ScanFloorWhere}";

    private async Task ScanFloorAsync(DateTime now)
    {
        await using var transaction = await _floor.BeginTransactionAsync();
        await PgSql.ExecAsync(_floor, ScanFloorInsert, ("now", now));
        await PgSql.ExecAsync(_floor, ScanFloorUpdate, ("now", now));
        await transaction.CommitAsync();
    }

    private async Task NaiveScanAsync(DateTime now)
    {
        await using var db = await _factory.CreateDbContextAsync();
        var context = await db.LoadDeadlineContextAsync(_calendars);
        var open = new[] { DossierStatus.Received, DossierStatus.InProcess, DossierStatus.AwaitingSupplement, DossierStatus.AwaitingPayment };
        var dossiers = await db.Dossiers.Where(d => open.Contains(d.Status)).ToListAsync();
        foreach (var dossier in dossiers)
            dossier.ChangeAlertLevel(now, dossier.LevelAt(now, context), DeadlineScanner.Actor, context);
        await db.SaveChangesAsync();
    }

    /// <summary>Saves the writable columns of the rows <paramref name="where"/> selects; returns the action that puts them back.</summary>
    private async Task<Func<Task>> SnapshotAsync(string table, string where, params (string Name, object? Value)[] parameters)
    {
        var columns = string.Join(", ", WrittenColumns.Select(c => $"\"{c}\""));
        await PgSql.ExecAsync(_connection, $"CREATE TEMP TABLE {table} AS SELECT \"Id\", {columns} FROM \"Dossiers\" WHERE {where}", parameters);
        var lastEvent = await PgSql.ScalarAsync<long>(_connection, "SELECT max(\"Id\") FROM \"DossierEvents\"");
        var restore = $"UPDATE \"Dossiers\" AS d SET {string.Join(", ", WrittenColumns.Select(c => $"\"{c}\" = s.\"{c}\""))} " +
            $"FROM pg_temp.{table} AS s WHERE d.\"Id\" = s.\"Id\"; DELETE FROM \"DossierEvents\" WHERE \"Id\" > @last";
        return async () =>
        {
            await using var transaction = await _connection.BeginTransactionAsync();
            await PgSql.ExecAsync(_connection, restore, ("last", lastEvent));
            await transaction.CommitAsync();
        };
    }

    private async Task PlanAsync(PublicServiceDbContext db, string name, IQueryable query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        await using var reader = await command.ExecuteReaderAsync();
        output.WriteLine($"plan of {name}:");
        while (await reader.ReadAsync()) output.WriteLine($"    {reader.GetString(0)}");
    }

    private async Task PlanAsync(string name, string sql, params (string Name, object? Value)[] parameters)
    {
        output.WriteLine($"plan of {name}:");
        foreach (var line in await PgSql.ListAsync(_connection, "EXPLAIN " + sql, r => r.GetString(0), parameters))
            output.WriteLine($"    {line}");
    }

    private void Add(string name, double value, string target, bool? met, string note = "") => _table.Add(name, value, target, met, note);
}
