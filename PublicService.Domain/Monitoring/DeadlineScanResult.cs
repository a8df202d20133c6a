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

    /// <summary>The result of a pass that looked at <paramref name="scanned"/> dossiers and made <paramref name="changes"/>: the counts are the dossiers' own levels, steps left out.</summary>
    public static DeadlineScanResult Of(DateTime nowUtc, int scanned, IReadOnlyList<AlertChange> changes, long elapsedMs) =>
        new(nowUtc, scanned, changes.Count(c => !c.Step),
            changes.Count(c => !c.Step && c.To == AlertLevel.Approaching),
            changes.Count(c => !c.Step && c.To == AlertLevel.DueToday),
            changes.Count(c => !c.Step && c.To == AlertLevel.Overdue),
            elapsedMs,
            false,
            changes);
}

/// <summary>
/// Told about every scan that changed levels, after its transaction committed (never before: a listener must
/// not show what a rollback could take back). The console's live broadcaster implements it.
/// </summary>
public interface IAlertChangeListener
{
    Task OnAlertsChangedAsync(DeadlineScanResult result, CancellationToken ct);
}
