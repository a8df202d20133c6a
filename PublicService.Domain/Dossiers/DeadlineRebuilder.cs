using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;

namespace PublicService.Domain.Dossiers;

/// <summary>How many dossiers were examined and how many had derived columns different from what their events say.</summary>
public sealed record RebuildReport(int Examined, int Differed, IReadOnlyList<string> SampleCodes)
{
    /// <summary>The dossiers whose due instant moved, old and new, at most <see cref="DeadlineRebuilder.MovedListLimit"/>.</summary>
    public IReadOnlyList<MovedDeadline> Moved { get; init; } = [];

    /// <summary>How many of the differing dossiers have a different due instant (the rest changed only alert columns).</summary>
    public int DueMoved { get; init; }
}

/// <summary>A dossier whose due instant a calendar change moves: what the administrator checks before saving.</summary>
public sealed record MovedDeadline(long DossierId, string Code, int ProcedureVersionId, DateTime OldDueUtc, DateTime NewDueUtc);

/// <summary>
/// Recomputes every dossier's derived deadline columns from its events under the current calendar and thresholds.
/// It proves the columns are derived (a dry run on a consistent database finds 0 differences) and repairs them
/// after a change that moved deadlines.
/// </summary>
public sealed class DeadlineRebuilder(IDbContextFactory<PublicServiceDbContext> dbFactory, WorkingCalendarProvider calendars)
{
    public const int BatchSize = 500;

    /// <summary>How many moved due dates a report lists; the count covers them all.</summary>
    public const int MovedListLimit = 500;

    public Task<RebuildReport> RebuildAsync(bool dryRun, CancellationToken ct = default) =>
        RebuildAsync(dryRun, calendars.Current, ct);

    /// <summary>The same under a given calendar: a dry run with a candidate calendar previews which deadlines an edit would move.</summary>
    public async Task<RebuildReport> RebuildAsync(bool dryRun, WorkingCalendar calendar, CancellationToken ct = default)
    {
        var examined = 0;
        var differed = 0;
        var samples = new List<string>();
        var moved = new List<MovedDeadline>();
        var dueMoved = 0;
        long afterId = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var context = new DeadlineContext(calendar, (await db.LoadSettingsAsync(ct)).Alerts);
            var batch = await db.Dossiers.Include(d => d.Events).AsSplitQuery()
                .Where(d => d.Id > afterId).OrderBy(d => d.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var dossier in batch)
            {
                examined++;
                var oldDue = dossier.DueAtUtc;
                if (!dossier.RecomputeFromEvents(context)) continue;
                if (dossier.DueAtUtc != oldDue && ++dueMoved <= MovedListLimit)
                    moved.Add(new MovedDeadline(dossier.Id, dossier.Code, dossier.ProcedureVersionId, oldDue, dossier.DueAtUtc));
                differed++;
                if (samples.Count < 10) samples.Add(dossier.Code);
            }
            if (!dryRun) await db.SaveChangesAsync(ct);
            afterId = batch[^1].Id;
        }
        return new RebuildReport(examined, differed, samples) { Moved = moved, DueMoved = dueMoved };
    }
}
