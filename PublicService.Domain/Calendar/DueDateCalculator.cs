namespace PublicService.Domain.Calendar;

/// <summary>A working-time interval during which a dossier's clock stood still.</summary>
public sealed record PausedPeriod(DateTime FromUtc, DateTime ToUtc);

/// <summary>
/// One sentence of the "why this date?" explanation, structured so it can be worded in vi-VN or en.
/// What each kind fills in:
/// <list type="bullet">
/// <item><see cref="DueExplanationKind.Received"/>: <see cref="InstantUtc"/> = the receipt.</item>
/// <item><see cref="DueExplanationKind.MovedByCutOff"/>: <see cref="InstantUtc"/> = the receipt, <see cref="Date"/> = the day counting starts, <see cref="CutOff"/>.</item>
/// <item><see cref="DueExplanationKind.MovedByDayOff"/>: <see cref="InstantUtc"/> = the receipt, <see cref="Date"/> = the day counting starts, <see cref="Name"/> = the receipt day's day off (null for a plain weekend).</item>
/// <item><see cref="DueExplanationKind.CountedWorkingDay"/>: <see cref="Date"/>, <see cref="Count"/> = its rank (1, 2, …).</item>
/// <item><see cref="DueExplanationKind.SkippedDayOff"/>: <see cref="Date"/>, <see cref="Name"/>.</item>
/// <item><see cref="DueExplanationKind.SkippedWeekend"/>: <see cref="Date"/> = the first of <see cref="Count"/> consecutive weekend days.</item>
/// <item><see cref="DueExplanationKind.CountedCalendarDays"/>: <see cref="Count"/> days, reaching <see cref="Date"/>.</item>
/// <item><see cref="DueExplanationKind.MovedOffNonWorkingDay"/>: <see cref="InstantUtc"/> = the closing time it could not be due at, <see cref="Date"/> = the working day it moved to, <see cref="Name"/> = the day off (null for a weekend).</item>
/// <item><see cref="DueExplanationKind.CountedWorkingHours"/>: <see cref="Minutes"/> counted from <see cref="InstantUtc"/>.</item>
/// <item><see cref="DueExplanationKind.Paused"/>: <see cref="InstantUtc"/> to <see cref="EndUtc"/>, worth <see cref="Minutes"/> working minutes.</item>
/// <item><see cref="DueExplanationKind.Due"/>: <see cref="InstantUtc"/> = the due instant, <see cref="Date"/> its day.</item>
/// </list>
/// </summary>
public sealed record DueExplanationLine(DueExplanationKind Kind, DateOnly? Date = null, string? Name = null, DateTime? InstantUtc = null, long? Minutes = null, int? Count = null)
{
    /// <summary>For <see cref="DueExplanationKind.MovedByCutOff"/>: the cut-off time of day that applied.</summary>
    public TimeOnly? CutOff { get; init; }

    /// <summary>For <see cref="DueExplanationKind.Paused"/>: when the pause ended.</summary>
    public DateTime? EndUtc { get; init; }
}

public enum DueExplanationKind
{
    Received = 1,
    MovedByCutOff = 2,
    MovedByDayOff = 3,
    CountedWorkingDay = 4,
    SkippedDayOff = 5,
    SkippedWeekend = 6,
    CountedCalendarDays = 7,
    MovedOffNonWorkingDay = 8,
    CountedWorkingHours = 9,
    Paused = 10,
    Due = 11,
}

/// <summary>A due instant and the instant its period counts from, without explanation (<see cref="DueDateCalculator.ComputeInstants"/>).</summary>
public readonly record struct DueInstants(DateTime DueUtc, DateTime CountingStartUtc);

/// <summary>A computed due instant with the reasoning behind it.</summary>
/// <param name="CountingStartUtc">
/// Where counting started (<see cref="WorkingCalendar.CountingStart"/>); for working hours, moved on to the next
/// session start when that instant falls outside working time.
/// </param>
public sealed record DueDate(DateTime DueUtc, DateTime CountingStartUtc, IReadOnlyList<DueExplanationLine> Explanation)
{
    /// <summary>
    /// The explanation as plain text lines in the given culture: English for "en"/"en-*", Vietnamese otherwise.
    /// A receipt that was moved to a later day is worded as one sentence, so there may be one line fewer than
    /// <see cref="Explanation"/> has.
    /// </summary>
    public IReadOnlyList<string> ExplanationText(System.Globalization.CultureInfo culture) => DueExplanationText.Write(Explanation, culture);
}

