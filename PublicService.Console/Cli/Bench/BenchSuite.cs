using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
/// The measurements of issue 8. Each contender starts from the same state: the rows a run can change are saved in
/// a temporary table first and put back (and the events it appended deleted) before the next run. Timings are
/// medians of several runs.
/// </summary>
internal sealed class BenchSuite(IServiceProvider services, string path, TextWriter output, bool plans)
{
    /// <summary>Every column the scan and the calendar recompute can write (ScanWriter's set).</summary>
    private static readonly string[] WrittenColumns =
        ["CountingStartUtc", "DueAtUtc", "StepDueAtUtc", "AlertLevel", "StepAlertLevel", "NextAlertAtUtc", "LastEventSequence", "RowVersion", "LastChangedBy", "LastChangedAtUtc"];

    private readonly BenchTable _table = new();
    private readonly IDbContextFactory<PublicServiceDbContext> _factory = services.GetRequiredService<IDbContextFactory<PublicServiceDbContext>>();
    private readonly WorkingCalendarProvider _calendars = services.GetRequiredService<WorkingCalendarProvider>();
    private SqliteConnection _connection = null!;
    private SqliteConnection _floor = null!;

    public async Task RunAsync(int dossiers)
    {
        await DomainServices.MigrateAndLoadCalendarAsync(services);
        _connection = new SqliteConnection($"Data Source={path}");
        await _connection.OpenAsync();
        await Sql.ExecAsync(_connection, SqlitePragmas.Statements);
        // The floors run on a connection of their own: a restore written on _connection invalidates its page cache
        // exactly as it invalidates the cache of the connection our code uses, so both start equally cold.
        _floor = new SqliteConnection($"Data Source={path}");
        await _floor.OpenAsync();
        await Sql.ExecAsync(_floor, SqlitePragmas.Statements);
        try
        {
            var data = await BenchData.LoadAsync(services, _connection, dossiers);
            output.WriteLine(
                $"loaded {data.Dossiers:N0} dossiers ({data.Open:N0} open, {100.0 * data.Open / data.Dossiers:0.#} %) and {data.Events:N0} events " +
                $"from {data.Templates:N0} generated histories in {data.LoadTime.TotalSeconds:0.0} s ({data.Phases})");
            Add("db_bytes_per_dossier", new FileInfo(path).Length / (double)data.Dossiers, "", null, "after ANALYZE, WAL checkpointed");

            await ScanAsync(data);
            await QuietScanAsync(data);
            await CalendarAsync(data);
            await DueDatesAsync(data);
            await BoardAsync(data);
            await ReportAsync(data);
            Add("peak_working_set_mb", Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), "", null, "whole run, includes the naive EF load");
            Print();
        }
        finally
        {
            await _floor.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }

