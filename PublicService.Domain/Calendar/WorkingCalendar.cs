namespace PublicService.Domain.Calendar;

/// <summary>
/// The compiled working calendar: statutory holidays and compensatory days for a range of years, with the
/// per-year overrides applied, flattened into working-day bitmaps with prefix counts so that day and
/// working-time arithmetic is O(1)/O(log n). Immutable; an edit compiles a new snapshot.
/// All instants are UTC <see cref="DateTime"/>; days and times of day are Vietnam local.
/// </summary>
public sealed class WorkingCalendar
{
    public const int DefaultFirstYear = 2000;
    public const int DefaultLastYear = 2100;

    public static WorkingCalendar Compile(
        WorkingCalendarSettings settings,
        IEnumerable<CalendarOverride> overrides,
        int firstYear = DefaultFirstYear,
        int lastYear = DefaultLastYear) => throw new NotImplementedException();

    public WorkingCalendarSettings Settings => throw new NotImplementedException();
    public int FirstYear => throw new NotImplementedException();
    public int LastYear => throw new NotImplementedException();

    /// <summary>Working minutes in one working day (480 with the default sessions).</summary>
    public int MinutesPerWorkingDay => throw new NotImplementedException();

    public bool IsWorkingDay(DateOnly date) => throw new NotImplementedException();

    /// <summary>The named day off on that date (holiday, compensatory or override), or null for a working day or a plain weekend.</summary>
    public DayOff? DayOffOn(DateOnly date) => throw new NotImplementedException();

    /// <summary>The year's named days off, ordered by date (weekends not listed unless they carry a holiday).</summary>
    public IReadOnlyList<DayOff> DaysOff(int year) => throw new NotImplementedException();

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => throw new NotImplementedException();

    /// <summary>The <paramref name="count"/>-th working day strictly after <paramref name="date"/>; <paramref name="count"/> 0 returns <paramref name="date"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly date, int count) => throw new NotImplementedException();

    /// <summary>Working days d with <paramref name="fromExclusive"/> &lt; d ≤ <paramref name="toInclusive"/> (negative when reversed).</summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive) => throw new NotImplementedException();

    public DateTime OpeningOf(DateOnly date) => throw new NotImplementedException();
    public DateTime ClosingOf(DateOnly date) => throw new NotImplementedException();

    /// <summary>
    /// Where counting starts for a dossier received at <paramref name="receivedUtc"/>: the instant itself on a
    /// working day before the cut-off, else the opening of the next working day.
    /// </summary>
    public DateTime CountingStart(DateTime receivedUtc) => throw new NotImplementedException();

    /// <summary>Working minutes in [from, to); negative when <paramref name="toUtc"/> is before <paramref name="fromUtc"/>.</summary>
    public long WorkingMinutesBetween(DateTime fromUtc, DateTime toUtc) => throw new NotImplementedException();

    /// <summary>
    /// The instant reached after <paramref name="minutes"/> of working time from <paramref name="startUtc"/>.
    /// An end that falls exactly on a session's end stays there (17:00, not next morning's 07:00).
    /// </summary>
    public DateTime AddWorkingMinutes(DateTime startUtc, long minutes) => throw new NotImplementedException();

    /// <summary>The instant <paramref name="minutes"/> of working time before <paramref name="endUtc"/> (a start lands on a session's start).</summary>
    public DateTime SubtractWorkingMinutes(DateTime endUtc, long minutes) => throw new NotImplementedException();
}