/// <summary>The due-date rules of the README ("Due-date rules"), in one place.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Receipt day D0: the receipt date, or the next working day when received at/after the cut-off or on a day off.</item>
/// <item>N working days: D0 itself is not counted (Civil Code Art. 147); due at closing time of the N-th working day
/// after D0, or at the counting start's time of day with <see cref="WorkingDaysDueAt.SameTimeOfDay"/>.</item>
/// <item>N working hours: counted through working sessions only from the counting start.</item>
/// <item>N calendar days: closing time of D0 + N days, moved to the next working day's closing when that is a day off.</item>
/// <item>Same day: closing time of D0.</item>
/// <item>Pauses: the due instant moves on by the working minutes of each paused period (overlaps counted once).</item>
/// </list>
/// </remarks>
public static class DueDateCalculator
{
    /// <summary>
    /// The due instant of a period of <paramref name="time"/> for a dossier received at <paramref name="receivedUtc"/>,
    /// moved forward by the working time of each paused period.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An instant or the result falls outside the compiled calendar.</exception>
    /// <exception cref="ArgumentException">A paused period ends before it starts.</exception>
    public static DueDate Compute(WorkingCalendar calendar, DateTime receivedUtc, ProcessingTime time, IReadOnlyList<PausedPeriod>? pauses = null) =>
        Calculate(calendar, receivedUtc, time, pauses, explain: true);

    /// <summary>
    /// The same due instant with an empty explanation: no day-by-day walk, so it stays O(1) for the bulk
    /// recomputations (every dossier event, rebuilds, calendar changes).
    /// </summary>
    public static DueDate ComputeUnexplained(WorkingCalendar calendar, DateTime receivedUtc, ProcessingTime time)
    {
        var (due, start) = ComputeInstants(calendar, receivedUtc, time);
        return new DueDate(due, start, []);
    }

