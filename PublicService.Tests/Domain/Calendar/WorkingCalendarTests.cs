using PublicService.Domain;
using PublicService.Domain.Calendar;
using static PublicService.Tests.Domain.Calendar.CalendarBuilder;

namespace PublicService.Tests.Domain.Calendar;

public sealed class WorkingCalendarTests
{
    private readonly WorkingCalendar _calendar = Default;

    [Fact]
    public void DaysOff_2026_ListsStatutoryHolidaysAndTheHungKingsCompensatoryDay()
    {
        var expected = new[]
        {
            (D(2026, 1, 1), DayOffKind.NewYear, "Tết Dương lịch"),
            (D(2026, 2, 16), DayOffKind.Tet, "Tết Nguyên đán"),
            (D(2026, 2, 17), DayOffKind.Tet, "Tết Nguyên đán"),
            (D(2026, 2, 18), DayOffKind.Tet, "Tết Nguyên đán"),
            (D(2026, 2, 19), DayOffKind.Tet, "Tết Nguyên đán"),
            (D(2026, 2, 20), DayOffKind.Tet, "Tết Nguyên đán"),
            (D(2026, 4, 26), DayOffKind.HungKings, "Giỗ Tổ Hùng Vương"),
            (D(2026, 4, 27), DayOffKind.Compensatory, "Nghỉ bù Giỗ Tổ Hùng Vương"),
            (D(2026, 4, 30), DayOffKind.Reunification, "Ngày Chiến thắng"),
            (D(2026, 5, 1), DayOffKind.LabourDay, "Ngày Quốc tế Lao động"),
            (D(2026, 9, 1), DayOffKind.NationalDay, "Quốc khánh"),
            (D(2026, 9, 2), DayOffKind.NationalDay, "Quốc khánh"),
        };

        var actual = _calendar.DaysOff(2026).Select(d => (d.Date, d.Kind, d.Name)).ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void DaysOff_2027_TetBlockOnAWeekendGetsTwoCompensatoryDays()
    {
        var february = _calendar.DaysOff(2027).Where(d => d.Date.Month == 2).ToArray();

        Assert.Equal(
            [D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8), D(2027, 2, 9), D(2027, 2, 10), D(2027, 2, 11)],
            february.Select(d => d.Date));
        Assert.All(february[..5], d => Assert.Equal(DayOffKind.Tet, d.Kind));
        Assert.All(february[5..], d => Assert.Equal(("Nghỉ bù Tết Nguyên đán", DayOffKind.Compensatory), (d.Name, d.Kind)));
        Assert.True(_calendar.IsWorkingDay(D(2027, 2, 12)));
    }

    [Fact]
    public void DaysOff_2022_WeekendHolidaysAreCompensatedAfterTheirBlock()
    {
        // 01/01/2022 was a Saturday, Hùng Kings 10/04 a Sunday, 30/04 a Saturday and 01/05 a Sunday:
        // the country was off on 03/01, 11/04 and until Tuesday 03/05.
        var compensatory = _calendar.DaysOff(2022).Where(d => d.Kind == DayOffKind.Compensatory).ToArray();

        Assert.Equal([D(2022, 1, 3), D(2022, 4, 11), D(2022, 5, 2), D(2022, 5, 3)], compensatory.Select(d => d.Date));
        Assert.Equal("Nghỉ bù Tết Dương lịch", compensatory[0].Name);
        Assert.Equal("Nghỉ bù Giỗ Tổ Hùng Vương", compensatory[1].Name);
        Assert.Equal("Nghỉ bù Ngày Chiến thắng", compensatory[2].Name);
        Assert.Equal("Nghỉ bù Ngày Quốc tế Lao động", compensatory[3].Name);
    }

    [Fact]
    public void DaysOff_2023_HungKingsJoinsTheAprilBlock()
    {
        // Hùng Kings 29/04/2023 (Saturday), 30/04 (Sunday), 01/05 (Monday): one block, two weekend holidays.
        Assert.Equal(DayOffKind.HungKings, _calendar.DayOffOn(D(2023, 4, 29))?.Kind);
        Assert.Equal(DayOffKind.Compensatory, _calendar.DayOffOn(D(2023, 5, 2))?.Kind);
        Assert.Equal(DayOffKind.Compensatory, _calendar.DayOffOn(D(2023, 5, 3))?.Kind);
        Assert.True(_calendar.IsWorkingDay(D(2023, 5, 4)));
    }