    /// <summary>1 % of the open dossiers cross a threshold: our scan, the SQL floor, and the naive EF way.</summary>
    private async Task ScanAsync(BenchDataset data)
    {
        var crossing = Math.Max(1, data.Open / 100);
        var now = DateTime.SpecifyKind(await Sql.ScalarAsync<DateTime>(_connection,
            "SELECT NextAlertAtUtc FROM Dossiers WHERE NextAlertAtUtc IS NOT NULL ORDER BY NextAlertAtUtc LIMIT 1 OFFSET @k", ("@k", crossing - 1)), DateTimeKind.Utc);
        var restore = await SnapshotAsync("scan_snapshot", "NextAlertAtUtc IS NOT NULL AND NextAlertAtUtc <= @now", ("@now", now));
        var scanner = services.GetRequiredService<DeadlineScanner>();

        DeadlineScanResult? result = null;
        var ours = await MedianAsync(5, restore, async () => result = await scanner.ScanAsync(now));
        var floorRows = 0;
        var floor = await MedianAsync(5, restore, async () => floorRows = await ScanFloorAsync(now));
        // Where our time goes: reading the due dossiers (ids, then the deadline columns of the rows), as the scan does.
        var read = await MedianAsync(5, restore, async () =>
        {
            await using var db = await _factory.CreateDbContextAsync();
            var ids = await DeadlineScanner.DueDossierIds(db, now).ToListAsync();
            foreach (var chunk in ids.Chunk(500))
                await DeadlineScanner.DeadlineRows(db, chunk).ToListAsync();
        });
        // … and the domain work on them (levels, schedules, events), everything our scan does except writing.
        var compute = await MedianAsync(5, restore, async () =>
        {
            await using var db = await _factory.CreateDbContextAsync();
            var context = await db.LoadDeadlineContextAsync(_calendars);
            var ids = await DeadlineScanner.DueDossierIds(db, now).ToListAsync();
            foreach (var chunk in ids.Chunk(500))
                foreach (var dossier in await DeadlineScanner.DeadlineRows(db, chunk).ToListAsync())
                    if (!dossier.ChangeAlertLevel(now, dossier.LevelAt(now, context), DeadlineScanner.Actor, context)
                        & !dossier.ChangeStepAlertLevel(now, dossier.StepLevelAt(now, context), DeadlineScanner.Actor, context))
                        dossier.RefreshSchedule(context);
        });
        output.WriteLine($"of which reading the due dossiers' deadline columns through EF: {read:0.0} ms; reading and the domain work, without writing: {compute:0.0} ms");
        // The floor writes every due row; the scan must have changed a level (its own or its step's) on each of them.
        var changed = result!.Changes.Select(c => c.DossierId).Distinct().Count();
        var same = changed == floorRows && result.Scanned == floorRows;
        output.WriteLine($"scan at {VietnamTime.ToIso(now)}: {result.Scanned:N0} due, {changed:N0} dossiers changed level ({result.Changed:N0} dossier levels, " +
            $"{result.StepChanged:N0} step levels); SQL floor updated {floorRows:N0} rows{(same ? "" : " – NOT THE SAME WORK")}; ours {ours:0.0} ms, SQL floor {floor:0.0} ms");

        // The naive way loads every open dossier; at a million that is hundreds of thousands of tracked entities,
        // so it runs once (three times on small data).
        var naiveRuns = data.Open > 100_000 ? 1 : 3;
        var naive = await MedianAsync(naiveRuns, restore, () => NaiveScanAsync(now));
        await restore();
        output.WriteLine($"naive EF over {data.Open:N0} open dossiers: {naive:0} ms ({naiveRuns} run{(naiveRuns > 1 ? "s" : "")})");

        Add("incremental_scan_ms", ours, "", null, $"{changed:N0} of {result.Scanned:N0} due changed{(same ? "" : $", floor {floorRows:N0}!")}");
        Add("scan_sql_floor_ms", floor, "", null, "one INSERT…SELECT + one UPDATE");
        Add("naive_ef_scan_ms", naive, "", null, $"all {data.Open:N0} open dossiers, {naiveRuns} run(s)");
        Add("incremental_scan_vs_sql_floor", ours / floor, "≤ 1.5", ours / floor <= 1.5);
        Add("naive_ef_vs_incremental_scan", naive / ours, "≥ 100", naive / ours >= 100);
        if (plans)
        {
            await using var db = await _factory.CreateDbContextAsync();
            await PlanAsync("scan: due dossier ids", DeadlineScanner.DueDossierIds(db, now));
            await PlanAsync("scan floor: insert events", ScanFloorInsert, ("@now", now));
            await PlanAsync("scan floor: update dossiers", ScanFloorUpdate, ("@now", now));
        }
    }

    private async Task QuietScanAsync(BenchDataset data)
    {
        var scanner = services.GetRequiredService<DeadlineScanner>();
        // The seeder's own "now" came before the moment it finished: nothing is due yet at the earlier instant.
        var quietAt = data.SeededAtUtc.AddMinutes(-10);
        var scanned = -1;
        var quiet = await MedianAsync(9, () => Task.CompletedTask, async () => scanned = (await scanner.ScanAsync(quietAt)).Scanned);
        Add("quiet_scan_ms", quiet, "< 5", quiet < 5, $"{scanned} due");
    }