    /// <summary>
    /// The same two instants as a value: the compiled calendar's integer path, without the record and its empty
    /// explanation. The domain computes every dossier's deadlines (two to four periods per change) through it.
    /// </summary>
    public static DueInstants ComputeInstants(WorkingCalendar calendar, DateTime receivedUtc, ProcessingTime time)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(time);
        return calendar.PeriodDue(receivedUtc, time.Unit, time.Amount);
    }

    private static DueDate Calculate(WorkingCalendar calendar, DateTime receivedUtc, ProcessingTime time, IReadOnlyList<PausedPeriod>? pauses, bool explain)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(time);

        var received = AsUtc(receivedUtc);
        var lines = explain ? new List<DueExplanationLine> { new(DueExplanationKind.Received, InstantUtc: received) } : null;

        var countingStart = calendar.CountingStart(received);
        var receivedDate = VietnamTime.DateOf(received);
        var d0 = VietnamTime.DateOf(countingStart);
        if (d0 != receivedDate)
        {
            lines?.Add(calendar.IsWorkingDay(receivedDate)
                ? new DueExplanationLine(DueExplanationKind.MovedByCutOff, d0, InstantUtc: received) { CutOff = calendar.Settings.CutOff }
                : new DueExplanationLine(DueExplanationKind.MovedByDayOff, d0, calendar.DayOffOn(receivedDate)?.Name, received));
            Walk(lines, calendar, receivedDate, d0.AddDays(-1), countWorkingDays: false);
        }

        DateTime due;
        switch (time.Unit)
        {
            case TimeUnit.WorkingDays:
            {
                var lastDay = calendar.AddWorkingDays(d0, time.Amount);
                Walk(lines, calendar, d0, lastDay, countWorkingDays: true);
                due = calendar.Settings.WorkingDaysDueAt == WorkingDaysDueAt.SameTimeOfDay
                    ? VietnamTime.ToUtc(lastDay.ToDateTime(TimeOnly.FromTimeSpan(VietnamTime.ToLocal(countingStart).TimeOfDay)))
                    : calendar.ClosingOf(lastDay);
                break;
            }

            case TimeUnit.WorkingHours:
            {
                countingStart = calendar.AddWorkingMinutes(countingStart, 0);
                var minutes = time.Amount * 60L;
                due = calendar.AddWorkingMinutes(countingStart, minutes);
                lines?.Add(new DueExplanationLine(DueExplanationKind.CountedWorkingHours, VietnamTime.DateOf(countingStart), InstantUtc: countingStart, Minutes: minutes));
                Walk(lines, calendar, VietnamTime.DateOf(countingStart), VietnamTime.DateOf(due).AddDays(-1), countWorkingDays: false);
                break;
            }

            case TimeUnit.CalendarDays:
            {
                var landing = d0.AddDays(time.Amount);
                lines?.Add(new DueExplanationLine(DueExplanationKind.CountedCalendarDays, landing, Count: time.Amount));
                var dueDay = landing;
                if (!calendar.IsWorkingDay(landing))
                {
                    dueDay = calendar.NextWorkingDay(landing);
                    lines?.Add(new DueExplanationLine(DueExplanationKind.MovedOffNonWorkingDay, dueDay, calendar.DayOffOn(landing)?.Name, calendar.ClosingOf(landing)));
                    Walk(lines, calendar, landing, dueDay.AddDays(-1), countWorkingDays: false);
                }

                due = calendar.ClosingOf(dueDay);
                break;
            }

            case TimeUnit.SameDay:
                due = calendar.ClosingOf(d0);
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(time), time.Unit, "Unknown time unit.");
        }

        var pausedMinutes = 0L;
        foreach (var pause in Merge(pauses))
        {
            var minutes = calendar.WorkingMinutesBetween(pause.FromUtc, pause.ToUtc);
            lines?.Add(new DueExplanationLine(DueExplanationKind.Paused, VietnamTime.DateOf(pause.FromUtc), InstantUtc: pause.FromUtc, Minutes: minutes) { EndUtc = pause.ToUtc });
            pausedMinutes += minutes;
        }

        if (pausedMinutes > 0)
        {
            due = calendar.AddWorkingMinutes(due, pausedMinutes);
        }

        lines?.Add(new DueExplanationLine(DueExplanationKind.Due, VietnamTime.DateOf(due), InstantUtc: due));
        return new DueDate(due, countingStart, (IReadOnlyList<DueExplanationLine>?)lines ?? []);
    }

    /// <summary>
    /// Adds a line for each day d with <paramref name="fromExclusive"/> &lt; d ≤ <paramref name="toInclusive"/>:
    /// a counted working day (when <paramref name="countWorkingDays"/>), a named day off, or a run of weekend days.
    /// </summary>
    private static void Walk(List<DueExplanationLine>? lines, WorkingCalendar calendar, DateOnly fromExclusive, DateOnly toInclusive, bool countWorkingDays)
    {
        if (lines is null)
        {
            return;
        }

        DateOnly? weekendStart = null;
        var weekendDays = 0;
        var counted = 0;

        void FlushWeekend()
        {
            if (weekendStart is { } start)
            {
                lines.Add(new DueExplanationLine(DueExplanationKind.SkippedWeekend, start, Count: weekendDays));
                weekendStart = null;
                weekendDays = 0;
            }
        }

        for (var day = fromExclusive.AddDays(1); day <= toInclusive; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                FlushWeekend();
                counted++;
                if (countWorkingDays)
                {
                    lines.Add(new DueExplanationLine(DueExplanationKind.CountedWorkingDay, day, Count: counted));
                }
            }
            else if (calendar.DayOffOn(day) is { } dayOff)
            {
                FlushWeekend();
                lines.Add(new DueExplanationLine(DueExplanationKind.SkippedDayOff, day, dayOff.Name));
            }
            else
            {
                weekendStart ??= day;
                weekendDays++;
            }
        }

        FlushWeekend();
    }

    /// <summary>The paused periods in order, with overlapping or touching periods joined so no time counts twice.</summary>
    private static List<PausedPeriod> Merge(IReadOnlyList<PausedPeriod>? pauses)
    {
        var merged = new List<PausedPeriod>();
        if (pauses is null)
        {
            return merged;
        }

        foreach (var pause in pauses.Select(p => new PausedPeriod(AsUtc(p.FromUtc), AsUtc(p.ToUtc))).OrderBy(p => p.FromUtc))
        {
            if (pause.ToUtc < pause.FromUtc)
            {
                throw new ArgumentException(
                    $"A paused period cannot end ({VietnamTime.ToIso(pause.ToUtc)}) before it starts ({VietnamTime.ToIso(pause.FromUtc)}).",
                    nameof(pauses));
            }

            if (merged.Count > 0 && pause.FromUtc <= merged[^1].ToUtc)
            {
                if (pause.ToUtc > merged[^1].ToUtc)
                {
                    merged[^1] = merged[^1] with { ToUtc = pause.ToUtc };
                }
            }
            else
            {
                merged.Add(pause);
            }
        }

        return merged;
    }

    /// <summary>Instants are UTC; an unspecified kind is taken as UTC already.</summary>
    private static DateTime AsUtc(DateTime instant) => VietnamTime.ToUtc(VietnamTime.ToLocal(instant));
}