    [Fact]
    public void DaysOff_NationalDayOnMonday_AddsTheThirdOfSeptember()
    {
        Assert.Equal(DayOffKind.NationalDay, _calendar.DayOffOn(D(2024, 9, 3))?.Kind);
        Assert.True(_calendar.IsWorkingDay(D(2024, 8, 30)));
        Assert.Null(_calendar.DayOffOn(D(2024, 9, 1)));
    }

    [Fact]
    public void StatutoryHolidays_EveryYear_HasElevenDaysAndElevenDaysOffOnceCompensated()
    {
        var calendar = new CalendarBuilder().ForYears(VietnameseLunarCalendar.MinYear, VietnameseLunarCalendar.MaxYear).Build();
        var collisions = new List<int>();
        for (var year = VietnameseLunarCalendar.MinYear; year <= VietnameseLunarCalendar.MaxYear; year++)
        {
            var holidays = WorkingCalendar.StatutoryHolidays(year);
            if (holidays.Select(h => h.Date).Distinct().Count() != 11)
            {
                collisions.Add(year);
            }

            // However the holidays fall, a year gives exactly eleven weekdays off.
            var weekdaysOff = calendar.DaysOff(year).Count(d => d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            Assert.True(weekdaysOff == 11, $"{year}: {weekdaysOff} weekdays off");
            Assert.Equal(11, holidays.Count);
        }

        Assert.Equal([1947], collisions);
    }

    [Fact]
    public void Compile_HungKingsOnReunificationDay1947_CompensatesTheSecondHoliday()
    {
        var calendar = new CalendarBuilder().ForYears(1947, 1947).Build();

        Assert.Equal(DayOffKind.HungKings, calendar.DayOffOn(D(1947, 4, 30))?.Kind);
        Assert.Equal(new DayOff(D(1947, 5, 2), DayOffKind.Compensatory, "Nghỉ bù Ngày Chiến thắng"), calendar.DayOffOn(D(1947, 5, 2)));
    }

    [Fact]
    public void Compile_SaturdayIsWorkingDay_HolidayOnSaturdayIsNotCompensated()
    {
        var calendar = new CalendarBuilder().WithSettings(s => s with { SaturdayIsWorkingDay = true }).Build();

        Assert.True(calendar.IsWorkingDay(D(2026, 2, 14)));
        // 30/04/2022 Saturday costs nothing extra; 01/05 Sunday gives Monday 02/05 only.
        Assert.Equal([D(2022, 5, 2)], calendar.DaysOff(2022).Where(d => d.Kind == DayOffKind.Compensatory && d.Date.Month == 5).Select(d => d.Date));
    }

    [Fact]
    public void Compile_DayOffOverride_MakesAWorkingDayOffWithTheReason()
    {
        var calendar = new CalendarBuilder().WithDayOff(D(2026, 2, 13), "Nghỉ trước Tết").Build();

        Assert.False(calendar.IsWorkingDay(D(2026, 2, 13)));
        Assert.Equal(new DayOff(D(2026, 2, 13), DayOffKind.OverrideOff, "Nghỉ trước Tết"), calendar.DayOffOn(D(2026, 2, 13)));
        Assert.Contains(calendar.DaysOff(2026), d => d.Date == D(2026, 2, 13));
    }

    [Fact]
    public void Compile_WorkingDayOverrideOnHoliday_RemovesTheDayOff()
    {
        var calendar = new CalendarBuilder().WithWorkingDay(D(2026, 2, 20)).Build();

        Assert.True(calendar.IsWorkingDay(D(2026, 2, 20)));
        Assert.Null(calendar.DayOffOn(D(2026, 2, 20)));
        Assert.DoesNotContain(calendar.DaysOff(2026), d => d.Date == D(2026, 2, 20));
    }

    [Fact]
    public void Compile_WorkingDayOverrideOnSaturday_MakesItAWorkingDay()
    {
        var calendar = new CalendarBuilder().WithWorkingDay(D(2026, 2, 28)).Build();

        Assert.True(calendar.IsWorkingDay(D(2026, 2, 28)));
        Assert.Equal(D(2026, 2, 28), calendar.NextWorkingDay(D(2026, 2, 27)));
        Assert.False(Default.IsWorkingDay(D(2026, 2, 28)));
    }

    [Fact]
    public void Compile_InvalidSessions_ThrowsDomainException()
    {
        var builder = new CalendarBuilder().WithSettings(s => s with
        {
            Sessions = [new(new TimeOnly(13, 30), new TimeOnly(17, 0)), new(new TimeOnly(7, 0), new TimeOnly(11, 30))],
        });

        var ex = Assert.Throws<DomainException>(builder.Build);

        Assert.Equal("calendar.settings.sessions-overlap", ex.Error.Code);
    }

    [Fact]
    public void Compile_YearsOutsideLunarRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.Compile(WorkingCalendarSettings.Default, [], 1899, 2000));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.Compile(WorkingCalendarSettings.Default, [], 2000, 2101));
    }

    [Fact]
    public void Compile_DefaultRange_CoversTwoThousandToTwoThousandOneHundred()
    {
        var calendar = WorkingCalendar.Compile(WorkingCalendarSettings.Default, []);

        Assert.Equal((2000, 2100), (calendar.FirstYear, calendar.LastYear));
        Assert.Equal(DayOffKind.NewYear, calendar.DaysOff(2000)[0].Kind);
        Assert.Equal(DayOffKind.NationalDay, calendar.DaysOff(2100)[^1].Kind);
        Assert.Equal(480, calendar.MinutesPerWorkingDay);
    }

    [Fact]
    public void Methods_OutsideCompiledRange_ThrowWithTheRangeInTheMessage()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.IsWorkingDay(D(2031, 1, 2)));

        Assert.Contains("outside the compiled calendar 2020–2030", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.DaysOff(2019));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.NextWorkingDay(D(2030, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.WorkingMinutesBetween(Vn(2019, 12, 31, 9, 0), Vn(2020, 1, 2, 9, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(D(2030, 12, 1), 100));
    }

    [Fact]
    public void NextWorkingDay_BeforeTet2026_SkipsTheWholeBreak()
    {
        Assert.Equal(D(2026, 2, 23), _calendar.NextWorkingDay(D(2026, 2, 13)));
    }

    [Theory]
    [InlineData(0, 2026, 2, 11)]
    [InlineData(1, 2026, 2, 12)]
    [InlineData(3, 2026, 2, 23)]
    [InlineData(-1, 2026, 2, 10)]
    [InlineData(-3, 2026, 2, 6)]
    public void AddWorkingDays_FromWednesdayBeforeTet_CountsWorkingDaysOnly(int count, int year, int month, int day)
    {
        Assert.Equal(D(year, month, day), _calendar.AddWorkingDays(D(2026, 2, 11), count));
    }

    [Fact]
    public void AddWorkingDays_FromTetHoliday_CountsFromTheNextWorkingDay()
    {
        Assert.Equal(D(2026, 2, 23), _calendar.AddWorkingDays(D(2026, 2, 17), 1));
        Assert.Equal(D(2026, 2, 13), _calendar.AddWorkingDays(D(2026, 2, 17), -1));
    }

    [Fact]
    public void WorkingDaysBetween_AcrossTet_CountsOnlyWorkingDays()
    {
        Assert.Equal(3, _calendar.WorkingDaysBetween(D(2026, 2, 11), D(2026, 2, 23)));
        Assert.Equal(-3, _calendar.WorkingDaysBetween(D(2026, 2, 23), D(2026, 2, 11)));
        Assert.Equal(0, _calendar.WorkingDaysBetween(D(2026, 2, 13), D(2026, 2, 22)));
    }

    [Fact]
    public void WorkingDaysBetween_WholeYear2026_Is250()
    {
        // 261 weekdays, minus the 11 named days off that fall on weekdays (Hùng Kings 26/04 is a Sunday).
        Assert.Equal(261 - 11, _calendar.WorkingDaysBetween(D(2025, 12, 31), D(2026, 12, 31)));
    }

    [Fact]
    public void OpeningAndClosing_DefaultSessions_AreSevenAndSeventeen()
    {
        Assert.Equal(Vn(2026, 3, 2, 7, 0), _calendar.OpeningOf(D(2026, 3, 2)));
        Assert.Equal(Vn(2026, 3, 2, 17, 0), _calendar.ClosingOf(D(2026, 3, 2)));
        Assert.Equal(DateTimeKind.Utc, _calendar.ClosingOf(D(2026, 3, 2)).Kind);
    }

    [Theory]
    [InlineData(14, 59, 2026, 3, 2, 14, 59)]
    [InlineData(15, 0, 2026, 3, 3, 7, 0)]
    [InlineData(12, 0, 2026, 3, 2, 12, 0)]
    [InlineData(6, 30, 2026, 3, 2, 6, 30)]
    [InlineData(23, 59, 2026, 3, 3, 7, 0)]
    public void CountingStart_ReceivedMondayTwoMarch_AppliesTheCutOff(int hour, int minute, int y, int mo, int d, int h, int mi)
    {
        Assert.Equal(Vn(y, mo, d, h, mi), _calendar.CountingStart(Vn(2026, 3, 2, hour, minute)));
    }

    [Fact]
    public void CountingStart_ReceivedOnSaturdayMorning_IsMondayOpening()
    {
        Assert.Equal(Vn(2026, 3, 9, 7, 0), _calendar.CountingStart(Vn(2026, 3, 7, 9, 0)));
    }

    [Fact]
    public void CountingStart_UnspecifiedKind_IsTreatedAsUtc()
    {
        var unspecified = DateTime.SpecifyKind(Vn(2026, 3, 2, 9, 0), DateTimeKind.Unspecified);

        Assert.Equal(Vn(2026, 3, 2, 9, 0), _calendar.CountingStart(unspecified));
    }

    [Fact]
    public void WorkingMinutesBetween_SameDayAcrossLunch_SkipsTheBreak()
    {
        Assert.Equal(300, _calendar.WorkingMinutesBetween(Vn(2026, 3, 2, 9, 0), Vn(2026, 3, 2, 16, 0)));
        Assert.Equal(-300, _calendar.WorkingMinutesBetween(Vn(2026, 3, 2, 16, 0), Vn(2026, 3, 2, 9, 0)));
    }

    [Fact]
    public void WorkingMinutesBetween_AcrossTet_CountsOnlyWorkingHours()
    {
        Assert.Equal(120, _calendar.WorkingMinutesBetween(Vn(2026, 2, 13, 16, 0), Vn(2026, 2, 23, 8, 0)));
    }

    [Fact]
    public void WorkingMinutesBetween_AcrossAYear_IsWorkingDaysTimesEightHours()
    {
        var minutes = _calendar.WorkingMinutesBetween(Vn(2026, 1, 1, 0, 0), Vn(2027, 1, 1, 0, 0));

        Assert.Equal(250L * 480, minutes);
    }

    [Theory]
    [InlineData(9, 0, 150, 2026, 3, 2, 11, 30)]
    [InlineData(9, 0, 151, 2026, 3, 2, 13, 31)]
    [InlineData(13, 30, 210, 2026, 3, 2, 17, 0)]
    [InlineData(13, 30, 211, 2026, 3, 3, 7, 1)]
    [InlineData(12, 0, 30, 2026, 3, 2, 14, 0)]
    [InlineData(6, 0, 60, 2026, 3, 2, 8, 0)]
    [InlineData(18, 0, 60, 2026, 3, 3, 8, 0)]
    [InlineData(12, 0, 0, 2026, 3, 2, 13, 30)]
    [InlineData(9, 0, 0, 2026, 3, 2, 9, 0)]
    [InlineData(9, 0, 480, 2026, 3, 3, 9, 0)]
    public void AddWorkingMinutes_FromMondayTwoMarch_LandsOnWorkingTime(int hour, int minute, long minutes, int y, int mo, int d, int h, int mi)
    {
        Assert.Equal(Vn(y, mo, d, h, mi), _calendar.AddWorkingMinutes(Vn(2026, 3, 2, hour, minute), minutes));
    }

    [Fact]
    public void AddWorkingMinutes_EndingAtFridayClosingBeforeTet_StaysAtClosing()
    {
        Assert.Equal(Vn(2026, 2, 13, 17, 0), _calendar.AddWorkingMinutes(Vn(2026, 2, 13, 16, 0), 60));
        Assert.Equal(Vn(2026, 2, 23, 7, 1), _calendar.AddWorkingMinutes(Vn(2026, 2, 13, 16, 0), 61));
    }

    [Theory]
    [InlineData(14, 0, 30, 2026, 3, 2, 13, 30)]
    [InlineData(14, 0, 31, 2026, 3, 2, 11, 29)]
    [InlineData(7, 30, 30, 2026, 3, 2, 7, 0)]
    [InlineData(7, 30, 31, 2026, 2, 27, 16, 59)]
    [InlineData(12, 0, 0, 2026, 3, 2, 11, 30)]
    [InlineData(9, 0, -60, 2026, 3, 2, 10, 0)]
    public void SubtractWorkingMinutes_FromMondayTwoMarch_LandsOnSessionStartsNotEnds(int hour, int minute, long minutes, int y, int mo, int d, int h, int mi)
    {
        Assert.Equal(Vn(y, mo, d, h, mi), _calendar.SubtractWorkingMinutes(Vn(2026, 3, 2, hour, minute), minutes));
    }

    [Fact]
    public void SubtractWorkingMinutes_AcrossTet_LandsOnFridayBeforeTheBreak()
    {
        Assert.Equal(Vn(2026, 2, 13, 16, 30), _calendar.SubtractWorkingMinutes(Vn(2026, 2, 23, 9, 0), 150));
    }

    [Fact]
    public void AddWorkingMinutes_RandomPairs_InvertsWorkingMinutesBetween()
    {
        var random = new Random(20260211);
        for (var i = 0; i < 5000; i++)
        {
            var x = RandomInstant(random);
            var y = RandomWorkingInstant(random, includeSessionEnd: true);
            if (y <= x)
            {
                y = RandomWorkingInstantAfter(random, x);
            }

            var minutes = _calendar.WorkingMinutesBetween(x, y);

            Assert.True(minutes > 0, $"{VietnamTime.ToIso(x)} → {VietnamTime.ToIso(y)}");
            Assert.Equal(y, _calendar.AddWorkingMinutes(x, minutes));
        }
    }

    [Fact]
    public void SubtractWorkingMinutes_RandomPairs_InvertsWorkingMinutesBetween()
    {
        var random = new Random(17022026);
        for (var i = 0; i < 5000; i++)
        {
            var start = RandomWorkingInstant(random, includeSessionEnd: false);
            var end = RandomInstantAfter(random, start);

            var minutes = _calendar.WorkingMinutesBetween(start, end);

            Assert.Equal(start, _calendar.SubtractWorkingMinutes(end, minutes));
        }
    }

    [Fact]
    public void WorkingMinutesBetween_RandomTriples_IsAdditive()
    {
        var random = new Random(42);
        for (var i = 0; i < 2000; i++)
        {
            var instants = new[] { RandomInstant(random), RandomInstant(random), RandomInstant(random) };
            Array.Sort(instants);

            var whole = _calendar.WorkingMinutesBetween(instants[0], instants[2]);
            var parts = _calendar.WorkingMinutesBetween(instants[0], instants[1]) + _calendar.WorkingMinutesBetween(instants[1], instants[2]);

            Assert.Equal(whole, parts);
            Assert.True(whole >= 0);
        }
    }

    [Fact]
    public void Provider_Replace_SwapsTheCurrentCalendar()
    {
        var provider = new WorkingCalendarProvider(_calendar);
        var edited = new CalendarBuilder().WithDayOff(D(2026, 3, 2)).Build();

        provider.Replace(edited);

        Assert.Same(edited, provider.Current);
        Assert.False(provider.Current.IsWorkingDay(D(2026, 3, 2)));
    }

    /// <summary>Any whole-minute instant between 2024 and 2027 (days off and nights included).</summary>
    private static DateTime RandomInstant(Random random) =>
        Vn(2024, 1, 1, 0, 0).AddMinutes(random.Next(0, 4 * 365 * 24 * 60));

    private static DateTime RandomInstantAfter(Random random, DateTime instant) =>
        instant.AddMinutes(random.Next(1, 60 * 24 * 60));

    /// <summary>A whole-minute instant inside a session of a working day: [start, end), or (start, end] with <paramref name="includeSessionEnd"/>.</summary>
    private DateTime RandomWorkingInstant(Random random, bool includeSessionEnd)
    {
        var day = D(2024, 1, 1).AddDays(random.Next(0, 4 * 365));
        return WorkingInstantOn(random, _calendar.IsWorkingDay(day) ? day : _calendar.NextWorkingDay(day), includeSessionEnd);
    }

    private DateTime RandomWorkingInstantAfter(Random random, DateTime instant) =>
        WorkingInstantOn(random, _calendar.NextWorkingDay(VietnamTime.DateOf(instant)), includeSessionEnd: true);

    private DateTime WorkingInstantOn(Random random, DateOnly day, bool includeSessionEnd)
    {
        var session = _calendar.Settings.Sessions[random.Next(_calendar.Settings.Sessions.Count)];
        var length = (int)(session.End - session.Start).TotalMinutes;
        var offset = includeSessionEnd ? random.Next(1, length + 1) : random.Next(0, length);
        return VietnamTime.ToUtc(day, session.Start.AddMinutes(offset));
    }
}
