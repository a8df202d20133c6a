namespace PublicService.Domain.Calendar;

/// <summary>
/// The compiled working calendar: statutory holidays and compensatory days for a range of years, with the
/// per-year overrides applied, flattened into working-day bitmaps with prefix counts so that day and
/// working-time arithmetic is O(1)/O(log n). Immutable; an edit compiles a new snapshot.
/// All instants are UTC <see cref="DateTime"/>; days and times of day are Vietnam local.
/// </summary>
/// <remarks>
/// Working time is measured internally in ticks as a running total from the first day of the range:
/// <c>W(t)</c> = working time elapsed before instant t. Every question about working time is a difference
/// of two totals, and adding working time is inverting <c>W</c>, which the index of working days by ordinal
/// makes a division plus a walk over the day's few sessions.
/// </remarks>
public sealed class WorkingCalendar
{
    public const int DefaultFirstYear = 2000;
    public const int DefaultLastYear = 2100;

    private readonly WorkingCalendarSettings _settings;
    private readonly int _firstYear;
    private readonly int _lastYear;
    private readonly DateOnly _firstDate;

    /// <summary>By day index (days since the first day of the range).</summary>
    private readonly bool[] _isWorking;

    /// <summary>By day index: the named day off, or null.</summary>
    private readonly DayOff?[] _dayOffs;

    /// <summary>Length days + 1: how many working days come strictly before each day index.</summary>
    private readonly int[] _workingDaysBefore;

    /// <summary>The day index of the n-th working day of the range (0-based ordinal).</summary>
    private readonly int[] _workingDayIndex;

    private readonly IReadOnlyList<DayOff>[] _daysOffByYear;

    /// <summary>Session bounds as ticks since local midnight.</summary>
    private readonly long[] _sessionStarts;
    private readonly long[] _sessionEnds;
    private readonly long _ticksPerWorkingDay;
    private readonly long _cutOffTicks;

    private WorkingCalendar(
        WorkingCalendarSettings settings,
        int firstYear,
        int lastYear,
        bool[] isWorking,
        DayOff?[] dayOffs)
    {
        _settings = settings;
        _firstYear = firstYear;
        _lastYear = lastYear;
        _firstDate = new DateOnly(firstYear, 1, 1);
        _isWorking = isWorking;
        _dayOffs = dayOffs;

        _workingDaysBefore = new int[isWorking.Length + 1];
        var workingDays = new List<int>(isWorking.Length * 5 / 7);
        for (var i = 0; i < isWorking.Length; i++)
        {
            _workingDaysBefore[i + 1] = _workingDaysBefore[i] + (isWorking[i] ? 1 : 0);
            if (isWorking[i])
            {
                workingDays.Add(i);
            }
        }

        _workingDayIndex = [.. workingDays];

        _daysOffByYear = new IReadOnlyList<DayOff>[lastYear - firstYear + 1];
        for (var year = firstYear; year <= lastYear; year++)
        {
            var from = new DateOnly(year, 1, 1).DayNumber - _firstDate.DayNumber;
            var to = new DateOnly(year, 12, 31).DayNumber - _firstDate.DayNumber;
            var list = new List<DayOff>();
            for (var i = from; i <= to; i++)
            {
                if (dayOffs[i] is { } dayOff)
                {
                    list.Add(dayOff);
                }
            }

            // Read-only wrappers: a caller casting back to an array must not be able to edit the snapshot.
            _daysOffByYear[year - firstYear] = list.AsReadOnly();
        }

        _sessionStarts = [.. settings.Sessions.Select(s => s.Start.Ticks)];
        _sessionEnds = [.. settings.Sessions.Select(s => s.End.Ticks)];
        _ticksPerWorkingDay = settings.Sessions.Sum(s => s.End.Ticks - s.Start.Ticks);
        _cutOffTicks = settings.CutOff.Ticks;
    }