    /// <summary>
    /// The moved due dates must be what the domain computes, so the floor recomputes only the crude "one day later"
    /// for every dossier in the window: the cost of finding and writing the same rows, with no calendar arithmetic.
    /// </summary>
    private const string CalendarFloorUpdate =
        "UPDATE Dossiers SET DueAtUtc = strftime('%Y-%m-%d %H:%M:%S', DueAtUtc, '+1 day'), " +
        "StepDueAtUtc = strftime('%Y-%m-%d %H:%M:%S', StepDueAtUtc, '+1 day'), " +
        "NextAlertAtUtc = strftime('%Y-%m-%d %H:%M:%S', NextAlertAtUtc, '+1 day') " +
        "WHERE DueAtUtc >= @from AND ReceivedAtUtc < @to";

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
        var restore = await SnapshotAsync("calendar_snapshot", "DueAtUtc >= @from AND ReceivedAtUtc < @to", ("@from", from), ("@to", to));

        DayOffRecomputeReport? report = null;
        var ours = await MedianAsync(3, restore, async () =>
        {
            await using var db = await _factory.CreateDbContextAsync();
            report = await DayOffDeadlines.RecomputeAsync(db, context, day, day, data.SeededAtUtc);
        });
        var floor = await MedianAsync(3, restore, async () =>
        {
            using var transaction = _floor.BeginTransaction();
            using var command = Sql.Command(_floor, CalendarFloorUpdate, ("@from", from), ("@to", to));
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync();
            transaction.Commit();
        });
        await restore();
        output.WriteLine($"day off {day:yyyy-MM-dd}: {report!.Examined:N0} dossiers in the window, {report.Moved:N0} moved, {report.Relevelled:N0} re-levelled; ours {ours:0} ms, SQL floor {floor:0} ms");
        Add("calendar_recompute_ms", ours, "", null, $"{report.Moved:N0} of {report.Examined:N0} moved");
        Add("calendar_sql_floor_ms", floor, "", null, "one UPDATE of the window");
        Add("calendar_recompute_vs_sql_floor", ours / floor, "≤ 2", ours / floor <= 2);
        if (plans)
        {
            await using var db = await _factory.CreateDbContextAsync();
            await PlanAsync("calendar: candidates", DayOffDeadlines.CandidatesQuery(db, from, to).Select(d => new { d.Id, d.LastChangedAtUtc }));
            await PlanAsync("calendar floor: update", CalendarFloorUpdate, ("@from", from), ("@to", to));
        }
    }

    /// <summary>
    /// A realistic mix of statutory periods (the demo catalog's are short): same-day and a few working hours for
    /// simple certifications, 1–12 working days for most procedures, 15–45 for land, construction and investment.
    /// </summary>
    internal static readonly (int Weight, ProcessingTime Time)[] PeriodMix =
    [
        (5, ProcessingTime.SameDay),
        (4, new(4, TimeUnit.WorkingHours)), (3, new(8, TimeUnit.WorkingHours)), (3, new(24, TimeUnit.WorkingHours)),
        (6, new(1, TimeUnit.WorkingDays)), (6, new(3, TimeUnit.WorkingDays)), (8, new(5, TimeUnit.WorkingDays)),
        (8, new(7, TimeUnit.WorkingDays)), (10, new(10, TimeUnit.WorkingDays)), (7, new(12, TimeUnit.WorkingDays)),
        (10, new(15, TimeUnit.WorkingDays)), (8, new(20, TimeUnit.WorkingDays)), (6, new(30, TimeUnit.WorkingDays)),
        (6, new(45, TimeUnit.WorkingDays)), (5, new(30, TimeUnit.CalendarDays)), (5, new(60, TimeUnit.CalendarDays)),
    ];

    private async Task DueDatesAsync(BenchDataset data)
    {
        // Receipt instants of the generated histories (spread over weeks, working hours and after the cut-off),
        // each paired with a period drawn from the mix; the same N pairs for both contenders.
        List<DateTime> starts;
        await using (var db = await _factory.CreateDbContextAsync())
        {
            starts = (await db.Dossiers.AsNoTracking().Where(d => d.Id <= data.Templates).Select(d => d.ReceivedAtUtc).ToListAsync())
                .Select(d => DateTime.SpecifyKind(d, DateTimeKind.Utc)).ToList();
        }
        var pool = PeriodMix.SelectMany(p => Enumerable.Repeat(p.Time, p.Weight)).ToArray();
        var random = new Random(8);
        var count = (int)data.Dossiers;
        var samples = new (DateTime Start, ProcessingTime Time)[count];
        for (var i = 0; i < count; i++) samples[i] = (starts[random.Next(starts.Count)], pool[random.Next(pool.Length)]);
        var meanDays = samples.Where(s => s.Time.Unit == TimeUnit.WorkingDays).Average(s => s.Time.Amount);

        var calendar = _calendars.Current;
        long fastSum = 0, loopSum = 0;
        var dayLoop = new DayLoopDueDates(calendar);
        // One untimed pass of each first: with tiered compilation the first calls run unoptimized code, and on a
        // busy machine the optimized code can take seconds to arrive; the fast path suffers most (nothing inlined).
        foreach (var (start, time) in samples)
        {
            fastSum += DueDateCalculator.ComputeInstants(calendar, start, time).DueUtc.Ticks;
            loopSum += dayLoop.Compute(start, time).Ticks;
        }
        await Task.Delay(1000);
        var fast = await MedianAsync(5, () => Task.CompletedTask, () =>
        {
            fastSum = 0;
            foreach (var (start, time) in samples) fastSum += DueDateCalculator.ComputeInstants(calendar, start, time).DueUtc.Ticks;
            return Task.CompletedTask;
        });
        var loop = await MedianAsync(5, () => Task.CompletedTask, () =>
        {
            loopSum = 0;
            foreach (var (start, time) in samples) loopSum += dayLoop.Compute(start, time).Ticks;
            return Task.CompletedTask;
        });
        var mismatches = samples.Take(20_000).Count(s => DueDateCalculator.ComputeInstants(calendar, s.Start, s.Time).DueUtc != dayLoop.Compute(s.Start, s.Time));
        output.WriteLine($"{count:N0} due dates (mean {meanDays:0.#} working days where counted in days): compiled calendar {fast:0} ms, day loop {loop:0} ms; " +
            $"{mismatches} of the first 20,000 answers differ{(fastSum == loopSum ? ", sums equal" : ", sums differ")}");
        Add("due_dates_fast_ms", fast, "", null, $"{count:N0} ComputeInstants (no allocation)");
        Add("due_dates_day_loop_ms", loop, "", null, $"{count:N0} day-by-day");
        Add("due_dates_fast_vs_day_loop", loop / fast, "≥ 20", loop / fast >= 20);
    }

    private async Task BoardAsync(BenchDataset data)
    {
        var now = data.SeededAtUtc;
        var running = new[] { DossierStatus.Received, DossierStatus.InProcess };
        // The same query shapes as DeadlineBoard.LoadAsync: the counts (maintained counters) and the first page of
        // the overdue list (its total is one of the counts).
        IQueryable<Dossier> Overdue(PublicServiceDbContext db) =>
            db.Dossiers.AsNoTracking().Where(d => running.Contains(d.Status) && d.AlertLevel == AlertLevel.Overdue);
        IQueryable<OverdueRow> OverduePage(PublicServiceDbContext db) =>
            from d in Overdue(db).OrderBy(d => d.DueAtUtc).ThenBy(d => d.Id).Take(DeadlineBoard.DefaultListLimit)
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            select new OverdueRow(d.Id, d.Code, v.Name, d.CurrentAgencyId ?? d.ReceivingAgencyId, d.CurrentStep, d.DueAtUtc);
        IQueryable<BoardCount> Counts(PublicServiceDbContext db) => DeadlineBoard.CountsQuery(db, StaffScope.System, new DeadlineBoardFilter());
        // What the counters replace: the GROUP BY over the running rows, for the record.
        IQueryable<BoardCount> GroupBy(PublicServiceDbContext db) =>
            from d in db.Dossiers.AsNoTracking()
            join v in db.ProcedureVersions on d.ProcedureVersionId equals v.Id
            where running.Contains(d.Status)
            group d by new { AgencyId = d.CurrentAgencyId ?? d.ReceivingAgencyId, v.FieldId, d.AlertLevel } into g
            select new BoardCount(g.Key.AgencyId, g.Key.FieldId, g.Key.AlertLevel, g.Count());
        var grouped = await MedianAsync(3, () => Task.CompletedTask, async () =>
        {
            await using var db = await _factory.CreateDbContextAsync();
            await GroupBy(db).ToListAsync();
        });
        var counts = await MedianAsync(7, () => Task.CompletedTask, async () =>
        {
            await using var db = await _factory.CreateDbContextAsync();
            await Counts(db).ToListAsync();
        });
        var page = await MedianAsync(7, () => Task.CompletedTask, async () =>
        {
            await using var db = await _factory.CreateDbContextAsync();
            await OverduePage(db).ToListAsync();
        });
        var whole = await MedianAsync(5, () => Task.CompletedTask, async () =>
        {
            await using var db = await _factory.CreateDbContextAsync();
            await DeadlineBoard.LoadAsync(db, _calendars.Current, new DeadlineBoardFilter(), now);
        });
        Add("board_counts_ms", counts, "< 10", counts < 10, "per agency × field × level, from the maintained counters");
        Add("board_group_by_ms", grouped, "", null, "the same counts as a GROUP BY over the running rows");
        Add("overdue_page_ms", page, "< 10", page < 10, "first 50 rows (the total is a counter)");
        Add("board_load_ms", whole, "", null, "the whole DeadlineBoard.LoadAsync");
        if (plans)
        {
            await using var db = await _factory.CreateDbContextAsync();
            await PlanAsync("board: counts", Counts(db));
            await PlanAsync("board: overdue page", OverduePage(db));
        }
    }

    /// <summary>
    /// The progress report over the last 30 days, whole centre: grouped by agency (one pass over the period's
    /// dossiers) and by officer (plus a correlated lookup of each dossier's latest processing event).
    /// </summary>
    private async Task ReportAsync(BenchDataset data)
    {
        var (byAgency, byOfficer) = await TimeReportAsync(_factory, data.SeededAtUtc);
        Add("report_agency_ms", byAgency, "", null, "ProgressReport.LoadAsync, 30 days, per agency, with the 12-month trend");
        Add("report_officer_ms", byOfficer, "", null, "the same per officer");
    }

    /// <summary>Median times of the report's two groupings at <paramref name="now"/>, on whichever provider the factory uses.</summary>
    internal static async Task<(double ByAgency, double ByOfficer)> TimeReportAsync(IDbContextFactory<PublicServiceDbContext> factory, DateTime now)
    {
        var today = VietnamTime.DateOf(now);
        var period = new ReportPeriod(today.AddDays(-30), today);
        async Task<double> Time(ReportGrouping grouping) => await MedianOfAsync(3, () => Task.CompletedTask, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            await ProgressReport.LoadAsync(db, new ProgressReportQuery(period, grouping), now, StaffScope.System);
        });
        return (await Time(ReportGrouping.Agency), await Time(ReportGrouping.Officer));
    }

    private sealed record OverdueRow(long Id, string Code, string ProcedureName, int AgencyId, int CurrentStep, DateTime DueAtUtc);

    /// <summary>The floor of the scan: the same events and the same column values, computed by SQLite in two statements.</summary>
    private const string NextLevel =
        "CASE WHEN @now > DueAtUtc THEN 'Overdue' " +
        "WHEN @now >= strftime('%Y-%m-%d %H:%M:%S', DueAtUtc, '+7 hours', 'start of day', '-7 hours') THEN 'DueToday' ELSE 'Approaching' END";

    private const string ScanFloorInsert =
        "INSERT INTO DossierEvents (DossierId, Sequence, Type, Actor, AtUtc, DataJson) " +
        $"SELECT Id, LastEventSequence + 1, 'AlertChanged', 'he-thong', @now, json_object('FromLevel', AlertLevel, 'ToLevel', {NextLevel}) " +
        "FROM Dossiers WHERE NextAlertAtUtc IS NOT NULL AND NextAlertAtUtc <= @now";

    private const string ScanFloorUpdate =
        $"UPDATE Dossiers SET AlertLevel = {NextLevel}, " +
        "NextAlertAtUtc = CASE WHEN @now > DueAtUtc THEN NULL " +
        "WHEN @now >= strftime('%Y-%m-%d %H:%M:%S', DueAtUtc, '+7 hours', 'start of day', '-7 hours') THEN strftime('%Y-%m-%d %H:%M:%S', DueAtUtc, '+1 second') " +
        "ELSE strftime('%Y-%m-%d %H:%M:%S', DueAtUtc, '+7 hours', 'start of day', '-7 hours') END, " +
        "LastEventSequence = LastEventSequence + 1, RowVersion = RowVersion + 1, LastChangedBy = 'he-thong', LastChangedAtUtc = @now " +
        "WHERE NextAlertAtUtc IS NOT NULL AND NextAlertAtUtc <= @now";

    /// <summary>Runs the floor; returns how many dossier rows it updated.</summary>
    private async Task<int> ScanFloorAsync(DateTime now)
    {
        using var transaction = _floor.BeginTransaction();
        var rows = 0;
        foreach (var sql in new[] { ScanFloorInsert, ScanFloorUpdate })
        {
            using var command = Sql.Command(_floor, sql, ("@now", now));
            command.Transaction = transaction;
            rows = await command.ExecuteNonQueryAsync();
        }
        transaction.Commit();
        return rows;
    }

    /// <summary>The naive scan: every open dossier through EF change tracking, levels recomputed in C#, one SaveChanges.</summary>
    private async Task NaiveScanAsync(DateTime now)
    {
        await using var db = await _factory.CreateDbContextAsync();
        var context = await db.LoadDeadlineContextAsync(_calendars);
        var open = new[] { DossierStatus.Received, DossierStatus.InProcess, DossierStatus.AwaitingSupplement, DossierStatus.AwaitingPayment };
        var dossiers = await db.Dossiers.Where(d => open.Contains(d.Status)).ToListAsync();
        foreach (var dossier in dossiers)
        {
            dossier.ChangeAlertLevel(now, dossier.LevelAt(now, context), DeadlineScanner.Actor, context);
            dossier.ChangeStepAlertLevel(now, dossier.StepLevelAt(now, context), DeadlineScanner.Actor, context);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Saves the writable columns of the rows <paramref name="where"/> selects and returns the action that puts
    /// them back and deletes every event appended since.
    /// </summary>
    private async Task<Func<Task>> SnapshotAsync(string table, string where, params (string Name, object? Value)[] parameters)
    {
        var columns = string.Join(", ", WrittenColumns);
        await Sql.ExecAsync(_connection, $"CREATE TEMP TABLE {table} AS SELECT Id, {columns} FROM Dossiers WHERE {where}", parameters);
        var lastEvent = await Sql.ScalarAsync<long>(_connection, "SELECT max(Id) FROM DossierEvents");
        var restore = $"UPDATE Dossiers SET {string.Join(", ", WrittenColumns.Select(c => $"{c} = s.{c}"))} " +
            $"FROM temp.{table} AS s WHERE Dossiers.Id = s.Id; DELETE FROM DossierEvents WHERE Id > @last";
        return async () =>
        {
            using var transaction = _connection.BeginTransaction();
            using var command = Sql.Command(_connection, restore, ("@last", lastEvent));
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync();
            transaction.Commit();
        };
    }

    private static async Task<double> MedianAsync(int runs, Func<Task> reset, Func<Task> run)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            await reset();
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
    }

    private async Task PlanAsync(string name, IQueryable query)
    {
        using var command = query.CreateDbCommand();
        await PlanAsync(name, command.CommandText,
            command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray());
    }

    private async Task PlanAsync(string name, string sql, params (string Name, object? Value)[] parameters)
    {
        output.WriteLine($"plan of {name}:");
        foreach (var line in await Sql.ListAsync(_connection, "EXPLAIN QUERY PLAN " + sql, r => r.GetString(3), parameters))
            output.WriteLine($"    {line}");
    }

    private void Add(string name, double value, string target, bool? met, string note = "") => _table.Add(name, value, target, met, note);

    private void Print() => _table.Print(output);

    internal static Task<double> MedianOfAsync(int runs, Func<Task> reset, Func<Task> run) => MedianAsync(runs, reset, run);
}
