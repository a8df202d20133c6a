using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;

namespace PublicService.Domain.Calendar;

/// <summary>What applying calendar overrides does: how many are new, how many replace one on the same date, how many dossiers' deadlines move.</summary>
public sealed record CalendarChangeReport(int Added, int Replaced, int DossiersMoved, IReadOnlyList<string> SampleCodes);

/// <summary>
/// Applies a set of overrides (an import, or an administrator's edit) to the stored calendar. The preview compiles
/// the candidate calendar and counts the dossiers whose derived deadlines would differ, writing nothing; applying
/// stores the overrides in one transaction, swaps the compiled calendar and moves those deadlines.
/// </summary>
public sealed class CalendarChanges(
    IDbContextFactory<PublicServiceDbContext> dbFactory,
    WorkingCalendarProvider calendars,
    DeadlineRebuilder rebuilder,
    DeadlineScanner scanner)
{
    public async Task<CalendarChangeReport> PreviewAsync(IReadOnlyList<CalendarOverride> overrides, CancellationToken ct = default)
    {
        var (candidate, replaced) = await CandidateAsync(overrides, ct);
        var moved = await rebuilder.RebuildAsync(dryRun: true, candidate, ct);
        return new CalendarChangeReport(overrides.Count - replaced, replaced, moved.Differed, moved.SampleCodes);
    }

    public async Task<CalendarChangeReport> ApplyAsync(IReadOnlyList<CalendarOverride> overrides, CancellationToken ct = default)
    {
        var (candidate, replaced) = await CandidateAsync(overrides, ct);
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
        var moved = await rebuilder.RebuildAsync(dryRun: false, candidate, ct);
        // A due date moved later can leave a level too high (an overdue one is never selected again): re-level.
        if (moved.Differed > 0) await scanner.RelevelAllAsync(ct: ct);
        return new CalendarChangeReport(overrides.Count - replaced, replaced, moved.Differed, moved.SampleCodes);
    }

    private async Task<(WorkingCalendar Candidate, int Replaced)> CandidateAsync(IReadOnlyList<CalendarOverride> overrides, CancellationToken ct)
    {
        var duplicate = overrides.GroupBy(o => o.Date).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DomainException("calendar.override.duplicate-date", $"Ngày {duplicate.Key:dd/MM/yyyy} xuất hiện nhiều lần.", "Date");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.LoadSettingsAsync(ct);
        var dates = overrides.Select(o => o.Date).ToHashSet();
        var stored = await db.CalendarOverrides.AsNoTracking().ToListAsync(ct);
        var kept = stored.Where(o => !dates.Contains(o.Date));
        return (WorkingCalendar.Compile(settings.Calendar, kept.Concat(overrides)), stored.Count(o => dates.Contains(o.Date)));
    }
}
