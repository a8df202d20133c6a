using PublicService.Domain.Calendar;

namespace PublicService.Domain.Monitoring;

/// <summary>
/// The instants at which a running dossier's alert level rises: approaching (remaining working time at or
/// below the threshold), due today (from 00:00 Vietnam time of the due date) and overdue (after the due instant).
/// Because each level starts at a fixed instant, the level at any time is the highest whose instant has passed.
/// </summary>
public sealed record AlertSchedule(DateTime ApproachingFromUtc, DateTime DueTodayFromUtc, DateTime OverdueFromUtc)
{
    /// <summary>
    /// The schedule of a period that allows <paramref name="allowedWorkingMinutes"/> and ends at <paramref name="dueUtc"/>.
    /// "Approaching" starts when the remaining working time falls to the larger of the two thresholds, since
    /// "≥ P % used" is "≤ (100 − P) % of the allowed time remains".
    /// </summary>
    public static AlertSchedule For(WorkingCalendar calendar, DateTime dueUtc, long allowedWorkingMinutes, AlertThresholds thresholds)
    {
        long remainingThreshold = 0;
        if (thresholds.RemainingWorkingMinutes is { } remaining)
            remainingThreshold = remaining;
        if (thresholds.UsedPercent is { } usedPercent)
            remainingThreshold = Math.Max(remainingThreshold, allowedWorkingMinutes * (100 - usedPercent) / 100);

        // The earliest instant with at most that much working time left: one minute after the point where one
        // minute more is left. Subtracting the threshold itself would land on a session start (07:00 of the due
        // day) instead of the previous close (17:00 the day before), when the remaining time is already equal.
        var approaching = remainingThreshold > 0
            ? calendar.SubtractWorkingMinutes(dueUtc, remainingThreshold + 1).AddMinutes(1)
            : dueUtc;
        var dueToday = VietnamTime.ToUtc(VietnamTime.DateOf(dueUtc), TimeOnly.MinValue);
        return new AlertSchedule(Min(approaching, dueUtc), dueToday, dueUtc.AddSeconds(1));
    }

    public AlertLevel LevelAt(DateTime nowUtc) =>
        nowUtc >= OverdueFromUtc ? AlertLevel.Overdue
        : nowUtc >= DueTodayFromUtc ? AlertLevel.DueToday
        : nowUtc >= ApproachingFromUtc ? AlertLevel.Approaching
        : AlertLevel.Normal;

    /// <summary>The earliest instant at which the level will be higher than <paramref name="current"/>; null once overdue.</summary>
    public DateTime? NextChangeAfter(AlertLevel current)
    {
        DateTime? next = null;
        if (current < AlertLevel.Approaching) next = ApproachingFromUtc;
        if (current < AlertLevel.DueToday) next = Min(next ?? DueTodayFromUtc, DueTodayFromUtc);
        if (current < AlertLevel.Overdue) next = Min(next ?? OverdueFromUtc, OverdueFromUtc);
        return next;
    }

    private static DateTime Min(DateTime a, DateTime b) => a <= b ? a : b;
}
