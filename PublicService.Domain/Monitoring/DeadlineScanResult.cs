namespace PublicService.Domain.Monitoring;

/// <summary>One dossier whose alert level a scan changed; <paramref name="Step"/> when it is the current step's level.</summary>
public sealed record AlertChange(long DossierId, string Code, AlertLevel From, AlertLevel To, bool Step = false);

/// <summary>
/// What one deadline scan did: how many dossiers were due for a look, how many changed level and to which
/// levels, how long it took; <see cref="Changes"/> also lists the current steps' levels that changed
/// (<see cref="StepChanged"/>), which the dossier counts leave out. <see cref="Skipped"/> says another run held the guard, so this one did nothing.
/// </summary>
public sealed record DeadlineScanResult(
    DateTime NowUtc,
    int Scanned,
    int Changed,
    int Approaching,
    int DueToday,
    int Overdue,
    long ElapsedMs,
    bool Skipped,
    IReadOnlyList<AlertChange> Changes)
{
    /// <summary>How many current steps' own levels changed (interconnected dossiers).</summary>
    public int StepChanged => Changes.Count(c => c.Step);

    public static DeadlineScanResult SkippedAt(DateTime nowUtc, long elapsedMs) => new(nowUtc, 0, 0, 0, 0, 0, elapsedMs, true, []);
}

/// <summary>
/// Told about every scan that changed levels, after its transaction committed (never before: a listener must
/// not show what a rollback could take back). The console's live broadcaster implements it.
/// </summary>
public interface IAlertChangeListener
{
    Task OnAlertsChangedAsync(DeadlineScanResult result, CancellationToken ct);
}
