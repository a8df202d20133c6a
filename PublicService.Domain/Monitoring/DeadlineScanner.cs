using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PublicService.Domain.Calendar;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;

namespace PublicService.Domain.Monitoring;

/// <summary>
/// The deadline scan: raises the alert level of every running dossier whose <see cref="Dossier.NextAlertAtUtc"/>
/// has passed, recording an <c>AlertChanged</c> event per change.
/// <list type="bullet">
/// <item>It costs what changes: it seeks the filtered index on <c>NextAlertAtUtc</c>, loads only those rows in
/// batches, without their histories (the next sequence number is on the row), and writes them with prepared
/// statements (<see cref="ScanWriter"/>).</item>
/// <item>All batches are written in one transaction: a crash or an error leaves nothing half-written, and the
/// next run simply does the whole work again.</item>
/// <item>It is idempotent: a changed dossier's next alert instant lies after <c>now</c>, so a second run at the
/// same instant finds nothing.</item>
/// <item>Runs don't overlap: a semaphore guards this process, a lease row in the database guards against other
/// processes (another node, the <c>scan-deadlines</c> verb). A run that finds either taken is skipped. A lease
/// whose holder was a process of this machine that no longer exists (killed, crashed) is taken over at once rather
/// than after it expires.</item>
/// </list>
/// Each level change is logged (Debug) with the dossier code as the structured <c>DossierCode</c> property; the
/// run's counts are the caller's to log (the Hangfire job does, the verb prints them).
/// Register it as a singleton so that the semaphore is shared by every caller of the process.
/// </summary>
public sealed class DeadlineScanner(
    IDbContextFactory<PublicServiceDbContext> dbFactory,
    WorkingCalendarProvider calendars,
    TimeProvider time,
    IEnumerable<IAlertChangeListener> listeners,
    ILogger<DeadlineScanner>? logger = null)
{
    private static readonly Action<ILogger, string, AlertLevel, AlertLevel, Exception?> LevelChangedLine =
        LoggerMessage.Define<string, AlertLevel, AlertLevel>(LogLevel.Debug, new EventId(1, "AlertLevelChanged"),
            "Dossier {DossierCode}: alert level {FromLevel} -> {ToLevel}");

    private readonly ILogger _logger = logger ?? NullLogger<DeadlineScanner>.Instance;

    private void LogLevelChange(AlertChange change)
    {
        if (!_logger.IsEnabled(LogLevel.Debug)) return;
        using (_logger.BeginScope("DossierCode:{DossierCode}", change.Code))
            LevelChangedLine(_logger, change.Code, change.From, change.To, null);
    }

    /// <summary>
    /// Brings a running dossier's levels, its own and its current step's (interconnected dossiers, from the same
    /// next-alert instant), to what its schedule gives at <paramref name="now"/>, appending the AlertChanged events
    /// and adding what changed to <paramref name="changes"/>. Nothing is written before the dossier's latest change,
    /// so its history stays in time order. The scan and a calendar change's re-level both go through here.
    /// </summary>
    internal static bool Relevel(Dossier dossier, DateTime now, DeadlineContext context, List<AlertChange> changes)
    {
        if (now < dossier.LastChangedAtUtc) return false;
        var (from, stepFrom) = (dossier.AlertLevel, dossier.StepAlertLevel);
        var changed = dossier.ChangeAlertLevel(now, dossier.LevelAt(now, context), Actor, context);
        if (changed) changes.Add(new AlertChange(dossier.Id, dossier.Code, from, dossier.AlertLevel));
        if (!dossier.ChangeStepAlertLevel(now, dossier.StepLevelAt(now, context), Actor, context)) return changed;
        changes.Add(new AlertChange(dossier.Id, dossier.Code, stepFrom, dossier.StepAlertLevel, Step: true));
        return true;
    }

    public const string LeaseName = "deadline-scan";
    /// <summary>The actor recorded on the events the scan appends.</summary>
    public const string Actor = "he-thong";

    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>The scanner's clock: what "now" is for anything that re-levels dossiers as the scan would.</summary>
    public TimeProvider Time => time;

    /// <summary>Dossiers loaded and written per round trip.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>How long a crashed holder keeps other processes out; far longer than a scan takes.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A test hook called after each batch is written (inside the transaction) with the batch's number; the console
    /// sets it only in the Testing environment, so a test can kill the process in the middle of a scan.
    /// </summary>
    public Func<int, CancellationToken, Task>? AfterBatchAsync { get; init; }

    /// <summary>Scans at <paramref name="nowUtc"/> (default: the current time) and tells the listeners after commit.</summary>
    /// <remarks>
    /// A quiet run (nothing due: most minutes) is one indexed probe, without the lease, the settings or a
    /// transaction: on a database server each of those is a round trip, and together they cost more than the
    /// quiet-scan budget on a busy machine. A dossier that falls due just after the probe is found by the next run.
    /// </remarks>
    public async Task<DeadlineScanResult> ScanAsync(DateTime? nowUtc = null, CancellationToken ct = default)
    {
        var started = time.GetTimestamp();
        var now = DateTime.SpecifyKind(nowUtc ?? time.GetUtcNow().UtcDateTime, DateTimeKind.Utc);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await DueDossierIds(db, now).AnyAsync(ct))
                return DeadlineScanResult.Of(now, 0, [], (long)time.GetElapsedTime(started).TotalMilliseconds);
        }
        return await RunAsync(DueDossierIds, now, ct);
    }

    /// <summary>
    /// Re-levels every running dossier, not only those whose next alert instant has passed. After deadlines moved
    /// later (a new day off, looser thresholds), a stored level can be higher than the schedule now gives, and the
    /// next alert instant (the next <em>rise</em>, or none once overdue) would never select it; this lowers it,
    /// with an event. It costs the running dossiers, so it is meant for after such a change, not every minute.
    /// </summary>
    public Task<DeadlineScanResult> RelevelAllAsync(DateTime? nowUtc = null, CancellationToken ct = default) =>
        RunAsync(RunningDossierIds, nowUtc, ct);

    private async Task<DeadlineScanResult> RunAsync(Func<PublicServiceDbContext, DateTime, IQueryable<long>> select, DateTime? nowUtc, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var now = DateTime.SpecifyKind(nowUtc ?? time.GetUtcNow().UtcDateTime, DateTimeKind.Utc);
        if (!await _running.WaitAsync(0, ct)) return DeadlineScanResult.SkippedAt(now, 0);
        DeadlineScanResult result;
        try
        {
            var holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
            if (!await TryTakeLeaseAsync(holder, ct))
                return DeadlineScanResult.SkippedAt(now, (long)time.GetElapsedTime(started).TotalMilliseconds);
            try
            {
                result = await ScanUnderLeaseAsync(select, now, started, ct);
            }
            finally
            {
                // Released even when the scan failed, so that a retry need not wait for the lease to expire.
                await ReleaseLeaseAsync(holder);
            }
        }
        finally
        {
            _running.Release();
        }
        await PublishAsync(result, ct);
        return result;
    }

    /// <summary>
    /// Tells the listeners about committed level changes made outside a scan too (a calendar change re-levels the
    /// dossiers it moved), so open boards and queues follow them the same way. Nothing is told when nothing changed.
    /// </summary>
    public async Task PublishAsync(DeadlineScanResult result, CancellationToken ct = default)
    {
        if (result.Changes.Count == 0) return;
        foreach (var listener in listeners)
            await listener.OnAlertsChangedAsync(result, ct);
    }

    private async Task<DeadlineScanResult> ScanUnderLeaseAsync(
        Func<PublicServiceDbContext, DateTime, IQueryable<long>> select, DateTime now, long started, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var context = await db.LoadDeadlineContextAsync(calendars, ct);
        // On SQLite this is BEGIN IMMEDIATE: the scan holds the write lock from its first read, so a workflow
        // verb waits for it (busy_timeout) instead of changing a dossier between our read and our write.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var dueIds = await select(db, now).ToListAsync(ct);

        var changes = new List<AlertChange>();
        var batchNumber = 0;
        await using (var writer = ScanWriter.For(db))
        {
            foreach (var ids in dueIds.Chunk(BatchSize))
            {
                // Locked first on PostgreSQL, so that no workflow action changes them between this read and the write.
                await PublicServiceDatabase.LockDossiersAsync(db, ids, ct);
                // Only the columns the levels depend on and the writer sends back, without histories, untracked.
                var batch = await ScanWriter.Rows(db, ids).ToListAsync(ct);
                foreach (var dossier in batch)
                {
                    var seen = ScanWriter.Read(dossier);
                    // The history stays in time order: a scan "in the past" does not write before a later change.
                    if (now < dossier.LastChangedAtUtc) continue;
                    var first = changes.Count;
                    var changed = Relevel(dossier, now, context, changes);
                    for (var i = first; i < changes.Count; i++) LogLevelChange(changes[i]);
                    if (!changed && !dossier.RefreshSchedule(context))
                        continue;
                    await writer.WriteAsync(dossier, seen, ct);
                }
                await writer.FlushAsync(ct);
                if (AfterBatchAsync is { } afterBatch) await afterBatch(++batchNumber, ct);
            }
        }
        await transaction.CommitAsync(ct);

        return DeadlineScanResult.Of(now, dueIds.Count, changes, (long)time.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// The ids of the dossiers whose next alert instant has passed: a seek on the filtered index on
    /// <c>NextAlertAtUtc</c> (the explicit NOT NULL lets SQLite match the index's filter).
    /// </summary>
    public static IQueryable<long> DueDossierIds(PublicServiceDbContext db, DateTime nowUtc) =>
        db.Dossiers
            .Where(d => d.NextAlertAtUtc != null && d.NextAlertAtUtc <= nowUtc)
            .OrderBy(d => d.NextAlertAtUtc)
            .Select(d => d.Id);

    /// <summary>
    /// The due dossiers as the scan reads them: only the columns their levels depend on and the ones it writes back
    /// (<see cref="Dossier.ForDeadlines"/>); never attach them to a context.
    /// </summary>
    public static IQueryable<Dossier> DeadlineRows(PublicServiceDbContext db, IReadOnlyCollection<long> ids) => ScanWriter.Rows(db, ids);

    private static IQueryable<long> RunningDossierIds(PublicServiceDbContext db, DateTime nowUtc) =>
        db.Dossiers
            .Where(d => d.Status == DossierStatus.Received || d.Status == DossierStatus.InProcess)
            .OrderBy(d => d.Id)
            .Select(d => d.Id);

    private async Task<bool> TryTakeLeaseAsync(string holder, CancellationToken ct)
    {
        var wallNow = time.GetUtcNow().UtcDateTime;
        var expires = wallNow + LeaseDuration;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taken = await db.ScanLeases
            .Where(l => l.Name == LeaseName && (l.Holder == null || l.ExpiresAtUtc == null || l.ExpiresAtUtc < wallNow))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, expires), ct);
        if (taken == 1) return true;

        // A holder killed mid-scan (kill -9, power cut of a container) rolled its transaction back but never
        // released the lease; on the same machine we can see that its process is gone and need not wait it out.
        var current = await db.ScanLeases.AsNoTracking().Where(l => l.Name == LeaseName).Select(l => l.Holder).SingleOrDefaultAsync(ct);
        if (current is null || !HolderIsDeadProcessOfThisMachine(current)) return false;
        taken = await db.ScanLeases
            .Where(l => l.Name == LeaseName && l.Holder == current)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, expires), ct);
        return taken == 1;
    }

    /// <summary>True when <paramref name="holder"/> (<c>machine/pid/nonce</c>) names a process of this machine that has exited.</summary>
    internal static bool HolderIsDeadProcessOfThisMachine(string holder)
    {
        var parts = holder.Split('/');
        if (parts.Length != 3 || !string.Equals(parts[0], Environment.MachineName, StringComparison.Ordinal)) return false;
        if (!int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)) return false;
        // Our own process holds it only while a scan of ours runs, and the semaphore already excludes that.
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private async Task ReleaseLeaseAsync(string holder)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.ScanLeases
            .Where(l => l.Name == LeaseName && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAtUtc, (DateTime?)null), CancellationToken.None);
    }
}
