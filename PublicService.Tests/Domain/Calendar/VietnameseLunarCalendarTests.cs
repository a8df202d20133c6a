using PublicService.Domain.Calendar;

namespace PublicService.Tests.Domain.Calendar;

public sealed class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    public void ToGregorian_LunarNewYear_MatchesPublishedTet(int lunarYear, string expected)
    {
        var tet = VietnameseLunarCalendar.ToGregorian(new LunarDate(lunarYear, 1, 1));

        Assert.Equal(DateOnly.Parse(expected), tet);
    }

    [Theory]
    [InlineData("2020-01-25", 2020)]
    [InlineData("2026-02-17", 2026)]
    [InlineData("2028-01-26", 2028)]
    public void FromGregorian_TetDay_IsFirstDayOfFirstMonth(string date, int lunarYear)
    {
        var lunar = VietnameseLunarCalendar.FromGregorian(DateOnly.Parse(date));

        Assert.Equal(new LunarDate(lunarYear, 1, 1), lunar);
    }

    [Fact]
    public void ToGregorian_Tet1985_IsOneMonthBeforeChina()
    {
        // At UTC+7 the new moon of 21/01/1985 falls before midnight; at UTC+8 (China) it does not, and the
        // leap month moves, so China's Spring Festival was 20/02/1985.
        Assert.Equal(new DateOnly(1985, 1, 21), VietnameseLunarCalendar.ToGregorian(new LunarDate(1985, 1, 1)));
    }

    [Fact]
    public void ToGregorian_Tet2007_IsOneDayBeforeChina()
    {
        Assert.Equal(new DateOnly(2007, 2, 17), VietnameseLunarCalendar.ToGregorian(new LunarDate(2007, 1, 1)));
    }

    [Fact]
    public void ToGregorian_Tet1985_DiffersFromDotNetChineseCalendar()
    {
        var chinese = new System.Globalization.ChineseLunisolarCalendar();
        var chineseTet = DateOnly.FromDateTime(chinese.ToDateTime(1985, 1, 1, 0, 0, 0, 0));

        Assert.Equal(new DateOnly(1985, 2, 20), chineseTet);
        Assert.NotEqual(chineseTet, VietnameseLunarCalendar.ToGregorian(new LunarDate(1985, 1, 1)));
    }

    [Theory]
    [InlineData(2014, 9)]
    [InlineData(2017, 6)]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    public void LeapMonthOf_KnownLeapYears_ReturnsPublishedLeapMonth(int lunarYear, int leapMonth)
    {
        Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonthOf(lunarYear));
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2024)]
    [InlineData(2026)]
    public void LeapMonthOf_CommonYears_ReturnsNull(int lunarYear)
    {
        Assert.Null(VietnameseLunarCalendar.LeapMonthOf(lunarYear));
    }

    [Theory]
    [InlineData(2020, 4, "2020-04-23", "2020-05-23")]
    [InlineData(2023, 2, "2023-02-20", "2023-03-22")]
    [InlineData(2025, 6, "2025-06-25", "2025-07-25")]
    public void ToGregorian_LeapMonth_FollowsTheRegularMonthOfTheSameNumber(int year, int month, string regularStart, string leapStart)
    {
        var regular = VietnameseLunarCalendar.ToGregorian(new LunarDate(year, month, 1));
        var leap = VietnameseLunarCalendar.ToGregorian(new LunarDate(year, month, 1, IsLeapMonth: true));

        Assert.Equal(DateOnly.Parse(regularStart), regular);
        Assert.Equal(DateOnly.Parse(leapStart), leap);
        Assert.Equal(new LunarDate(year, month, 1, true), VietnameseLunarCalendar.FromGregorian(leap));
    }

    [Theory]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void ToGregorian_HungKingsDay_MatchesPublishedDate(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), VietnameseLunarCalendar.ToGregorian(new LunarDate(year, 3, 10)));
    }

    [Fact]
    public void FromGregorian_LastDayBeforeTet2026_IsLastDayOfTwelfthMonth2025()
    {
        var lunar = VietnameseLunarCalendar.FromGregorian(new DateOnly(2026, 2, 16));

        Assert.Equal(2025, lunar.Year);
        Assert.Equal(12, lunar.Month);
        Assert.False(lunar.IsLeapMonth);
        Assert.Equal(29, lunar.Day);
    }

    [Fact]
    public void RoundTrip_EveryDayFrom1900To2100_ReturnsSameDate()
    {
        var first = new DateOnly(VietnameseLunarCalendar.MinYear, 1, 1);
        var last = new DateOnly(VietnameseLunarCalendar.MaxYear, 12, 31);
        var previous = VietnameseLunarCalendar.FromGregorian(first);

        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.FromGregorian(date);

            Assert.Equal(date, VietnameseLunarCalendar.ToGregorian(lunar));
            Assert.InRange(lunar.Day, 1, 30);
            // Consecutive days either continue the month or start a new one on day 1.
            if (date > first && lunar.Day != previous.Day + 1)
            {
                Assert.Equal(1, lunar.Day);
                Assert.InRange(previous.Day, 29, 30);
            }

            previous = lunar;
        }
    }

    [Fact]
    public void ToGregorian_LeapMonthTheYearLacks_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToGregorian(new LunarDate(2026, 4, 1, IsLeapMonth: true)));

        Assert.Contains("no leap month 4", ex.Message);
    }

    [Fact]
    public void ToGregorian_Day30OfA29DayMonth_Throws()
    {
        // Lunar 12/2025 ends on 16/02/2026 after 29 days (Tết is 17/02/2026).
        var ex = Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToGregorian(new LunarDate(2025, 12, 30)));

        Assert.Contains("29 days", ex.Message);
    }

    [Theory]
    [InlineData(2026, 0, 1)]
    [InlineData(2026, 13, 1)]
    [InlineData(2026, 1, 0)]
    [InlineData(2026, 1, 31)]
    public void ToGregorian_MonthOrDayOutOfBounds_Throws(int year, int month, int day)
    {
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToGregorian(new LunarDate(year, month, day)));
    }

    [Fact]
    public void FromGregorian_OutsideSupportedYears_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromGregorian(new DateOnly(1899, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromGregorian(new DateOnly(2101, 1, 1)));
    }
}
