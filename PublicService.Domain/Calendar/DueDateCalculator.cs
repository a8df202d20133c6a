namespace PublicService.Domain.Calendar;

/// <summary>A working-time interval during which a dossier's clock stood still.</summary>
public sealed record PausedPeriod(DateTime FromUtc, DateTime ToUtc);

/// <summary>One sentence of the "why this date?" explanation, structured so it can be worded in vi-VN or en.</summary>
public sealed record DueExplanationLine(DueExplanationKind Kind, DateOnly? Date = null, string? Name = null, DateTime? InstantUtc = null, long? Minutes = null, int? Count = null);

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

/// <summary>A computed due instant with the reasoning behind it.</summary>
public sealed record DueDate(DateTime DueUtc, DateTime CountingStartUtc, IReadOnlyList<DueExplanationLine> Explanation)
{
    /// <summary>The explanation as plain text lines in the given culture (vi-VN default wording, en for English).</summary>
    public IReadOnlyList<string> ExplanationText(System.Globalization.CultureInfo culture) => throw new NotImplementedException();
}

/// <summary>The due-date rules of the README ("Due-date rules"), in one place.</summary>
public static class DueDateCalculator
{
    /// <summary>
    /// The due instant of a period of <paramref name="time"/> for a dossier received at <paramref name="receivedUtc"/>,
    /// moved forward by the working time of each paused period.
    /// </summary>
    public static DueDate Compute(WorkingCalendar calendar, DateTime receivedUtc, ProcessingTime time, IReadOnlyList<PausedPeriod>? pauses = null)
        => throw new NotImplementedException();
}