    /// <summary>
    /// Builds the calendar for Gregorian years <paramref name="firstYear"/>–<paramref name="lastYear"/>:
    /// statutory holidays (Labour Code 2019, Art. 112), a compensatory day for each holiday on a weekend (or on the
    /// same date as another holiday), then the
    /// overrides in the order given (a later override for the same date wins). Overrides outside the range are ignored.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The years are outside the lunar calendar's 1900–2100 or reversed.</exception>
    /// <exception cref="DomainException">The settings are invalid (see <see cref="WorkingCalendarSettings.Validate"/>).</exception>
    public static WorkingCalendar Compile(
        WorkingCalendarSettings settings,
        IEnumerable<CalendarOverride> overrides,
        int firstYear = DefaultFirstYear,
        int lastYear = DefaultLastYear)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(overrides);
        if (firstYear < VietnameseLunarCalendar.MinYear || firstYear > VietnameseLunarCalendar.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(firstYear), firstYear,
                $"The calendar can be compiled for {VietnameseLunarCalendar.MinYear}–{VietnameseLunarCalendar.MaxYear} only.");
        }

        if (lastYear < firstYear || lastYear > VietnameseLunarCalendar.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear,
                $"The last year must be between {firstYear} and {VietnameseLunarCalendar.MaxYear}.");
        }

        if (settings.Validate() is [var error, ..])
        {
            throw new DomainException(error);
        }

        var firstDate = new DateOnly(firstYear, 1, 1);
        var dayCount = new DateOnly(lastYear, 12, 31).DayNumber - firstDate.DayNumber + 1;
        var dayOffs = new DayOff?[dayCount];
        // A second holiday on the same date (Hùng Kings fell on 30/4 in 1947) is a day off lost like one on a
        // weekend, so it is compensated the same way.
        var coinciding = new DayOff?[dayCount];

        for (var year = firstYear; year <= lastYear; year++)
        {
            foreach (var holiday in StatutoryHolidays(year))
            {
                var index = holiday.Date.DayNumber - firstDate.DayNumber;
                if (dayOffs[index] is null)
                {
                    dayOffs[index] = holiday;
                }
                else
                {
                    coinciding[index] = holiday;
                }
            }
        }

        AddCompensatoryDays(dayOffs, coinciding, firstDate, settings);

        var isWorking = new bool[dayCount];
        for (var i = 0; i < dayCount; i++)
        {
            isWorking[i] = dayOffs[i] is null && !IsWeekend(firstDate.AddDays(i), settings);
        }

        foreach (var item in overrides)
        {
            var index = item.Date.DayNumber - firstDate.DayNumber;
            if (index < 0 || index >= dayCount)
            {
                continue;
            }

            if (item.Kind == CalendarOverrideKind.DayOff)
            {
                dayOffs[index] = new DayOff(item.Date, DayOffKind.OverrideOff, item.Reason);
                isWorking[index] = false;
            }
            else
            {
                dayOffs[index] = null;
                isWorking[index] = true;
            }
        }

        return new WorkingCalendar(settings, firstYear, lastYear, isWorking, dayOffs);
    }

    /// <summary>
    /// The statutory public holidays of a Gregorian year (Labour Code 2019, Art. 112), before compensatory days
    /// and overrides: 1/1; Tết = the last day of the lunar year and lunar days 1–4; Hùng Kings 10/3 lunar;
    /// 30/4; 1/5; 2/9 and 1/9 (3/9 when 2/9 is a Monday). Ordered by date; two holidays may share a date.
    /// </summary>
    public static IReadOnlyList<DayOff> StatutoryHolidays(int year)
    {
        var holidays = new List<DayOff> { new(new DateOnly(year, 1, 1), DayOffKind.NewYear, "Tết Dương lịch") };

        var lunarNewYear = VietnameseLunarCalendar.ToGregorian(new LunarDate(year, 1, 1));
        for (var offset = -1; offset <= 3; offset++)
        {
            holidays.Add(new DayOff(lunarNewYear.AddDays(offset), DayOffKind.Tet, "Tết Nguyên đán"));
        }

        holidays.Add(new DayOff(VietnameseLunarCalendar.ToGregorian(new LunarDate(year, 3, 10)), DayOffKind.HungKings, "Giỗ Tổ Hùng Vương"));
        holidays.Add(new DayOff(new DateOnly(year, 4, 30), DayOffKind.Reunification, "Ngày Chiến thắng"));
        holidays.Add(new DayOff(new DateOnly(year, 5, 1), DayOffKind.LabourDay, "Ngày Quốc tế Lao động"));

        var nationalDay = new DateOnly(year, 9, 2);
        var adjacent = nationalDay.DayOfWeek == DayOfWeek.Monday ? nationalDay.AddDays(1) : nationalDay.AddDays(-1);
        holidays.Add(new DayOff(Min(nationalDay, adjacent), DayOffKind.NationalDay, "Quốc khánh"));
        holidays.Add(new DayOff(Max(nationalDay, adjacent), DayOffKind.NationalDay, "Quốc khánh"));

        holidays.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Kind.CompareTo(b.Kind));
        return holidays;
    }

    public WorkingCalendarSettings Settings => _settings;
    public int FirstYear => _firstYear;
    public int LastYear => _lastYear;

    /// <summary>Working minutes in one working day (480 with the default sessions).</summary>
    public int MinutesPerWorkingDay => (int)(_ticksPerWorkingDay / TimeSpan.TicksPerMinute);

    public bool IsWorkingDay(DateOnly date) => _isWorking[IndexOf(date, nameof(date))];

    /// <summary>
    /// Whether the instant is inside a working session ([start, end)) of a working day, i.e. working time is
    /// passing at that moment.
    /// </summary>
    public bool IsWorkingTime(DateTime instantUtc)
    {
        var (index, ticks) = Locate(instantUtc, nameof(instantUtc));
        return _isWorking[index] && SessionAt(ticks) >= 0;
    }

    /// <summary>The named day off on that date (holiday, compensatory or override), or null for a working day or a plain weekend.</summary>
    public DayOff? DayOffOn(DateOnly date) => _dayOffs[IndexOf(date, nameof(date))];

    /// <summary>The year's named days off, ordered by date (weekends not listed unless they carry a holiday).</summary>
    public IReadOnlyList<DayOff> DaysOff(int year)
    {
        if (year < _firstYear || year > _lastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Year {year} is outside the compiled calendar {_firstYear}–{_lastYear}.");
        }

        return _daysOffByYear[year - _firstYear];
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// The <paramref name="count"/>-th working day strictly after <paramref name="date"/>; <paramref name="count"/> 0 returns <paramref name="date"/>.
    /// A negative count goes back: −1 is the last working day strictly before <paramref name="date"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int count)
    {
        var index = IndexOf(date, nameof(date));
        if (count == 0)
        {
            return date;
        }

        // Ordinal (0-based) among working days: those up to and including date, plus count − 1 more; going back,
        // those strictly before date, minus |count|.
        var ordinal = count > 0
            ? (long)_workingDaysBefore[index + 1] + count - 1
            : (long)_workingDaysBefore[index] + count;
        return DateAt(WorkingDayIndex(ordinal));
    }

    /// <summary>Working days d with <paramref name="fromExclusive"/> &lt; d ≤ <paramref name="toInclusive"/> (negative when reversed).</summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive) =>
        _workingDaysBefore[IndexOf(toInclusive, nameof(toInclusive)) + 1] - _workingDaysBefore[IndexOf(fromExclusive, nameof(fromExclusive)) + 1];

    /// <summary>The start of the first working session on <paramref name="date"/> (07:00 by default), as UTC.</summary>
    public DateTime OpeningOf(DateOnly date) => InstantAt(IndexOf(date, nameof(date)), _sessionStarts[0]);

    /// <summary>The end of the last working session on <paramref name="date"/> (17:00 by default), as UTC.</summary>
    public DateTime ClosingOf(DateOnly date) => InstantAt(IndexOf(date, nameof(date)), _sessionEnds[^1]);

    /// <summary>
    /// Where counting starts for a dossier received at <paramref name="receivedUtc"/>: the instant itself on a
    /// working day before the cut-off, else the opening of the next working day.
    /// </summary>
    public DateTime CountingStart(DateTime receivedUtc)
    {
        var (index, ticks) = Locate(receivedUtc, nameof(receivedUtc));
        if (_isWorking[index] && ticks < _cutOffTicks)
        {
            return InstantAt(index, ticks);
        }

        return OpeningOf(NextWorkingDay(DateAt(index)));
    }

    /// <summary>
    /// The due instant and counting start of a period of <paramref name="amount"/> <paramref name="unit"/> from a
    /// receipt at <paramref name="receivedUtc"/>, with no pauses: what <see cref="DueDateCalculator"/> computes, in
    /// integer arithmetic on day indexes and ticks (a handful of array reads, no date conversions, no allocation),
    /// because the scan, the calendar recompute and reception call it several times for every dossier they touch.
    /// </summary>
    internal DueInstants PeriodDue(DateTime receivedUtc, TimeUnit unit, int amount)
    {
        var (index, ticks) = Locate(receivedUtc, nameof(receivedUtc));
        // CountingStart: the instant itself on a working day before the cut-off, else the next working day's opening.
        if (!_isWorking[index] || ticks >= _cutOffTicks)
        {
            index = WorkingDayIndex(_workingDaysBefore[index + 1]);
            ticks = _sessionStarts[0];
        }
        var closing = _sessionEnds[^1];
        switch (unit)
        {
            case TimeUnit.WorkingDays:
            {
                var last = amount == 0 ? index : WorkingDayIndex((long)_workingDaysBefore[index + 1] + amount - 1);
                var dueTicks = _settings.WorkingDaysDueAt == WorkingDaysDueAt.SameTimeOfDay ? ticks : closing;
                return new DueInstants(UtcAt(last, dueTicks), UtcAt(index, ticks));
            }
            case TimeUnit.WorkingHours:
            {
                // Counted from the latest instant with the same working time behind it (a start outside a session
                // counts from the previous session's end), as AddWorkingMinutes(start, 0) gives.
                var worked = WorkedBefore(index, ticks);
                var start = LatestInstantWith(worked);
                var due = amount == 0 ? start : EarliestInstantWith(worked + TicksOf(amount * 60L));
                return new DueInstants(due, start);
            }
            case TimeUnit.CalendarDays:
            {
                var landing = (long)index + amount;
                if (landing >= _isWorking.Length) IndexOf(DateAt(index).AddDays(amount), nameof(amount)); // throws the usual error
                var dueIndex = _isWorking[landing] ? (int)landing : WorkingDayIndex(_workingDaysBefore[landing + 1]);
                return new DueInstants(UtcAt(dueIndex, closing), UtcAt(index, ticks));
            }
            case TimeUnit.SameDay:
                return new DueInstants(UtcAt(index, closing), UtcAt(index, ticks));
            default:
                throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time unit.");
        }
    }

    private DateTime UtcAt(int index, long ticksOfDay) =>
        new((_firstDate.DayNumber + index) * TimeSpan.TicksPerDay + ticksOfDay - VietnamTime.Offset.Ticks, DateTimeKind.Utc);

    /// <summary>
    /// Working minutes in [from, to); negative when <paramref name="toUtc"/> is before <paramref name="fromUtc"/>.
    /// Whole minutes, rounded toward zero when the instants carry seconds.
    /// </summary>
    public long WorkingMinutesBetween(DateTime fromUtc, DateTime toUtc) =>
        (WorkedBefore(toUtc, nameof(toUtc)) - WorkedBefore(fromUtc, nameof(fromUtc))) / TimeSpan.TicksPerMinute;

    /// <summary>
    /// The instant reached after <paramref name="minutes"/> of working time from <paramref name="startUtc"/>.
    /// An end that falls exactly on a session's end stays there (17:00, not next morning's 07:00).
    /// Adding 0 from a non-working instant gives the next session start; a negative amount subtracts.
    /// </summary>
    public DateTime AddWorkingMinutes(DateTime startUtc, long minutes)
    {
        if (minutes < 0)
        {
            return SubtractWorkingMinutes(startUtc, -minutes);
        }

        var worked = WorkedBefore(startUtc, nameof(startUtc));
        return minutes == 0
            ? LatestInstantWith(worked)
            : EarliestInstantWith(worked + TicksOf(minutes));
    }

    /// <summary>
    /// The instant <paramref name="minutes"/> of working time before <paramref name="endUtc"/> (a start lands on a session's start).
    /// Subtracting 0 from a non-working instant gives the previous session end; a negative amount adds.
    /// </summary>
    public DateTime SubtractWorkingMinutes(DateTime endUtc, long minutes)
    {
        if (minutes < 0)
        {
            return AddWorkingMinutes(endUtc, -minutes);
        }

        var worked = WorkedBefore(endUtc, nameof(endUtc));
        if (minutes == 0)
        {
            // Nothing was worked before the range's first session: there is no earlier session end to go back to.
            return worked == 0 ? VietnamTime.ToUtc(VietnamTime.ToLocal(endUtc)) : EarliestInstantWith(worked);
        }

        var target = worked - TicksOf(minutes);
        if (target < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes,
                $"Going back {minutes} working minutes passes the start of the compiled calendar ({_firstYear}).");
        }

        return LatestInstantWith(target);
    }

    private static void AddCompensatoryDays(DayOff?[] dayOffs, DayOff?[] coinciding, DateOnly firstDate, WorkingCalendarSettings settings)
    {
        var index = 0;
        while (index < dayOffs.Length)
        {
            if (dayOffs[index] is null or { Kind: DayOffKind.Compensatory })
            {
                index++;
                continue;
            }

            // A block is a run of consecutive statutory holidays (Tết, or 30/4 + 1/5): its lost holidays (on a
            // weekend, or sharing a date) are compensated on the working days right after the whole block, in order.
            var lost = new List<DayOff>();
            var end = index;
            while (end < dayOffs.Length && dayOffs[end] is { Kind: not DayOffKind.Compensatory } holiday)
            {
                if (IsWeekend(holiday.Date, settings))
                {
                    lost.Add(holiday);
                }

                if (coinciding[end] is { } second)
                {
                    lost.Add(second);
                }

                end++;
            }

            var candidate = end;
            foreach (var holiday in lost)
            {
                while (candidate < dayOffs.Length && (dayOffs[candidate] is not null || IsWeekend(firstDate.AddDays(candidate), settings)))
                {
                    candidate++;
                }

                if (candidate >= dayOffs.Length)
                {
                    break;
                }

                dayOffs[candidate] = new DayOff(firstDate.AddDays(candidate), DayOffKind.Compensatory, $"Nghỉ bù {holiday.Name}");
            }

            index = end;
        }
    }

    private static bool IsWeekend(DateOnly date, WorkingCalendarSettings settings) =>
        date.DayOfWeek == DayOfWeek.Sunday || (date.DayOfWeek == DayOfWeek.Saturday && !settings.SaturdayIsWorkingDay);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static long TicksOf(long minutes)
    {
        // Far beyond any compiled range (a century is ~1.2e7 working minutes), and keeps the tick total from overflowing.
        const long limit = long.MaxValue / TimeSpan.TicksPerMinute / 4;
        return minutes <= limit
            ? minutes * TimeSpan.TicksPerMinute
            : throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "The number of working minutes is far beyond the compiled calendar.");
    }

    private int IndexOf(DateOnly date, string paramName)
    {
        var index = date.DayNumber - _firstDate.DayNumber;
        if (index < 0 || index >= _isWorking.Length)
        {
            throw new ArgumentOutOfRangeException(paramName, date,
                $"{date:yyyy-MM-dd} is outside the compiled calendar {_firstYear}–{_lastYear}.");
        }

        return index;
    }

    private DateOnly DateAt(int index) => _firstDate.AddDays(index);

    private DateTime InstantAt(int index, long ticksOfDay) => UtcAt(index, ticksOfDay);

    /// <summary>
    /// The day index and local time of day (in ticks) of an instant, in tick arithmetic: what
    /// <see cref="VietnamTime.ToLocal"/> then <see cref="DateOnly.FromDateTime"/> give, without the conversions
    /// (every calendar question starts here).
    /// </summary>
    private (int Index, long Ticks) Locate(DateTime instantUtc, string paramName)
    {
        if (instantUtc.Kind == DateTimeKind.Local) instantUtc = instantUtc.ToUniversalTime();
        var local = instantUtc.Ticks + VietnamTime.Offset.Ticks;
        var index = local / TimeSpan.TicksPerDay - _firstDate.DayNumber;
        if (index < 0 || index >= _isWorking.Length)
        {
            throw new ArgumentOutOfRangeException(paramName, instantUtc,
                $"{VietnamTime.ToIso(instantUtc)} is outside the compiled calendar {_firstYear}–{_lastYear}.");
        }

        return ((int)index, local % TimeSpan.TicksPerDay);
    }

    private int WorkingDayIndex(long ordinal)
    {
        if (ordinal < 0 || ordinal >= _workingDayIndex.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal,
                $"The result falls {(ordinal < 0 ? "before the start" : "after the end")} of the compiled calendar {_firstYear}–{_lastYear}.");
        }

        return _workingDayIndex[ordinal];
    }

    /// <summary>The session containing a time of day ([start, end)), or −1.</summary>
    private int SessionAt(long ticksOfDay)
    {
        for (var i = 0; i < _sessionStarts.Length; i++)
        {
            if (ticksOfDay >= _sessionStarts[i] && ticksOfDay < _sessionEnds[i])
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>W(t): working ticks elapsed from the start of the range to the instant.</summary>
    private long WorkedBefore(DateTime instantUtc, string paramName)
    {
        var (index, ticks) = Locate(instantUtc, paramName);
        return WorkedBefore(index, ticks);
    }

    private long WorkedBefore(int index, long ticks)
    {
        var worked = _workingDaysBefore[index] * _ticksPerWorkingDay;
        if (!_isWorking[index])
        {
            return worked;
        }

        for (var i = 0; i < _sessionStarts.Length; i++)
        {
            worked += Math.Clamp(ticks - _sessionStarts[i], 0, _sessionEnds[i] - _sessionStarts[i]);
        }

        return worked;
    }

    /// <summary>The first instant at which W reaches <paramref name="worked"/> (&gt; 0): a session end when it lands on one.</summary>
    private DateTime EarliestInstantWith(long worked)
    {
        var ordinal = worked / _ticksPerWorkingDay;
        var withinDay = worked % _ticksPerWorkingDay;
        if (withinDay == 0)
        {
            return InstantAt(WorkingDayIndex(ordinal - 1), _sessionEnds[^1]);
        }

        var index = WorkingDayIndex(ordinal);
        for (var i = 0; i < _sessionStarts.Length; i++)
        {
            var length = _sessionEnds[i] - _sessionStarts[i];
            if (withinDay <= length)
            {
                return InstantAt(index, _sessionStarts[i] + withinDay);
            }

            withinDay -= length;
        }

        throw new InvalidOperationException("Working time within a day exceeded the day's sessions.");
    }

    /// <summary>The last instant at which W equals <paramref name="worked"/> before it grows again: a session start when it lands on a boundary.</summary>
    private DateTime LatestInstantWith(long worked)
    {
        var ordinal = worked / _ticksPerWorkingDay;
        var withinDay = worked % _ticksPerWorkingDay;
        var index = WorkingDayIndex(ordinal);
        for (var i = 0; i < _sessionStarts.Length; i++)
        {
            var length = _sessionEnds[i] - _sessionStarts[i];
            if (withinDay < length)
            {
                return InstantAt(index, _sessionStarts[i] + withinDay);
            }

            withinDay -= length;
        }

        throw new InvalidOperationException("Working time within a day exceeded the day's sessions.");
    }
}

/// <summary>
/// Holds the calendar in force, for the whole application (register as a singleton). Readers take
/// <see cref="Current"/> once per computation; an administrator's edit compiles a new calendar and swaps it in
/// atomically, so a computation never sees half of an edit.
/// </summary>
public sealed class WorkingCalendarProvider
{
    private WorkingCalendar _current;

    public WorkingCalendarProvider(WorkingCalendar initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>The calendar in force now.</summary>
    public WorkingCalendar Current => Volatile.Read(ref _current);

    /// <summary>Puts <paramref name="calendar"/> in force for every later read of <see cref="Current"/>.</summary>
    public void Replace(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Interlocked.Exchange(ref _current, calendar);
    }
}
