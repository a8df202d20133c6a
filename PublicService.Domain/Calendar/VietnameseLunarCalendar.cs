namespace PublicService.Domain.Calendar;

/// <summary>
/// Gregorian ↔ Vietnamese lunar conversion, computed astronomically (new moons and solar terms) at UTC+7.
/// Deliberately not <see cref="System.Globalization.ChineseLunisolarCalendar"/>, which works at UTC+8.
/// </summary>
/// <remarks>
/// The method is Hồ Ngọc Đức's well-known one:
/// <list type="bullet">
/// <item>a lunar month starts on the local (UTC+7) day of a new moon, computed with Meeus' series;</item>
/// <item>the month containing the winter solstice is month 11;</item>
/// <item>when 13 new moons separate two months 11, the first month after month 11 in which the sun enters no
/// new 30° sector (no major solar term) is the leap month and repeats the number of the month before it.</item>
/// </list>
/// All months from late 1898 to early 2102 are computed once into a table, so a conversion is a binary search.
/// </remarks>
public static class VietnameseLunarCalendar
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    /// <summary>Vietnam's standard time zone, in hours east of UTC.</summary>
    private const double TimeZoneHours = 7.0;

    /// <summary>Julian day number of 0001-01-01 (proleptic Gregorian), i.e. <c>jd = DateOnly.DayNumber + this</c>.</summary>
    private const int JulianDayOfDayNumberZero = 1721426;

    /// <summary>Mean length of a synodic month, in days.</summary>
    private const double SynodicMonth = 29.530588853;

    /// <summary>Julian date of the new moon of 1900-01-01 that Meeus' series counts from (k = 0).</summary>
    private const double NewMoonEpoch = 2415021.076998695;

    private static readonly DateOnly _minDate = new(MinYear, 1, 1);
    private static readonly DateOnly _maxDate = new(MaxYear, 12, 31);

    private static readonly Lazy<MonthStart[]> _months = new(BuildMonthTable);

    /// <summary>The lunar date of a Gregorian date between <see cref="MinYear"/>-01-01 and <see cref="MaxYear"/>-12-31.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the supported years.</exception>
    public static LunarDate FromGregorian(DateOnly date)
    {
        if (date < _minDate || date > _maxDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Lunar conversion supports {MinYear}–{MaxYear} only.");
        }

        var months = _months.Value;
        var jd = JulianDay(date);
        var index = IndexOfMonthContaining(months, jd);
        var month = months[index];
        return new LunarDate(month.Year, month.Month, jd - month.StartJulianDay + 1, month.IsLeap);
    }

    /// <summary>
    /// The Gregorian date of a lunar date. Lunar dates from the last months of lunar year <see cref="MinYear"/> − 1
    /// are accepted as long as they fall on or after <see cref="MinYear"/>-01-01.
    /// Throws <see cref="ArgumentException"/> when the lunar date does not exist (e.g. a leap month that year lacks).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The date falls outside the supported years.</exception>
    public static DateOnly ToGregorian(LunarDate date)
    {
        if (date.Month is < 1 or > 12)
        {
            throw new ArgumentException($"Lunar month {date.Month} does not exist; months run from 1 to 12.", nameof(date));
        }

        if (date.Day is < 1 or > 30)
        {
            throw new ArgumentException($"Lunar day {date.Day} does not exist; days run from 1 to 30.", nameof(date));
        }

        if (date.Year < MinYear - 1 || date.Year > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Lunar conversion supports {MinYear}–{MaxYear} only.");
        }

        var months = _months.Value;
        var index = IndexOfMonth(months, date.Year, date.Month, date.IsLeapMonth);
        if (index < 0)
        {
            throw new ArgumentException(
                $"Lunar year {date.Year} has no leap month {date.Month}.", nameof(date));
        }

        var month = months[index];
        var length = months[index + 1].StartJulianDay - month.StartJulianDay;
        if (date.Day > length)
        {
            throw new ArgumentException(
                $"Lunar month {date.Month}{(date.IsLeapMonth ? " (leap)" : "")} of {date.Year} has {length} days, not {date.Day}.",
                nameof(date));
        }

        var result = FromJulianDay(month.StartJulianDay + date.Day - 1);
        if (result < _minDate || result > _maxDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Lunar conversion supports {MinYear}–{MaxYear} only.");
        }

        return result;
    }

    /// <summary>The leap month of a lunar year (its number, e.g. 4 for "tháng 4 nhuận"), or null when the year has none.</summary>
    public static int? LeapMonthOf(int lunarYear)
    {
        if (lunarYear < MinYear || lunarYear > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear, $"Lunar conversion supports {MinYear}–{MaxYear} only.");
        }

        foreach (var month in _months.Value)
        {
            if (month.Year == lunarYear && month.IsLeap)
            {
                return month.Month;
            }
        }

        return null;
    }

    /// <summary>The first day of a lunar month, with the month's place in the lunar calendar.</summary>
    private readonly record struct MonthStart(int StartJulianDay, int Year, int Month, bool IsLeap);

    private static int JulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - JulianDayOfDayNumberZero);

    /// <summary>
    /// Every lunar month starting from month 11 of lunar year 1898 up to month 11 of lunar year 2101, plus that
    /// last start as a sentinel so each month's length is the gap to the next start.
    /// </summary>
    private static MonthStart[] BuildMonthTable()
    {
        var table = new List<MonthStart>((MaxYear - MinYear + 5) * 13);
        // Each pass covers one "solstice year": from the month 11 before Gregorian year y begins to the next month 11.
        for (var year = MinYear - 1; year <= MaxYear + 1; year++)
        {
            var month11 = StartOfMonth11(year - 1);
            var nextMonth11 = StartOfMonth11(year);
            var k = (int)Math.Floor((month11 - NewMoonEpoch) / SynodicMonth + 0.5);
            var monthCount = nextMonth11 - month11 > 365 ? 13 : 12;
            var leapOffset = monthCount == 13 ? LeapMonthOffset(month11) : -1;

            for (var offset = 0; offset < monthCount; offset++)
            {
                // Months after a leap month are numbered one lower: the leap month repeats its predecessor's number.
                var position = leapOffset >= 0 && offset >= leapOffset ? offset - 1 : offset;
                var number = (10 + position) % 12 + 1;
                // Months 11 and 12 close the previous lunar year; month 1 opens the year named after Gregorian year y.
                var lunarYear = number >= 11 ? year - 1 : year;
                var start = offset == 0 ? month11 : NewMoonDay(k + offset);
                table.Add(new MonthStart(start, lunarYear, number, offset == leapOffset));
            }
        }

        table.Add(new MonthStart(StartOfMonth11(MaxYear + 1), MaxYear + 1, 11, false));
        return [.. table];
    }

    private static int IndexOfMonthContaining(MonthStart[] months, int julianDay)
    {
        // The last entry is a sentinel: search among real months only.
        var low = 0;
        var high = months.Length - 2;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (months[mid].StartJulianDay <= julianDay)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    private static int IndexOfMonth(MonthStart[] months, int year, int month, bool isLeap)
    {
        // A lunar year spans at most 13 entries, all near the same place: an approximate jump then a short scan.
        var guess = Math.Clamp((year - (MinYear - 1)) * 12, 0, months.Length - 2);
        while (guess > 0 && (months[guess].Year > year || (months[guess].Year == year && months[guess].Month > 1)))
        {
            guess--;
        }

        for (var i = guess; i < months.Length - 1 && months[i].Year <= year; i++)
        {
            var candidate = months[i];
            if (candidate.Year == year && candidate.Month == month && candidate.IsLeap == isLeap)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Julian day number of the first day of lunar month 11 (the month containing the winter solstice) in Gregorian year <paramref name="year"/>.</summary>
    private static int StartOfMonth11(int year)
    {
        var offset = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(offset / SynodicMonth);
        var newMoon = NewMoonDay(k);
        // Sector 9 is sun longitude 270°–300°: that new moon is after the solstice, so month 11 began one lunation earlier.
        return SunLongitudeSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>
    /// Offset from month 11 of the leap month in a 13-month year: the first month during which the sun does not
    /// enter a new 30° sector, i.e. whose start and the next month's start share a sector.
    /// </summary>
    private static int LeapMonthOffset(int month11)
    {
        var k = (int)Math.Floor((month11 - NewMoonEpoch) / SynodicMonth + 0.5);
        var offset = 1;
        var current = SunLongitudeSector(NewMoonDay(k + offset));
        int previous;
        do
        {
            previous = current;
            offset++;
            current = SunLongitudeSector(NewMoonDay(k + offset));
        }
        while (current != previous && offset < 14);

        return offset - 1;
    }

    /// <summary>The local (UTC+7) Julian day number of the k-th new moon after the one of 1900-01-01.</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + TimeZoneHours / 24);

    /// <summary>
    /// Julian date (UT) of the k-th new moon after 1900-01-01, with Meeus' periodic terms and ΔT correction
    /// (Astronomical Algorithms, ch. 49, the older 1900-epoch form Hồ Ngọc Đức uses).
    /// </summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85; // Julian centuries since 1900-01-01
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;

        var meanNewMoon = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
            + 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        var sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        var moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        var moonLatitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;

        var correction = (0.1734 - 0.000393 * t) * Math.Sin(sunAnomaly * dr) + 0.0021 * Math.Sin(2 * dr * sunAnomaly)
            - 0.4068 * Math.Sin(moonAnomaly * dr) + 0.0161 * Math.Sin(dr * 2 * moonAnomaly)
            - 0.0004 * Math.Sin(dr * 3 * moonAnomaly)
            + 0.0104 * Math.Sin(dr * 2 * moonLatitude) - 0.0051 * Math.Sin(dr * (sunAnomaly + moonAnomaly))
            - 0.0074 * Math.Sin(dr * (sunAnomaly - moonAnomaly)) + 0.0004 * Math.Sin(dr * (2 * moonLatitude + sunAnomaly))
            - 0.0004 * Math.Sin(dr * (2 * moonLatitude - sunAnomaly)) - 0.0006 * Math.Sin(dr * (2 * moonLatitude + moonAnomaly))
            + 0.0010 * Math.Sin(dr * (2 * moonLatitude - moonAnomaly)) + 0.0005 * Math.Sin(dr * (2 * moonAnomaly + sunAnomaly));

        // ΔT (terrestrial minus universal time), in days.
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;

        return meanNewMoon + correction - deltaT;
    }

    /// <summary>
    /// Which 30° sector (0–11) the sun's apparent longitude is in at the start (local midnight, UTC+7) of the
    /// given Julian day. Sector 9 begins at the winter solstice (270°); each sector boundary is a major solar term.
    /// </summary>
    private static int SunLongitudeSector(int julianDay) =>
        (int)Math.Floor(SunLongitude(julianDay - 0.5 - TimeZoneHours / 24) / Math.PI * 6);

    /// <summary>The sun's apparent longitude in radians, normalised to [0, 2π), at a Julian date (UT).</summary>
    private static double SunLongitude(double julianDate)
    {
        var t = (julianDate - 2451545.0) / 36525; // Julian centuries since J2000.0
        var t2 = t * t;
        const double dr = Math.PI / 180;

        var meanAnomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        var meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var equationOfCentre = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(dr * meanAnomaly)
            + (0.019993 - 0.000101 * t) * Math.Sin(dr * 2 * meanAnomaly)
            + 0.000290 * Math.Sin(dr * 3 * meanAnomaly);

        var longitude = (meanLongitude + equationOfCentre) * dr;
        return longitude - 2 * Math.PI * Math.Floor(longitude / (2 * Math.PI));
    }
}
