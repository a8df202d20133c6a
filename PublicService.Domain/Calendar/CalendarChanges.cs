using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;

namespace PublicService.Domain.Calendar;

/// <summary>What applying calendar overrides does: how many are new, how many replace one on the same date, how many dossiers' deadlines move.</summary>
public sealed record CalendarChangeReport(int Added, int Replaced, int DossiersMoved, IReadOnlyList<string> SampleCodes)
{
    /// <summary>How many stored overrides the change removes.</summary>
    public int Removed { get; init; }

    /// <summary>How many open dossiers' due instants move (<see cref="DossiersMoved"/> also counts alert-only changes).</summary>
    public int DueDatesMoved { get; init; }

    /// <summary>The moved due dates with their procedure's name, at most <see cref="DeadlineRebuilder.MovedListLimit"/>.</summary>
    public IReadOnlyList<MovedDueDate> Moved { get; init; } = [];
}

/// <summary>One dossier's due instant before and after a calendar change, for the administrator's preview.</summary>
public sealed record MovedDueDate(string Code, string ProcedureName, DateTime OldDueUtc, DateTime NewDueUtc);

/// <summary>
/// Applies a set of overrides (an import, or an administrator's edit) to the stored calendar, or removes one. The
/// preview compiles the candidate calendar and lists the dossiers whose derived deadlines would differ, writing
/// nothing; applying stores the change in one transaction, swaps the compiled calendar and moves those deadlines
/// with <see cref="DayOffDeadlines"/>: only the dossiers whose window contains a changed day, re-levelled at the
/// scanner's "now" (a full rebuild would load every dossier with its events).
/// </summary>
public sealed class CalendarChanges(
    IDbContextFactory<PublicServiceDbContext> dbFactory,
    WorkingCalendarProvider calendars,
    DeadlineRebuilder rebuilder,
    DeadlineScanner scanner)
{
    /// <summary>
    /// How a saved set of overrides is written in the audit trail, the same from the calendar page and from
    /// <c>import-calendar</c>: each override, then how many due dates moved.
    /// </summary>
    public static string AuditDetail(IEnumerable<CalendarOverride> overrides, int dueDatesMoved) =>
        $"{string.Join("; ", overrides.Select(o => $"{o.Date:yyyy-MM-dd} {o.Kind} {o.Reason} ({o.DecreeNumber})"))}; {dueDatesMoved} hồ sơ đổi hạn";

    public async Task<CalendarChangeReport> PreviewAsync(IReadOnlyList<CalendarOverride> overrides, CancellationToken ct = default)
    {
        var (candidate, replaced) = await CandidateAsync(overrides, [], ct);
        var moved = await rebuilder.RebuildAsync(dryRun: true, candidate, ct);
        return await ReportAsync(overrides.Count - replaced, replaced, 0, moved, ct);
    }

    public async Task<CalendarChangeReport> ApplyAsync(IReadOnlyList<CalendarOverride> overrides, CancellationToken ct = default)
    {
        var (candidate, replaced) = await CandidateAsync(overrides, [], ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var dates = overrides.Select(o => o.Date).ToList();
            db.CalendarOverrides.RemoveRange(await db.CalendarOverrides.Where(o => dates.Contains(o.Date)).ToListAsync(ct));
            await db.SaveChangesAsync(ct);
            db.CalendarOverrides.AddRange(overrides);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        calendars.Replace(candidate);
        // Deadlines follow the committed calendar; should this step be interrupted, rebuild-deadlines finishes it.
        var moved = await MoveDeadlinesAsync(candidate, overrides.Select(o => o.Date), ct);
        return await ReportAsync(overrides.Count - replaced, replaced, 0, moved, ct);
    }

    /// <summary>What removing the override on <paramref name="date"/> would move; refuses when there is none.</summary>
    public async Task<CalendarChangeReport> PreviewRemovalAsync(DateOnly date, CancellationToken ct = default)
    {
        await EnsureStoredAsync(date, ct);
        var (candidate, _) = await CandidateAsync([], [date], ct);
        var moved = await rebuilder.RebuildAsync(dryRun: true, candidate, ct);
        return await ReportAsync(0, 0, 1, moved, ct);
    }

    /// <summary>Removes the override on <paramref name="date"/>, back to the generated calendar, and moves deadlines.</summary>
    public async Task<CalendarChangeReport> RemoveAsync(DateOnly date, CancellationToken ct = default)
    {
        await EnsureStoredAsync(date, ct);
        var (candidate, _) = await CandidateAsync([], [date], ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.CalendarOverrides.RemoveRange(await db.CalendarOverrides.Where(o => o.Date == date).ToListAsync(ct));
            await db.SaveChangesAsync(ct);
        }
        calendars.Replace(candidate);
        var moved = await MoveDeadlinesAsync(candidate, [date], ct);
        return await ReportAsync(0, 0, 1, moved, ct);
    }

    /// <summary>
    /// Moves the deadlines of the dossiers whose window contains one of the changed days (one range from the first
    /// to the last: an import's days are close together) and re-levels those it moved, both ways: a due date moved
    /// later can leave a level too high, which the scan would never select again.
    /// </summary>
    private async Task<RebuildReport> MoveDeadlinesAsync(WorkingCalendar candidate, IEnumerable<DateOnly> changedDays, CancellationToken ct)
    {
        var days = changedDays.ToList();
        if (days.Count == 0) return new RebuildReport(0, 0, []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var context = new DeadlineContext(candidate, (await db.LoadSettingsAsync(ct)).Alerts);
        var now = scanner.Time.GetUtcNow().UtcDateTime;
        var report = await DayOffDeadlines.RecomputeAsync(db, context, days.Min(), days.Max(), now, ct);
        // Committed: open boards, queues and dossier pages follow the new levels as they follow a scan's.
        await scanner.PublishAsync(DeadlineScanResult.Of(now, report.Examined, report.AlertChanges, 0), ct);
        return report.AsRebuildReport();
    }

    private async Task EnsureStoredAsync(DateOnly date, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.CalendarOverrides.AnyAsync(o => o.Date == date, ct))
            throw new DomainException("calendar.override.not-found", $"Ngày {date:dd/MM/yyyy} không có điều chỉnh lịch nào để xóa.", "Date");
    }

    private async Task<CalendarChangeReport> ReportAsync(int added, int replaced, int removed, RebuildReport moved, CancellationToken ct)
    {
        var versionIds = moved.Moved.Select(m => m.ProcedureVersionId).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await db.ProcedureVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        return new CalendarChangeReport(added, replaced, moved.Differed, moved.SampleCodes)
        {
            Removed = removed,
            DueDatesMoved = moved.DueMoved,
            Moved = [.. moved.Moved.Select(m => new MovedDueDate(m.Code, names.GetValueOrDefault(m.ProcedureVersionId, ""), m.OldDueUtc, m.NewDueUtc))],
        };
    }

    private async Task<(WorkingCalendar Candidate, int Replaced)> CandidateAsync(
        IReadOnlyList<CalendarOverride> overrides, IReadOnlyCollection<DateOnly> removals, CancellationToken ct)
    {
        var duplicate = overrides.GroupBy(o => o.Date).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DomainException("calendar.override.duplicate-date", $"Ngày {duplicate.Key:dd/MM/yyyy} xuất hiện nhiều lần.", "Date");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.LoadSettingsAsync(ct);
        var dates = overrides.Select(o => o.Date).Concat(removals).ToHashSet();
        var stored = await db.CalendarOverrides.AsNoTracking().ToListAsync(ct);
        var kept = stored.Where(o => !dates.Contains(o.Date));
        return (WorkingCalendar.Compile(settings.Calendar, kept.Concat(overrides)), stored.Count(o => overrides.Any(n => n.Date == o.Date)));
    }
}
