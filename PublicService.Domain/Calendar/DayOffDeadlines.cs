using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;

namespace PublicService.Domain.Calendar;

/// <summary>What a set-based recompute after a calendar change did.</summary>
public sealed record DayOffRecomputeReport(int Examined, int Moved, int Relevelled)
{
    /// <summary>The moved dossiers' codes, at most ten.</summary>
    public IReadOnlyList<string> SampleCodes { get; init; } = [];

    /// <summary>The dossiers whose due instant moved, old and new, at most <see cref="DeadlineRebuilder.MovedListLimit"/>.</summary>
    public IReadOnlyList<MovedDeadline> MovedDueDates { get; init; } = [];

    /// <summary>How many of the moved dossiers have a different due instant (the rest changed only step or alert columns).</summary>
    public int DueMoved { get; init; }

    /// <summary>The levels the re-level changed (dossiers' and current steps'), for the live screens once committed.</summary>
    public IReadOnlyList<AlertChange> AlertChanges { get; init; } = [];

    /// <summary>The same figures in the shape of a full rebuild's report.</summary>
    public RebuildReport AsRebuildReport() => new(Examined, Moved, SampleCodes) { Moved = MovedDueDates, DueMoved = DueMoved };
}

/// <summary>
/// Moves the derived deadline columns after the working status of a few days changed (a new day off, a swapped
/// working day), touching only the dossiers whose window contains those days instead of replaying every history
/// as <see cref="DeadlineRebuilder"/> does. It must agree with the rebuilder; the shortcut rests on two facts:
/// <list type="bullet">
/// <item>A dossier's deadlines depend on days from its receipt to its due date only, so one received after the
/// changed days or due before them cannot move: the candidates are a range seek on the <c>DueAtUtc</c> index.</item>
/// <item>The only derived value the row cannot recompute by itself is <see cref="Dossier.PausedWorkingMinutes"/>,
/// summed over past pauses. A dossier whose last event came before the changed days has no pause touching them,
/// so <see cref="Dossier.RefreshSchedule"/> on the row equals a replay; only the others (few, for a day off
/// announced ahead) are replayed from their events.</item>
/// </list>
/// A running dossier whose level the new schedule lowers or raises gets an <c>AlertChanged</c> event at
/// <c>now</c>, as the scan's re-level would give it. Everything is written in one transaction.
/// </summary>
public static class DayOffDeadlines
{
    /// <summary>Dossiers loaded and written per round trip.</summary>
    public const int BatchSize = 1000;

    /// <summary>
    /// Recomputes, under <paramref name="context"/> (the calendar that already has the change), the dossiers whose
    /// window contains a day from <paramref name="firstDay"/> to <paramref name="lastDay"/>.
    /// </summary>
    public static async Task<DayOffRecomputeReport> RecomputeAsync(
        PublicServiceDbContext db, DeadlineContext context, DateOnly firstDay, DateOnly lastDay, DateTime nowUtc, CancellationToken ct = default)
    {
        var fromUtc = VietnamTime.ToUtc(firstDay, TimeOnly.MinValue);
        var toUtc = VietnamTime.ToUtc(lastDay.AddDays(1), TimeOnly.MinValue);
        var now = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var candidates = await CandidatesQuery(db, fromUtc, toUtc)
            .Select(d => new { d.Id, Replay = d.LastChangedAtUtc >= fromUtc })
            .ToListAsync(ct);

        var moved = 0;
        var relevelled = 0;
        var dueMoved = 0;
        var samples = new List<string>();
        var movedDueDates = new List<MovedDeadline>();
        var alertChanges = new List<AlertChange>();
        void Count(Dossier dossier, DateTime oldDue)
        {
            moved++;
            if (samples.Count < 10) samples.Add(dossier.Code);
            if (dossier.DueAtUtc != oldDue && ++dueMoved <= DeadlineRebuilder.MovedListLimit)
                movedDueDates.Add(new MovedDeadline(dossier.Id, dossier.Code, dossier.ProcedureVersionId, oldDue, dossier.DueAtUtc));
        }
        await using (var writer = ScanWriter.For(db))
        {
            foreach (var ids in candidates.Where(c => !c.Replay).Select(c => c.Id).Chunk(BatchSize))
            {
                await PublicServiceDatabase.LockDossiersAsync(db, ids, ct);
                var batch = await ScanWriter.Rows(db, ids).ToListAsync(ct);
                foreach (var dossier in batch)
                {
                    var seen = ScanWriter.Read(dossier);
                    var oldDue = dossier.DueAtUtc;
                    if (!dossier.RefreshSchedule(context)) continue;
                    Count(dossier, oldDue);
                    if (DeadlineScanner.Relevel(dossier, now, context, alertChanges)) relevelled++;
                    await writer.WriteAsync(dossier, seen, ct);
                }
                await writer.FlushAsync(ct);
            }
        }

        foreach (var ids in candidates.Where(c => c.Replay).Select(c => c.Id).Chunk(BatchSize))
        {
            await PublicServiceDatabase.LockDossiersAsync(db, ids, ct);
            var batch = await db.Dossiers.Include(d => d.Events).AsSplitQuery().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
            foreach (var dossier in batch)
            {
                var oldDue = dossier.DueAtUtc;
                if (!dossier.RecomputeFromEvents(context)) continue;
                Count(dossier, oldDue);
                if (DeadlineScanner.Relevel(dossier, now, context, alertChanges)) relevelled++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        return new DayOffRecomputeReport(candidates.Count, moved, relevelled)
        {
            SampleCodes = samples,
            MovedDueDates = movedDueDates,
            DueMoved = dueMoved,
            AlertChanges = alertChanges,
        };
    }

    /// <summary>
    /// The dossiers whose window (receipt to due instant) meets [<paramref name="fromUtc"/>, <paramref name="toUtc"/>):
    /// a range on the <c>DueAtUtc</c> index, filtered by receipt.
    /// </summary>
    public static IQueryable<Dossier> CandidatesQuery(PublicServiceDbContext db, DateTime fromUtc, DateTime toUtc) =>
        db.Dossiers.Where(d => d.DueAtUtc >= fromUtc && d.ReceivedAtUtc < toUtc);
}
